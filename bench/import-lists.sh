#!/usr/bin/env bash
# Import benchmark: times `vigil import-lists` on the real OFAC SDN CSV set, EU FSF XML 2016 and UK OFSI workbook 2022, each run into
# a fresh data directory, and prints the median. The baseline, measured in the same run, is the same JVM starting
# and answering `registry snapshots` against the same database: import minus baseline is the import work itself.
#
# Usage: bench/import-lists.sh [RUNS] [LISTS_DIR]      (defaults: 5, ../shared/data/lists)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUNS="${1:-5}"
LISTS="$(cd "${2:-$ROOT/../shared/data/lists}" && pwd)"
VIGIL="$ROOT/vigil"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }

"$VIGIL" --version >/dev/null   # builds the jar if needed, outside the measurement

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
: >"$work/import.s"; : >"$work/import.kb"; : >"$work/base.s"; : >"$work/parse.s"; : >"$work/link.s"; : >"$work/save.s"
for i in $(seq 1 "$RUNS"); do
  data="$work/data-$i"
  "$TIME" -f "%e %M" -o "$work/t" "$VIGIL" --data "$data" import-lists \
      --source "ofac-sdn-csv=$LISTS/ofac" --source "eu-xml=$LISTS/eu/global_subset_2016-02-11.xml" \
      --source "uk-ofsi-xlsx=$LISTS/uk/ofsi_conlist_2022-05-04.xlsx" >"$work/out"
  read -r secs kb <"$work/t"
  echo "$secs" >>"$work/import.s"; echo "$kb" >>"$work/import.kb"
  sed -n 's/^Time: parse \([0-9.]*\) s, link \([0-9.]*\) s, save \([0-9.]*\) s.*/\1 \2 \3/p' "$work/out" \
    | { read -r p l s; echo "$p" >>"$work/parse.s"; echo "$l" >>"$work/link.s"; echo "$s" >>"$work/save.s"; }
  "$TIME" -f "%e %M" -o "$work/t" "$VIGIL" --data "$data" registry snapshots >/dev/null
  read -r secs kb <"$work/t"; echo "$secs" >>"$work/base.s"
  echo "run $i: import $(tail -n1 "$work/import.s") s (max RSS $(tail -n1 "$work/import.kb") KB), baseline $secs s" >&2
done
parties=$(sed -n 's/^Snapshot [0-9]* is now active: \([0-9,]*\) parties.*/\1/p' "$work/out")
echo "machine:   $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n1)"
echo "input:     OFAC SDN CSV set + EU FSF XML 2016 + UK OFSI workbook 2022 ($parties parties), $RUNS runs"
echo "median import-lists (whole process):   $(median <"$work/import.s") s"
echo "median baseline (start + query):       $(median <"$work/base.s") s"
echo "median inside: parse $(median <"$work/parse.s") s, link $(median <"$work/link.s") s, save $(median <"$work/save.s") s"
echo "median max RSS of import-lists:        $(( $(median <"$work/import.kb" | cut -d. -f1) / 1024 )) MiB"
