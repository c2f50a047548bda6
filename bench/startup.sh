#!/usr/bin/env bash
# Start-up benchmark: how long `vigil registry status`, `vigil search "Choi Cheol-min"` and a screening run of a
# 10-row counterparty file take as whole processes, against a registry of the real OFAC SDN CSV set, EU FSF XML 2016
# and UK OFSI workbook 2022 (the UN 2026 and UK 2018 lists are reserved for acceptance checks, so no benchmark uses
# them) imported into a scratch data directory. Each round runs every command twice, interleaved:
#   - as shipped: ./vigil (class archive, client compiler for short commands, matching index file);
#   - baseline, the previous behaviour: `java -jar batch-jobs/target/vigil.jar` with the index file turned off
#     (-Dvigil.matching.index-file=false), i.e. no class archive, full JIT, the index built from the database.
# Prints the medians (wall clock and CPU), the index file's size and its load time (from the log), and the load
# average before and after, since other work on the machine inflates every wall-clock figure.
#
# Usage: bench/startup.sh [RUNS] [LISTS_DIR]      (defaults: 5, ../shared/data/lists)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-5}"
LISTS="$(cd "${2:-$ROOT/../shared/data/lists}" && pwd)"
VIGIL="$ROOT/vigil"
JAR="$ROOT/batch-jobs/target/vigil.jar"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }

"$VIGIL" --version >/dev/null   # builds the jar and the class archive if needed, outside the measurement

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
data="$work/data"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

"$TIME" -f "%e" -o "$work/import.t" "$VIGIL" --data "$data" import-lists \
    --source "ofac-sdn-csv=$LISTS/ofac" --source "eu-xml=$LISTS/eu/global_subset_2016-02-11.xml" \
    --source "uk-ofsi-xlsx=$LISTS/uk/ofsi_conlist_2022-05-04.xlsx" >"$work/import.out"
parties=$(sed -n 's/^Snapshot [0-9]* is now active: \([0-9,]*\) parties.*/\1/p' "$work/import.out")
"$VIGIL" --data "$data" generate-sample counterparties --rows 10 --out "$work/ten.csv" --seed 20261120 >/dev/null

# shellcheck disable=SC2206
BASELINE=("$JAVA" ${JAVA_OPTS:-} -Dvigil.home="$ROOT" -Dvigil.matching.index-file=false -jar "$JAR")
SHIPPED=("$VIGIL")

# one timed run: NAME MODE ARGS...; appends "wall cpu" to $work/NAME.MODE
timed() {
  local name="$1" mode="$2" cmd
  shift 2
  if [ "$mode" = shipped ]; then cmd=("${SHIPPED[@]}"); else cmd=("${BASELINE[@]}"); fi
  "$TIME" -f "%e %U %S" -o "$work/t" "${cmd[@]}" --data "$data" "$@" >"$work/last.out" 2>"$work/last.err" || {
    echo "failed: $mode $*" >&2; cat "$work/last.err" >&2; exit 1; }
  awk '{printf "%s %.2f\n", $1, $2 + $3}' "$work/t" >>"$work/$name.$mode"
}

for i in $(seq 1 "$RUNS"); do
  for mode in shipped baseline; do
    timed status "$mode" registry status
    timed search "$mode" search "Choi Cheol-min"
    grep -q "1. ofac:43598" "$work/last.out" || { echo "search did not find ofac:43598" >&2; exit 1; }
    if [ "$mode" = shipped ]; then
      grep -o 'loaded from [^ ]* in [0-9]* ms' "$data/logs/vigil.log" | tail -n1 | sed 's/.* in \([0-9]*\) ms/\1/' \
        >>"$work/load.ms"
    fi
    timed screen "$mode" screen counterparties --input "$work/ten.csv" --business-date 2026-11-20 --rerun
  done
  echo "round $i: status $(tail -n1 "$work/status.shipped" | cut -d' ' -f1) / $(tail -n1 "$work/status.baseline" | cut -d' ' -f1) s," \
       "search $(tail -n1 "$work/search.shipped" | cut -d' ' -f1) / $(tail -n1 "$work/search.baseline" | cut -d' ' -f1) s," \
       "screen $(tail -n1 "$work/screen.shipped" | cut -d' ' -f1) / $(tail -n1 "$work/screen.baseline" | cut -d' ' -f1) s" \
       "(shipped / baseline), load $(cut -d' ' -f1 /proc/loadavg)" >&2
done

col() { cut -d' ' -f"$2" "$work/$1" | median; }
index_file=$(ls "$data"/index/*.idx)
echo "machine:   $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$JAVA" -version 2>&1 | head -n1)"
echo "load:      load average (1, 5, 15 min) $load_before before, $(cut -d' ' -f1-3 /proc/loadavg) after"
echo "registry:  OFAC SDN CSV set + EU FSF XML 2016 + UK OFSI workbook 2022 ($parties parties); import-lists $(cat "$work/import.t") s (index file written)"
echo "runs:      $RUNS of each, interleaved; median wall clock s (median CPU s, user + system)"
printf '%-34s %-18s %-18s\n' "" "shipped" "baseline"
printf '%-34s %-18s %-18s\n' "registry status" "$(col status.shipped 1) ($(col status.shipped 2))" "$(col status.baseline 1) ($(col status.baseline 2))"
printf '%-34s %-18s %-18s\n' "search \"Choi Cheol-min\"" "$(col search.shipped 1) ($(col search.shipped 2))" "$(col search.baseline 1) ($(col search.baseline 2))"
printf '%-34s %-18s %-18s\n' "screen counterparties, 10 rows" "$(col screen.shipped 1) ($(col screen.shipped 2))" "$(col screen.baseline 1) ($(col screen.baseline 2))"
echo "search / registry status (shipped): $(awk -v a="$(col search.shipped 1)" -v b="$(col status.shipped 1)" 'BEGIN {printf "%.2f", a / b}') (wall), $(awk -v a="$(col search.shipped 2)" -v b="$(col status.shipped 2)" 'BEGIN {printf "%.2f", a / b}') (CPU)"
echo "index file: $(stat -c %s "$index_file") bytes; loaded in $(median <"$work/load.ms") ms (median, inside search)"
