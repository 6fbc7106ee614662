#!/usr/bin/env python3
"""The NumPy peer of `nn bench`: the workloads of shared/WORKLOADS.md, vectorized per mini-batch.

network2.py's algorithm with the mini-batch done as matrix products (one example per row), float64,
sigmoid everywhere, cross-entropy, weights N(0,1)/sqrt(n_in), biases N(0,1), plain SGD with L2 decay
w *= (1 - eta*lambda/n) first. Prints one line per workload, in the format of WORKLOADS.md:

    RESULT peer=numpy workload=<id> epochs=<k> seconds=<s> final_test_accuracy=<fraction>

`seconds` is training plus the monitoring the table asks for; loading MNIST is not timed.
Usage: numpy_bench.py --data DIR [--workload w1|w2|w3|w4|all] [--epochs K] [--seed S] [--network2-monitoring]
       numpy_bench.py --data DIR --layers 784,H,10 [--batch-size B] [--eta E] [--epochs K] [--train-size N]

By default each monitored data set is fed forward once per epoch, for both its cost and its accuracy
(as nn does); --network2-monitoring feeds it forward once per metric, as network2.py's
total_cost() and accuracy() do.
"""
import argparse
import gzip
import os
import sys
import time

import numpy as np

WORKLOADS = {
    # id: (layers, training images, eta, lambda, monitor training cost/accuracy too, epochs, batch size)
    "w1": ([784, 30, 10], 1000, 0.5, 0.0, True, 20, 10),
    "w2": ([784, 30, 10], 60000, 0.5, 0.0, False, 2, 10),
    "w3": ([784, 30, 30, 30, 30, 30, 10], 60000, 0.1, 0.0, False, 1, 10),
    "w4": ([784, 100, 10], 60000, 0.1, 5.0, False, 1, 10),
}


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i:8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def find(directory, name):
    for candidate in (name + ".gz", name):
        path = os.path.join(directory, candidate)
        if os.path.isfile(path):
            return path
    sys.exit("numpy_bench: %s(.gz) not found in %s" % (name, directory))


def load(directory, images, labels):
    x = read_idx(find(directory, images)).reshape(-1, 784).astype(np.float64) / 255.0
    y = read_idx(find(directory, labels)).astype(np.int64)
    onehot = np.zeros((y.size, 10))
    onehot[np.arange(y.size), y] = 1.0
    return x, y, onehot


def load_mnist(directory):
    """Returns the training and test sets as (pixels, labels, one-hot) triples; says how long it took on stderr."""
    started = time.perf_counter()
    train = load(directory, "train-images-idx3-ubyte", "train-labels-idx1-ubyte")
    test = load(directory, "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")
    print("loaded MNIST in %.3f s" % (time.perf_counter() - started), file=sys.stderr)
    return train, test


def arguments(description, more_workloads=()):
    """The options every peer takes: --data, --workload, --epochs, --seed (and a peer's own workloads)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--data", default=os.environ.get("NN_MNIST_DIR"), help="directory with the MNIST files")
    parser.add_argument("--workload", default="all", choices=sorted(WORKLOADS) + list(more_workloads) + ["all"])
    parser.add_argument("--epochs", type=int)
    parser.add_argument("--seed", type=int, default=1)
    # a custom workload, as nn bench --layers takes it: test accuracy after each epoch, no penalty
    parser.add_argument("--layers", help="layer sizes such as 784,100,10: a custom workload")
    parser.add_argument("--batch-size", type=int, default=10)
    parser.add_argument("--eta", type=float, default=0.1)
    parser.add_argument("--train-size", type=int, default=60000)
    return parser


def selected(args, program):
    """Checks --data and returns the workload ids to run, in order."""
    if not args.data:
        sys.exit("%s: give --data DIR or set NN_MNIST_DIR" % program)
    if args.layers:
        layers = [int(v) for v in args.layers.split(",")]
        WORKLOADS["custom"] = (layers, args.train_size, args.eta, 0.0, False, 1, args.batch_size)
        return ["custom"]
    return [w for w in sorted(WORKLOADS) if args.workload in ("all", w)]


def report(peer, workload, epochs, seconds, test_accuracy):
    print("RESULT peer=%s workload=%s epochs=%d seconds=%.3f final_test_accuracy=%.4f"
          % (peer, workload, epochs, seconds, test_accuracy), flush=True)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


class Network:
    def __init__(self, sizes, rng):
        # weights stored n_in x n_out, so that a batch (one example per row) is a @ w
        self.w = [rng.standard_normal((n_in, n_out)) / np.sqrt(n_in) for n_in, n_out in zip(sizes[:-1], sizes[1:])]
        self.b = [rng.standard_normal(n_out) for n_out in sizes[1:]]

    def feedforward(self, a):
        for w, b in zip(self.w, self.b):
            a = sigmoid(a @ w + b)
        return a

    def update_mini_batch(self, x, y, eta, lmbda, n):
        activations = [x]
        for w, b in zip(self.w, self.b):
            activations.append(sigmoid(activations[-1] @ w + b))
        delta = activations[-1] - y  # cross-entropy after a sigmoid output
        m = x.shape[0]
        for l in range(len(self.w) - 1, -1, -1):
            nabla_w = activations[l].T @ delta
            nabla_b = delta.sum(axis=0)
            if l > 0:
                a = activations[l]
                delta = (delta @ self.w[l].T) * a * (1.0 - a)
            if lmbda != 0:
                self.w[l] *= 1.0 - eta * lmbda / n
            self.w[l] -= (eta / m) * nabla_w
            self.b[l] -= (eta / m) * nabla_b

    def evaluate(self, x, labels, onehot=None):
        """Returns the accuracy and, given targets, the mean cost, from one feedforward."""
        a = self.feedforward(x)
        accuracy = int(np.sum(np.argmax(a, axis=1) == labels)) / len(x)
        if onehot is None:
            return accuracy, None
        return accuracy, float(np.sum(np.nan_to_num(-onehot * np.log(a) - (1 - onehot) * np.log(1 - a)))) / len(x)


def run(workload, epochs, seed, train, test, separate_passes):
    layers, size, eta, lmbda, monitor_all, default_epochs, batch_size = WORKLOADS[workload]
    k = epochs or default_epochs
    rng = np.random.default_rng(seed)
    net = Network(layers, rng)
    x, labels, onehot = (part[:size] for part in train)
    tx, tlabels, tonehot = test
    start = time.perf_counter()
    for _ in range(k):
        order = rng.permutation(size)
        for s in range(0, size, batch_size):
            batch = order[s:s + batch_size]  # gathered per batch: no copy of the whole shuffled set
            net.update_mini_batch(x[batch], onehot[batch], eta, lmbda, size)
        if separate_passes:
            # network2.py's monitoring: total_cost and accuracy each feed the data forward
            if monitor_all:
                net.evaluate(x, labels, onehot)
                net.evaluate(x, labels)
                net.evaluate(tx, tlabels, tonehot)
            test_accuracy, _ = net.evaluate(tx, tlabels)
        else:
            if monitor_all:
                net.evaluate(x, labels, onehot)
            test_accuracy, _ = net.evaluate(tx, tlabels, tonehot if monitor_all else None)
    seconds = time.perf_counter() - start
    report("numpy-network2" if separate_passes else "numpy", workload, k, seconds, test_accuracy)


def main():
    parser = arguments(__doc__.splitlines()[0])
    parser.add_argument("--network2-monitoring", action="store_true",
                        help="one feedforward per metric and data set, as network2.py (prints peer=numpy-network2)")
    args = parser.parse_args()
    workloads = selected(args, "numpy_bench")
    train, test = load_mnist(args.data)
    for workload in workloads:
        run(workload, args.epochs, args.seed, train, test, args.network2_monitoring)


if __name__ == "__main__":
    main()
