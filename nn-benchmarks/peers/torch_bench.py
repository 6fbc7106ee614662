#!/usr/bin/env python3
"""The PyTorch (CPU) peer of `nn bench`: the workloads of shared/WORKLOADS.md, written as a PyTorch
user would: nn.Linear layers, autograd, torch.optim.SGD, float64.

SGD's weight_decay = lambda/n on the weights only (not the biases) is the spec's L2 step
w = w(1 - eta*lambda/n) - (eta/m) sum of the gradients, with the loss the batch's mean cross-entropy.
Each monitored data set is fed forward once per epoch, for its cost and accuracy together.
Prints `RESULT peer=pytorch ...` lines as numpy_bench.py does, whose MNIST reader it uses.
Usage: torch_bench.py --data DIR [--workload w1|w2|w3|w4|all] [--epochs K] [--seed S]
"""
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from numpy_bench import WORKLOADS, arguments, load_mnist, report, selected  # noqa: E402


def build(layers):
    modules = []
    for n_in, n_out in zip(layers[:-1], layers[1:]):
        linear = torch.nn.Linear(n_in, n_out, dtype=torch.float64)
        with torch.no_grad():
            linear.weight.normal_(0.0, 1.0).div_(n_in ** 0.5)
            linear.bias.normal_(0.0, 1.0)
        modules += [linear, torch.nn.Sigmoid()]
    return torch.nn.Sequential(*modules)


def evaluate(net, x, labels, onehot=None):
    with torch.no_grad():
        a = net(x)
        accuracy = (a.argmax(dim=1) == labels).sum().item() / len(x)
        if onehot is None:
            return accuracy, None
        return accuracy, torch.nn.functional.binary_cross_entropy(a, onehot, reduction="sum").item() / len(x)


def run(workload, epochs, seed, train, test):
    layers, size, eta, lmbda, monitor_all, default_epochs, batch_size = WORKLOADS[workload]
    k = epochs or default_epochs
    torch.manual_seed(seed)
    net = build(layers)
    weights = [p for name, p in net.named_parameters() if name.endswith("weight")]
    biases = [p for name, p in net.named_parameters() if name.endswith("bias")]
    optimizer = torch.optim.SGD([{"params": weights, "weight_decay": lmbda / size},
                                 {"params": biases, "weight_decay": 0.0}], lr=eta)
    x, labels, onehot = (torch.from_numpy(part[:size]) for part in train)
    tx, tlabels, tonehot = (torch.from_numpy(part) for part in test)
    generator = torch.Generator().manual_seed(seed)
    start = time.perf_counter()
    for _ in range(k):
        order = torch.randperm(size, generator=generator)
        for s in range(0, size, batch_size):
            batch = order[s:s + batch_size]
            optimizer.zero_grad()
            a = net(x[batch])
            loss = torch.nn.functional.binary_cross_entropy(a, onehot[batch], reduction="sum") / len(batch)
            loss.backward()
            optimizer.step()
        if monitor_all:
            evaluate(net, x, labels, onehot)
        test_accuracy, _ = evaluate(net, tx, tlabels, tonehot if monitor_all else None)
    seconds = time.perf_counter() - start
    report("pytorch", workload, k, seconds, test_accuracy)


def main():
    args = arguments(__doc__.splitlines()[0]).parse_args()
    workloads = selected(args, "torch_bench")
    train, test = load_mnist(args.data)
    for workload in workloads:
        run(workload, args.epochs, args.seed, train, test)


if __name__ == "__main__":
    main()
