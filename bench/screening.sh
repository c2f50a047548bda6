#!/usr/bin/env bash
# Screening benchmark: screens ROWS generated counterparties and ROWS generated transactions end to end
# (`vigil screen ...`, whole process: start, load the registry snapshot, build the index, screen, write hits,
# rejects, reports and manifest) against the full registry built from the real lists (OFAC SDN and non-SDN CSV
# sets, EU FSF XML 2016, UK OFSI workbook 2022), with the heap capped by -Xmx (default 1g). Each file is screened RUNS times
# (--rerun) and the median wall time and max RSS are printed. The baseline, measured in the same run, is the
# same JVM starting and screening a 10-row file: everything but the per-record work. Every run starts from a copy of
# the freshly imported data directory: a first night for its book.
#
# Usage: bench/screening.sh [ROWS [RUNS [LISTS_DIR]]]     (defaults: 1000000, 3, ../shared/data/lists)
#   HEAP=2g bench/screening.sh 1000000 1                  (another heap cap)
#   KINDS=counterparties bench/screening.sh               (one kind only)
#   BENCH_JAVA_OPTS=-XX:TieredStopAtLevel=4 bench/screening.sh   (more JVM options, after the launcher's)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROWS="${1:-1000000}"
RUNS="${2:-3}"
LISTS="$(cd "${3:-$ROOT/../shared/data/lists}" && pwd)"
HEAP="${HEAP:-1g}"
KINDS="${KINDS:-counterparties transactions}"
VIGIL="$ROOT/vigil"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }

"$VIGIL" --version >/dev/null   # builds the jar if needed, outside the measurement

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

work="${WORK:-$(mktemp -d)}"
[ -n "${WORK:-}" ] || trap 'rm -rf "$work"' EXIT
data="$work/data"
echo "importing the lists into $data ..." >&2
"$VIGIL" --data "$data" import-lists --source "ofac-sdn-csv=$LISTS/ofac" --source "ofac-cons-csv=$LISTS/ofac" \
    --source "eu-xml=$LISTS/eu/global_subset_2016-02-11.xml" --source "uk-ofsi-xlsx=$LISTS/uk/ofsi_conlist_2022-05-04.xlsx" \
    | grep -E '^Snapshot' | tee "$work/snapshot" >&2
for kind in $KINDS; do
  [ -s "$work/$kind.csv" ] || "$VIGIL" --data "$data" generate-sample "$kind" --rows "$ROWS" \
      --out "$work/$kind.csv" --seed 20261120 >&2
  "$VIGIL" --data "$data" generate-sample "$kind" --rows 10 --out "$work/$kind-10.csv" --seed 1 >/dev/null
done

# The index file is built once, as the import's first search builds it; every run then starts from a copy of the
# data directory as the import left it, so each screens its book for the first time (an earlier run's alerts would
# otherwise be closed, re-raised or suppressed, and the 10-row baseline would close the million records' alerts).
"$VIGIL" --data "$data" search "index warm-up" >/dev/null
run() { # kind file label -> appends "secs kb" to $work/$label
  local kind=$1 file=$2 label=$3
  rm -rf "$work/run"; cp -a "$data" "$work/run"
  JAVA_OPTS="-Xmx$HEAP ${BENCH_JAVA_OPTS:-}" "$TIME" -f "%e %M" -o "$work/t" "$VIGIL" --data "$work/run" screen "$kind" \
      --input "$file" --business-date 2026-11-20 >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  cat "$work/t" >>"$work/$label"
  echo "$label: $(cat "$work/t" | awk '{printf "%s s, max RSS %d MiB", $1, $2/1024}')  $(grep -o '[0-9]* read = .*' "$work/out")" >&2
}

for kind in $KINDS; do
  : >"$work/$kind.base"; : >"$work/$kind.full"
  for i in $(seq 1 "$RUNS"); do
    run "$kind" "$work/$kind-10.csv" "$kind.base"
    run "$kind" "$work/$kind.csv" "$kind.full"
  done
done

echo "machine:  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n1)"
echo "registry: $(grep -o '[0-9,]* parties' "$work/snapshot" | head -n1 || true), OFAC SDN + non-SDN CSV, EU FSF XML 2016, UK OFSI workbook 2022; heap -Xmx$HEAP; $RUNS runs each"
for kind in $KINDS; do
  full=$(awk '{print $1}' "$work/$kind.full" | median); base=$(awk '{print $1}' "$work/$kind.base" | median)
  rss=$(awk '{print $2}' "$work/$kind.full" | median | cut -d. -f1)
  echo "$kind: $ROWS rows, median $full s whole process (baseline 10 rows: $base s), max RSS $((rss / 1024)) MiB, $(awk -v r="$ROWS" -v f="$full" -v b="$base" 'BEGIN {printf "%.0f records/s after the baseline", r / (f - b)}')"
done
