#!/usr/bin/env python3
"""The PyTorch (CPU) peer of `nn bench`: the workloads of shared/WORKLOADS.md, written as a PyTorch
user would: nn.Linear layers, autograd, torch.optim.SGD, float64.

SGD's weight_decay = lambda/n on the weights only (not the biases) is the spec's L2 step
w = w(1 - eta*lambda/n) - (eta/m) sum of the gradients, with the loss the batch's mean cross-entropy.
Each monitored data set is fed forward once per epoch, for its cost and accuracy together.
Prints `RESULT peer=pytorch ...` lines as numpy_bench.py does, whose MNIST reader it uses.

c1 is chapter 6's dbl_conv as `nn bench --workload c1` runs it: Conv2d(1, 20, 5), sigmoid,
MaxPool2d(2), Conv2d(20, 40, 5), sigmoid, MaxPool2d(2), Linear(640, 100), sigmoid, Linear(100, 10)
with log-softmax and the batch's mean negative log-likelihood; weights N(0, 1/fan-out) as
network3.py draws them (a convolution's fan-out counted after its pooling), biases N(0, 1), the
output layer at zero; the first 50000 training images in file order, batch 10, SGD lr 0.1, one
epoch, test accuracy after it. It runs in float64 (peer=pytorch) and float32 (peer=pytorch-float32).
Usage: torch_bench.py --data DIR [--workload w1|w2|w3|w4|c1|all] [--epochs K] [--seed S]
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


def build_c1(dtype):
    def conv(n_in, n_out, pool):
        layer = torch.nn.Conv2d(n_in, n_out, 5, dtype=dtype)
        with torch.no_grad():
            layer.weight.normal_(0.0, (n_out * 25 / pool ** 2) ** -0.5)
            layer.bias.normal_(0.0, 1.0)
        return layer

    hidden = torch.nn.Linear(640, 100, dtype=dtype)
    output = torch.nn.Linear(100, 10, dtype=dtype)
    with torch.no_grad():
        hidden.weight.normal_(0.0, 100 ** -0.5)
        hidden.bias.normal_(0.0, 1.0)
        output.weight.zero_()
        output.bias.zero_()
    return torch.nn.Sequential(conv(1, 20, 2), torch.nn.Sigmoid(), torch.nn.MaxPool2d(2),
                               conv(20, 40, 2), torch.nn.Sigmoid(), torch.nn.MaxPool2d(2),
                               torch.nn.Flatten(), hidden, torch.nn.Sigmoid(), output)


def run_c1(epochs, seed, train, test, dtype, peer):
    k = epochs or 1
    size, batch_size = 50000, 10
    torch.manual_seed(seed)
    net = build_c1(dtype)
    optimizer = torch.optim.SGD(net.parameters(), lr=0.1)
    x = torch.from_numpy(train[0][:size]).to(dtype).reshape(-1, 1, 28, 28)
    labels = torch.from_numpy(train[1][:size]).long()
    tx = torch.from_numpy(test[0]).to(dtype).reshape(-1, 1, 28, 28)
    tlabels = torch.from_numpy(test[1]).long()
    start = time.perf_counter()
    for _ in range(k):
        for s in range(0, size, batch_size):
            optimizer.zero_grad()
            loss = torch.nn.functional.cross_entropy(net(x[s:s + batch_size]), labels[s:s + batch_size])
            loss.backward()
            optimizer.step()
        with torch.no_grad():
            correct = sum((net(tx[i:i + 1000]).argmax(dim=1) == tlabels[i:i + 1000]).sum().item()
                          for i in range(0, len(tx), 1000))
        test_accuracy = correct / len(tx)
    seconds = time.perf_counter() - start
    report(peer, "c1", k, seconds, test_accuracy)


def main():
    args = arguments(__doc__.splitlines()[0], ["c1"]).parse_args()
    if args.workload == "c1":
        if not args.data:
            sys.exit("torch_bench: give --data DIR or set NN_MNIST_DIR")
        train, test = load_mnist(args.data)
        run_c1(args.epochs, args.seed, train, test, torch.float64, "pytorch")
        run_c1(args.epochs, args.seed, train, test, torch.float32, "pytorch-float32")
        return
    workloads = selected(args, "torch_bench")
    train, test = load_mnist(args.data)
    for workload in workloads:
        run(workload, args.epochs, args.seed, train, test)


if __name__ == "__main__":
    main()
