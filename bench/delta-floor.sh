#!/usr/bin/env bash
# The least a delta night costs: a ROWS-customer book screened in full against the OFAC SDN of 2023-12-28 (night 1),
# then the same file again with --delta when nothing changed (no list change, no record change), and, as the baseline
# in the same run, the same file with --full. Prints wall time, CPU time (user + system) and max RSS of each, with the
# load average at its end; the step timings are in DATA/logs/vigil.log.
#
# Usage: bench/delta-floor.sh [ROWS [LISTS_DIR]]     (defaults: 1000000, ../shared/data/lists); HEAP=1g by default
set -euo pipefail
. "$(dirname "$0")/sdn-night.sh"   # ROOT ROWS LISTS HEAP VIGIL TIME work data
mkdir -p "$work/s1"
cp "$LISTS/ofac/sdn.csv" "$work/s1/"
"$VIGIL" --data "$data" import-lists --source "ofac-sdn-csv=$work/s1" >/dev/null
"$VIGIL" --data "$data" generate-sample counterparties --rows "$ROWS" --out "$work/c1.csv" --seed 20261120 >/dev/null
run() { # label args...
  local label=$1; shift
  JAVA_OPTS="-Xmx$HEAP" "$TIME" -f "%e %U %S %M" -o "$work/t" "$VIGIL" --data "$data" screen counterparties "$@" \
      >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  echo "$label: $(awk '{printf "%s s, CPU %.2f s, max RSS %d MiB", $1, $2 + $3, $4/1024}' "$work/t"), load $(cut -d' ' -f1 /proc/loadavg)"
}
run night1 --input "$work/c1.csv" --business-date 2026-11-19
run nochange --input "$work/c1.csv" --business-date 2026-11-20 --delta
run full --input "$work/c1.csv" --business-date 2026-11-21 --full
grep -E "Step: \[|decisions step timings|outputs of run" "$data/logs/vigil.log" | tail -9 | sed 's/^.*INFO [0-9]* --- //'
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), heap -Xmx$HEAP"
