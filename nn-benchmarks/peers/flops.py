#!/usr/bin/env python3
"""The work of a benchmark run in floating-point operations, and the share of the machine a time gives.

Counts a multiply-add as 2 flops, two ways:
- dense-equivalent: what a dense implementation computes per training example (forward, weight
  gradients, the errors fed back to the hidden layers), the step once per mini-batch (plus L2's
  decay), and the monitored data sets fed forward once per epoch;
- executed: the same with the first layer's work counted over an image's nonzero pixels only, as nn
  does (the mean nonzero count of the images used, read from the MNIST files); the step is left out.
Prints GFLOP/s and the fraction of the 160 GFLOP/s two-core peak (NumPy's dgemm on this machine).

Usage: NN_MNIST_DIR=DIR flops.py NAME=SECONDS ...   NAME: w1..w4, or H<units>/B<batch> for the
scaling grid's 784-H-10 on all 60000 images, eta 0.1, one epoch.
"""
import gzip
import os
import sys

import numpy as np

PEAK = 160.0


def images(path):
    with gzip.open(path) if path.endswith(".gz") else open(path, "rb") as f:
        data = f.read()
    n = int.from_bytes(data[4:8], "big")
    return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(n, 784)


def nonzero_means(directory):
    def find(name):
        for candidate in (name + ".gz", name):
            if os.path.exists(os.path.join(directory, candidate)):
                return os.path.join(directory, candidate)
        sys.exit("flops.py: no %s in %s" % (name, directory))
    train = (images(find("train-images-idx3-ubyte")) != 0).sum(1)
    test = (images(find("t10k-images-idx3-ubyte")) != 0).sum(1)
    return train.mean(), train[:1000].mean(), test.mean()


def training_example(sizes, nnz):
    """(dense, executed) flops of one example: forward, weight gradients, errors to the hidden layers."""
    params = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
    rest = params - sizes[0] * sizes[1]
    return 2 * params * 2 + 2 * rest, 2 * (nnz * sizes[1] + rest) * 2 + 2 * rest, params


def forward(sizes, nnz):
    params = sum(a * b for a, b in zip(sizes[:-1], sizes[1:]))
    return 2 * params, 2 * (nnz * sizes[1] + params - sizes[0] * sizes[1])


def run(sizes, n, nnz, batch, epochs, monitored, l2=False):
    dense_example, executed_example, params = training_example(sizes, nnz)
    batches = -(-n // batch)
    decay = batches * params if l2 else 0
    dense = epochs * (n * dense_example + batches * 2 * params + decay)
    executed = epochs * (n * executed_example + decay)
    for count, count_nnz in monitored:
        d, e = forward(sizes, count_nnz)
        dense += epochs * count * d
        executed += epochs * count * e
    return dense, executed


def main():
    directory = os.environ.get("NN_MNIST_DIR")
    if not directory or len(sys.argv) < 2:
        sys.exit("usage: NN_MNIST_DIR=DIR flops.py NAME=SECONDS ... (NAME: w1..w4, or H<units>/B<batch> of the grid)")
    train, first1000, test = nonzero_means(directory)
    runs = {
        "w1": run([784, 30, 10], 1000, first1000, 10, 20, [(1000, first1000), (10000, test)]),
        "w2": run([784, 30, 10], 60000, train, 10, 2, [(10000, test)]),
        "w3": run([784, 30, 30, 30, 30, 30, 10], 60000, train, 10, 1, [(10000, test)]),
        "w4": run([784, 100, 10], 60000, train, 10, 1, [(10000, test)], l2=True),
    }
    for arg in sys.argv[1:]:
        name, seconds = arg.split("=")
        if name not in runs:
            units, batch = name[1:].split("/B")
            runs[name] = run([784, int(units), 10], 60000, train, int(batch), 1, [(10000, test)])
        dense, executed = runs[name]
        s = float(seconds)
        print("%-10s %6.3f s  dense-equivalent %7.2f GFLOP, %5.1f GFLOP/s (%2.0f%% of peak)   executed %6.2f GFLOP,"
              " %5.1f GFLOP/s (%4.1f%%)" % (name, s, dense / 1e9, dense / s / 1e9, 100 * dense / s / 1e9 / PEAK,
                                         executed / 1e9, executed / s / 1e9, 100 * executed / s / 1e9 / PEAK))


if __name__ == "__main__":
    main()
