#!/usr/bin/env bash
# Lookback benchmark: ROWS generated payments screened (and stored) against the OFAC SDN of 2023-12-28; then the SDN
# of 2024-05-03 is imported and `vigil lookback` re-screens the stored payments against the parties it added or
# changed. Prints the wall time and max RSS of the lookback and, as the baseline of the same run, of a lookback over
# a day without payments (start-up, snapshot and index loading, outputs: everything but the per-payment work).
#
# Usage: bench/lookback.sh [ROWS [LISTS_DIR]]     (defaults: 1000000, ../shared/data/lists); HEAP=1g by default
set -euo pipefail
. "$(dirname "$0")/sdn-night.sh"   # ROOT ROWS LISTS HEAP VIGIL TIME work data
mkdir -p "$work/s1" "$work/s2"
cp "$LISTS/ofac/sdn.csv" "$work/s1/"; cp "$LISTS/ofac/2024-05-03/sdn.csv" "$work/s2/"
"$VIGIL" --data "$data" import-lists --source "ofac-sdn-csv=$work/s1" >/dev/null
"$VIGIL" --data "$data" generate-sample transactions --rows "$ROWS" --out "$work/t.csv" --seed 20261120 >/dev/null
JAVA_OPTS="-Xmx$HEAP" "$VIGIL" --data "$data" screen transactions --input "$work/t.csv" --business-date 2026-11-18 \
    | grep -o '[0-9]* read = .*' | cut -c1-80
"$VIGIL" --data "$data" import-lists --source "ofac-sdn-csv=$work/s2" >/dev/null
run() { # label business-date
  JAVA_OPTS="-Xmx$HEAP" "$TIME" -f "%e %M" -o "$work/t" "$VIGIL" --data "$data" lookback --business-date "$2" \
      --days 5 >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  echo "$1: $(awk '{printf "%s s, max RSS %d MiB", $1, $2/1024}' "$work/t")  $(grep -o '[0-9,]* hits.*' "$work/out" | cut -c1-60) | $(grep -o 'mode: .*' "$work/out")"
}
run "baseline (no payments in the window)" 2026-11-10
run "lookback over $ROWS payments" 2026-11-20
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), heap -Xmx$HEAP; load $(cut -d' ' -f1-3 /proc/loadavg)"
