#!/usr/bin/env bash
# Matching benchmark: JMH throughput of the name-matching engine screening the labelled evaluation queries
# (positives + negatives, interleaved) against the OFAC registry (SDN + non-SDN CSV sets: the sets are labelled against it),
# one query at a time on one thread: the inverted candidate index versus the brute-force baseline. The trial setup
# also prints the index's retained heap, its build time, and whether both matchers agree on every query's top hit.
#
# Usage: bench/matching.sh [LISTS_DIR [OUT_DIR]] [-- JMH_ARGS...]
#   defaults: ../shared/data/lists, benchmarks/target/jmh; results in OUT_DIR/matching.json and matching.log.
#   e.g. bench/matching.sh -- -jvmArgsPrepend -Dvigil.agreement=false    (skip the agreement check, ~8 min)
#        bench/matching.sh ../shared/data/lists /tmp/out -- -e bruteForce     (JMH's -e excludes a benchmark)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do args+=("$1"); shift; done
[ "${1:-}" = "--" ] && shift
[ ${#args[@]} -le 2 ] || { echo "usage: bench/matching.sh [LISTS_DIR [OUT_DIR]] [-- JMH_ARGS...]" >&2; exit 2; }
LISTS_ARG="${args[0]:-$ROOT/../shared/data/lists}"
[ -d "$LISTS_ARG" ] || { echo "lists directory $LISTS_ARG does not exist" >&2; exit 2; }
LISTS="$(cd "$LISTS_ARG" && pwd)"
OUT="${args[1]:-$ROOT/benchmarks/target/jmh}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
EVAL="$ROOT/registry-core/src/test/resources/io/vigil/registry/match/eval"

(cd "$ROOT" && ./mvnw -q -B -pl benchmarks -am package -DskipTests)

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n1)" \
  | tee "$OUT/matching.log"
(cd "$ROOT" && java -Dvigil.lists="$LISTS" -Dvigil.eval="$EVAL" -jar benchmarks/target/benchmarks.jar \
    MatchingBenchmark -rf json -rff "$OUT/matching.json" "$@") 2>&1 | tee -a "$OUT/matching.log"

echo
echo "=== summary (full log: $OUT/matching.log, JSON: $OUT/matching.json) ==="
head -n1 "$OUT/matching.log"
grep -o '\[vigil\].*' "$OUT/matching.log"
sed -n '/^Benchmark .*Mode/,$p' "$OUT/matching.log"
