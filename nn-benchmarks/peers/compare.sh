#!/usr/bin/env bash
# Runs `nn bench --workload all` and the NumPy peer (both monitoring styles) N times, interleaved,
# and the PyTorch peer too if python3 can import torch; prints each peer's median seconds per
# workload and nn's speed-up over each, so that the ratios come from one session on one machine
# (WORKLOADS.md). Needs python3 with numpy.
# Usage: NN_MNIST_DIR=../shared/mnist nn-benchmarks/peers/compare.sh [N, default 5]
set -euo pipefail
N=${1:-5}
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
: "${NN_MNIST_DIR:?set NN_MNIST_DIR to the directory with the MNIST files}"
export NN_MNIST_DIR
python3 -c "import numpy" 2>/dev/null || { echo "compare.sh: python3 with numpy is needed for the NumPy peer" >&2; exit 1; }
"$ROOT/nn" --version >/dev/null # build the app first, outside the timed runs
TORCH=0
python3 -c "import torch" 2>/dev/null && TORCH=1
for i in $(seq "$N"); do
  "$ROOT/nn" bench --workload all 2>/dev/null
  python3 "$HERE/numpy_bench.py" --workload all 2>/dev/null
  python3 "$HERE/numpy_bench.py" --workload all --network2-monitoring 2>/dev/null
  if [ "$TORCH" = 1 ]; then python3 "$HERE/torch_bench.py" --workload all 2>/dev/null; fi
  echo "compare.sh: round $i of $N done" >&2
done | python3 -c '
import collections, statistics, sys
seconds = collections.defaultdict(list)
for line in sys.stdin:
    if line.startswith("RESULT "):
        f = dict(kv.split("=", 1) for kv in line.split()[1:])
        seconds[(f["workload"], f["peer"])].append(float(f["seconds"]))
peers = [p for p in ["nn", "numpy", "numpy-network2", "pytorch"] if ("w1", p) in seconds]
print("%-9s" % "workload" + "".join("%17s" % p for p in peers) + "   nn speed-up: vs " + ", vs ".join(peers[1:]))
for w in sorted({w for w, _ in seconds}):
    med = {p: statistics.median(seconds[(w, p)]) for p in peers}
    print("%-9s" % w + "".join("%15.3f s" % med[p] for p in peers)
          + "   " + ", ".join("%.2fx" % (med[p] / med["nn"]) for p in peers[1:]))
print("medians of %d runs each" % len(seconds[("w1", "nn")]))
'
