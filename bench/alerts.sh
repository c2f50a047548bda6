#!/usr/bin/env bash
# Alert lifecycle benchmark, two measurements on the real lists (OFAC SDN and non-SDN CSV sets, EU FSF XML 2016, UK OFSI workbook 2022):
#
# 1. Counterparties: night 1 screens ROWS generated customers; DECISIONS of its alerts are then cleared through
#    `vigil decisions import` (a CSV); night 2 screens the same book again. Reported: night 2's whole-process time,
#    and the time of its decisions step (the step that gives every hit its status from the decision log), which is
#    the cost of applying the decisions; the baseline in the same run is the rest of the night (screening, outputs).
# 2. Transactions: one run over ROWS generated payments. Reported: the outputs step (hits.csv, rejects.csv,
#    report.xlsx, report.pdf, manifest.json written from the database), the decisions step, and the whole process.
#
# Step times are Spring Batch's own ("Step: [name] executed in …", in data/logs/vigil.log).
#
# Usage: bench/alerts.sh [ROWS [DECISIONS [LISTS_DIR]]]    (defaults: 1000000, 5000, ../shared/data/lists)
#   KINDS=counterparties bench/alerts.sh                   (one part only)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROWS="${1:-1000000}"
DECISIONS="${2:-5000}"
LISTS="$(cd "${3:-$ROOT/../shared/data/lists}" && pwd)"
HEAP="${HEAP:-1g}"
KINDS="${KINDS:-counterparties transactions}"
VIGIL="$ROOT/vigil"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }
"$VIGIL" --version >/dev/null   # builds the jar if needed, outside the measurement

work="${WORK:-$(mktemp -d)}"
[ -n "${WORK:-}" ] || trap 'rm -rf "$work"' EXIT
data="$work/data"
echo "importing the lists into $data ..." >&2
"$VIGIL" --data "$data" import-lists --source "ofac-sdn-csv=$LISTS/ofac" --source "ofac-cons-csv=$LISTS/ofac" \
    --source "eu-xml=$LISTS/eu/global_subset_2016-02-11.xml" --source "uk-ofsi-xlsx=$LISTS/uk/ofsi_conlist_2022-05-04.xlsx" \
    | grep -E '^Snapshot' | tee "$work/snapshot" >&2

# step time in seconds of the last execution of step $1, from Spring Batch's log line
step_secs() {
  grep "Step: \[$1\] executed in" "$data/logs/vigil.log" | tail -n1 | sed -E 's/.*executed in //' | awk '{
    s = 0; t = $0
    if (match(t, /[0-9]+ms$/)) { s += substr(t, RSTART, RLENGTH - 2) / 1000; t = substr(t, 1, RSTART - 1) }
    if (match(t, /[0-9]+s$/)) { s += substr(t, RSTART, RLENGTH - 1); t = substr(t, 1, RSTART - 1) }
    if (match(t, /[0-9]+m$/)) { s += substr(t, RSTART, RLENGTH - 1) * 60 }
    printf "%.3f", s }'
}

screen() { # kind file date -> prints "secs kb"
  JAVA_OPTS="-Xmx$HEAP" "$TIME" -f "%e %M" -o "$work/t" "$VIGIL" --data "$data" screen "$1" --input "$2" \
      --business-date "$3" --rerun >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
  echo "$1 $3: $(awk '{printf "%s s, max RSS %d MiB", $1, $2/1024}' "$work/t"); $(grep -o '[0-9]* read = .*' "$work/out")" >&2
}

echo "machine:  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n1); heap -Xmx$HEAP"
for kind in $KINDS; do
  [ -s "$work/$kind.csv" ] || "$VIGIL" --data "$data" generate-sample "$kind" --rows "$ROWS" \
      --out "$work/$kind.csv" --seed 20261120 >&2
done

if [[ " $KINDS " == *" counterparties "* ]]; then
  screen counterparties "$work/counterparties.csv" 2026-11-20
  n1=$(awk '{print $1}' "$work/t"); d1=$(step_secs screenCounterpartiesDecisions)
  "$VIGIL" --data "$data" alerts --status open --book counterparties --limit "$DECISIONS" --json \
    | grep -o '"alert_id" : "[^"]*"' | cut -d'"' -f4 \
    | awk 'BEGIN {print "alert_id,decision,reason,reviewer"} {print $1 ",false-positive,benchmark clearance,bench.analyst"}' \
    >"$work/decisions.csv"
  JAVA_OPTS="-Xmx$HEAP" "$TIME" -f "%e" -o "$work/ti" "$VIGIL" --data "$data" decisions import "$work/decisions.csv" | head -n1 >&2
  echo "import of $(($(wc -l <"$work/decisions.csv") - 1)) decisions: $(cat "$work/ti") s whole process" >&2
  screen counterparties "$work/counterparties.csv" 2026-11-21
  n2=$(awk '{print $1}' "$work/t"); d2=$(step_secs screenCounterpartiesDecisions)
  echo "counterparties: $ROWS rows; night 1 $n1 s (decisions step $d1 s); night 2 with $DECISIONS decisions $n2 s, decisions step $d2 s = $(awk -v d="$d2" -v n="$n2" 'BEGIN {printf "%.2f", 100 * d / (n - d)}')% of the rest of the night; $(grep -o 'work queue: .*' "$work/out")"
fi
if [[ " $KINDS " == *" transactions "* ]]; then
  screen transactions "$work/transactions.csv" 2026-11-20
  t=$(awk '{print $1}' "$work/t"); o=$(step_secs writeTransactionOutputs); d=$(step_secs screenTransactionsDecisions)
  echo "transactions: $ROWS rows, $t s whole process; outputs step $o s; decisions step $d s; $(grep -o '[0-9]* hits (.*' "$work/out")"
fi
