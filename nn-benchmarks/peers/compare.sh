#!/usr/bin/env bash
# Runs `nn bench` and its peers N times, interleaved, and prints each one's median seconds per
# workload and nn's speed-up over each. The peers run as their users run them: without the two
# OpenBLAS variables this machine sets (OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE force the AVX2
# kernel on an AVX-512 CPU; they are unset for the peers' commands only), and each with 1 and
# with 2 BLAS threads, of which the faster median is reported. The kernel NumPy then uses is
# printed. Bench options after N go to nn and the peers alike: --workload w1, or a custom workload
# such as --layers 784,100,10 --batch-size 100 --epochs 1, or chapter 6's --workload c1 (PyTorch
# only, in float64 and float32: NumPy has no convolution). Needs python3 with numpy; PyTorch is
# included when python3 can import it (or PYTHON_TORCH names a python that can).
# Usage: NN_MNIST_DIR=DIR nn-benchmarks/peers/compare.sh [N, default 5] [bench options...]
set -euo pipefail
N=${1:-5}
shift || true
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
: "${NN_MNIST_DIR:?set NN_MNIST_DIR to the directory with the MNIST files}"
export NN_MNIST_DIR
python3 -c "import numpy" 2>/dev/null || { echo "compare.sh: python3 with numpy is needed for the NumPy peer" >&2; exit 1; }
"$ROOT/nn" --version >/dev/null # build the app first, outside the timed runs
native() { env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$@"; }
echo "compare.sh: NumPy's OpenBLAS kernel for the peers: $(native python3 "$HERE/blas_kernel.py")" \
  "(with this machine's variables: $(python3 "$HERE/blas_kernel.py"))" >&2
TORCH=0
TORCH_PYTHON=${PYTHON_TORCH:-python3}
"$TORCH_PYTHON" -c "import torch" 2>/dev/null && TORCH=1
NUMPY=1
[[ " $* " == *" c1 "* || " $* " == *"--workload=c1"* ]] && NUMPY=0
for i in $(seq "$N"); do
  "$ROOT/nn" bench "$@" 2>/dev/null
  for t in 1 2; do
    threads=(OPENBLAS_NUM_THREADS=$t OMP_NUM_THREADS=$t MKL_NUM_THREADS=$t)
    if [ "$NUMPY" = 1 ]; then
      native env "${threads[@]}" python3 "$HERE/numpy_bench.py" "$@" 2>/dev/null | sed "s/ peer=numpy / peer=numpy@$t /"
    fi
    if [ "$NUMPY" = 1 ] && { [ $# -eq 0 ] || [[ " $* " != *" --layers "* ]]; }; then
      native env "${threads[@]}" python3 "$HERE/numpy_bench.py" --network2-monitoring "$@" 2>/dev/null \
        | sed "s/ peer=numpy-network2 / peer=numpy-network2@$t /"
    fi
    if [ "$TORCH" = 1 ]; then
      native env "${threads[@]}" "$TORCH_PYTHON" "$HERE/torch_bench.py" "$@" 2>/dev/null \
        | sed "s/ peer=\(pytorch[^ ]*\) / peer=\1@$t /"
    fi
  done
  echo "compare.sh: round $i of $N done" >&2
done | python3 -c '
import sys
sys.path.insert(0, sys.argv[1])
from results import median_seconds
median, counts = median_seconds(sys.stdin)
workloads = sorted({w for w, _ in median})
peers = ["nn"] + [p for p in ["numpy", "numpy-network2", "pytorch", "pytorch-float32"]
                  if any(k[1].startswith(p + "@") for k in median)]
def best(w, p):
    """nn as it is; a peer at the faster of its 1- and 2-thread medians, and which."""
    if p == "nn":
        return median[(w, "nn")], ""
    runs = [(median[(w, p + "@" + t)], t) for t in "12" if (w, p + "@" + t) in median]
    return min(runs) if runs else (float("nan"), "")
print("%-9s" % "workload" + "".join("%22s" % p for p in peers) + "   nn speed-up: vs " + ", vs ".join(peers[1:]))
for w in workloads:
    cells = {p: best(w, p) for p in peers}
    print("%-9s" % w + "".join("%16.3f s %-3s" % (cells[p][0], ("@" + cells[p][1]) if cells[p][1] else "") for p in peers)
          + "   " + ", ".join("%.2fx" % (cells[p][0] / cells["nn"][0]) for p in peers[1:]))
print("medians of %d runs each; @1 or @2: the BLAS threads of the faster peer configuration" % counts[(workloads[0], "nn")])
' "$HERE"
