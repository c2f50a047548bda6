#!/usr/bin/env bash
# Delta screening benchmark: a ROWS-customer book screened in full against the OFAC SDN of 2023-12-28, then, after the
# SDN of 2024-05-03 is imported and 1% of the customers change, screened with --delta and (the baseline, same run)
# with --full --rerun. Prints wall time, CPU time (user + system) and max RSS of each, and the load average at its
# start; the two runs' hits must be identical.
#
# Usage: bench/delta.sh [ROWS [LISTS_DIR]]     (defaults: 1000000, ../shared/data/lists); HEAP=1g by default
set -euo pipefail
. "$(dirname "$0")/sdn-night.sh"   # ROOT ROWS LISTS HEAP VIGIL TIME work data
mkdir -p "$work/s1" "$work/s2"
cp "$LISTS/ofac/sdn.csv" "$work/s1/"; cp "$LISTS/ofac/2024-05-03/sdn.csv" "$work/s2/"
"$VIGIL" --data "$data" import-lists --source "ofac-sdn-csv=$work/s1" >/dev/null
"$VIGIL" --data "$data" generate-sample counterparties --rows "$ROWS" --out "$work/c1.csv" --seed 20261120 >/dev/null
run() { # label args...
  local label=$1; shift
  local load; load="$(cut -d' ' -f1 /proc/loadavg)"
  JAVA_OPTS="-Xmx$HEAP" "$TIME" -f "%e %U %S %M" -o "$work/t" "$VIGIL" --data "$data" screen counterparties "$@" \
      >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  echo "$label: $(awk '{printf "%s s, CPU %.2f s, max RSS %d MiB", $1, $2 + $3, $4/1024}' "$work/t"), load $load  $(grep -o 'mode: .*' "$work/out")"
  grep -o 'Outputs: .*' "$work/out" | cut -d' ' -f2 >"$work/$label.dir"
}
run night1 --input "$work/c1.csv" --business-date 2026-11-19
"$VIGIL" --data "$data" import-lists --source "ofac-sdn-csv=$work/s2" >/dev/null
# 1% of the customers change: every 100th gets another date of birth
awk -F, 'BEGIN{OFS=","} NR>1 && NR%100==0 {$4=($4=="" ? "1970" : "")} {print}' "$work/c1.csv" >"$work/c2.csv"
run delta --input "$work/c2.csv" --business-date 2026-11-20 --delta
run full --input "$work/c2.csv" --business-date 2026-11-20 --full --rerun
cut -d, -f1-13 "$(cat "$work/delta.dir")/hits.csv" >"$work/h1"; cut -d, -f1-13 "$(cat "$work/full.dir")/hits.csv" >"$work/h2"
cmp -s "$work/h1" "$work/h2" && echo "hits identical: $(($(wc -l <"$work/h1") - 1)) rows" || { echo "HITS DIFFER" >&2; exit 1; }
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), heap -Xmx$HEAP"
