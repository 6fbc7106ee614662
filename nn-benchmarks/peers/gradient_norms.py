#!/usr/bin/env python3
"""An independent check of `nn gradients`: network2.py's backprop, one example at a time, in NumPy.

For each seed: a 784-30-30-30-30-30-10 sigmoid network drawn as network2.py draws it (weights
N(0,1)/sqrt(n_in), biases N(0,1)), the first mini-batch of 100 of the first 1000 training images in
a seeded order, cross-entropy; prints the norm of every layer's unregularized nabla_w, summed over
the batch, in the order of `nn gradients`' first row. Then the median and range over the seeds, and
the ratio of each layer's norm to the one before. The seeds draw other numbers than nn's, so runs
agree in distribution, not seed by seed.
Usage: NN_MNIST_DIR=DIR gradient_norms.py [SEEDS, default 20]
"""
import gzip
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from numpy_bench import find, read_idx  # noqa: E402

SIZES = [784, 30, 30, 30, 30, 30, 10]


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def norms(x, labels, seed):
    rng = np.random.default_rng(seed)
    weights = [rng.standard_normal((y, n)) / np.sqrt(n) for n, y in zip(SIZES[:-1], SIZES[1:])]
    biases = [rng.standard_normal((y, 1)) for y in SIZES[1:]]
    nabla_w = [np.zeros(w.shape) for w in weights]
    for i in rng.permutation(len(x))[:100]:
        activation = x[i].reshape(-1, 1)
        activations, zs = [activation], []
        for w, b in zip(weights, biases):
            z = w @ activation + b
            zs.append(z)
            activation = sigmoid(z)
            activations.append(activation)
        y = np.zeros((10, 1))
        y[labels[i]] = 1.0
        delta = activations[-1] - y
        nabla_w[-1] += delta @ activations[-2].T
        for l in range(2, len(SIZES)):
            sp = sigmoid(zs[-l]) * (1 - sigmoid(zs[-l]))
            delta = (weights[-l + 1].T @ delta) * sp
            nabla_w[-l] += delta @ activations[-l - 1].T
    return [np.linalg.norm(n) for n in nabla_w]


def main():
    directory = os.environ.get("NN_MNIST_DIR") or sys.exit("gradient_norms: set NN_MNIST_DIR")
    seeds = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    x = read_idx(find(directory, "train-images-idx3-ubyte")).reshape(-1, 784)[:1000] / 255.0
    labels = read_idx(find(directory, "train-labels-idx1-ubyte"))[:1000]
    table = np.array([norms(x, labels, seed) for seed in range(1, seeds + 1)])
    for seed, row in enumerate(table, 1):
        print("%5d  " % seed + "  ".join("%.4e" % v for v in row))
    print("median " + "  ".join("%.4e" % v for v in np.median(table, 0)))
    print("range  " + "  ".join("%.2e-%.2e" % (lo, hi) for lo, hi in zip(table.min(0), table.max(0))))
    ratios = table[:, 1:] / table[:, :-1]
    print("layer l+1 / layer l, median: " + ", ".join("%.2f" % v for v in np.median(ratios, 0)))


if __name__ == "__main__":
    main()
