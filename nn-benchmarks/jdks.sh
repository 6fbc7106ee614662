#!/usr/bin/env bash
# Runs `nn bench` (w1-w4) N times on JDK 17, on JDK 25, and on JDK 25 with an ahead-of-time cache
# (JEP 483/514/515: made by one training run of `nn bench` with -XX:AOTCacheOutput), interleaved,
# with the launcher's JVM options, and prints each one's median seconds per workload and the median
# wall time of the whole command (JVM start, loading and the four runs).
# Usage: NN_MNIST_DIR=DIR [JDK17=/path/to/jdk17] [JDK25=/path/to/jdk25] nn-benchmarks/jdks.sh [N, default 5]
set -euo pipefail
N=${1:-5}
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
: "${NN_MNIST_DIR:?set NN_MNIST_DIR to the directory with the MNIST files}"
export NN_MNIST_DIR
JDK17=${JDK17:-$(ls -d /usr/lib/jvm/*17* 2>/dev/null | head -1)}
JDK25=${JDK25:-$(ls -d /usr/lib/jvm/*25* 2>/dev/null | head -1)}
[ -x "$JDK17/bin/java" ] && [ -x "$JDK25/bin/java" ] || { echo "jdks.sh: set JDK17 and JDK25 to the two JDKs' homes" >&2; exit 1; }
"$ROOT/nn" --version >/dev/null # build the app first
cd "$ROOT"
JAR=nn-app/target/nn-app.jar
# the launcher's options (see ./nn)
OPTS="-Xmx4g -Xmn32m -XX:+UseParallelGC -XX:+IgnoreUnrecognizedVMOptions -XX:Tier4MinInvocationThreshold=50
  -XX:Tier4CompileThreshold=2000 -XX:Tier4BackEdgeThreshold=2000000 -XX:ObjectAlignmentInBytes=32 -Dnn.home=$ROOT"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
for v in 17 25; do
  home=JDK$v
  "${!home}/bin/java" -XX:ObjectAlignmentInBytes=32 -Xshare:dump -XX:SharedArchiveFile="$WORK/cds$v.jsa" >/dev/null 2>&1
done
# shellcheck disable=SC2086
"$JDK25/bin/java" $OPTS -XX:AOTCacheOutput="$WORK/nn.aot" -jar $JAR bench >/dev/null 2>&1
for i in $(seq "$N"); do
  for v in 17 25 25+aot; do
    case $v in
      17) CMD="$JDK17/bin/java $OPTS -XX:SharedArchiveFile=$WORK/cds17.jsa -Xlog:cds=off" ;;
      25) CMD="$JDK25/bin/java $OPTS -XX:SharedArchiveFile=$WORK/cds25.jsa -Xlog:cds=off" ;;
      25+aot) CMD="$JDK25/bin/java $OPTS -XX:AOTCache=$WORK/nn.aot -Xlog:aot=off -Xlog:cds=off" ;;
    esac
    start=$(date +%s%N)
    $CMD -jar $JAR bench 2>/dev/null | sed "s/ peer=nn / peer=jdk$v /"
    echo "RESULT peer=jdk$v workload=wall seconds=$(( ($(date +%s%N) - start) / 1000000 ))e-3"
  done
  echo "jdks.sh: round $i of $N done" >&2
done | python3 -c '
import sys
sys.path.insert(0, sys.argv[1])
from results import median_seconds
median, counts = median_seconds(sys.stdin)
peers = ["jdk17", "jdk25", "jdk25+aot"]
print("%-9s" % "workload" + "".join("%14s" % p for p in peers))
for w in ["w1", "w2", "w3", "w4", "wall"]:
    print("%-9s" % w + "".join("%12.3f s" % median[(w, p)] for p in peers))
print("medians of %d runs each; wall: the whole command, JVM start and loading included" % counts[("w1", "jdk17")])
' "$ROOT/nn-benchmarks/peers"
