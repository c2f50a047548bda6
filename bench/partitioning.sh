#!/usr/bin/env bash
# Remote partitioning benchmark: the same generated counterparty file screened (1) on one node, (2) partitioned
# over one worker and (3) partitioned over two workers, all on one throwaway PostgreSQL database and an embedded
# broker, RUNS times each, interleaved. It reports the CPU-seconds per record of each mode: for a single-node run
# the whole `vigil screen` process; for a partitioned run the manager's whole process plus what the long-lived
# workers spent during the run (read from /proc before and after; the workers are started and warmed up with one
# run first, as in production, where they outlive the night). The baseline is the single-node run in the same
# benchmark, interleaved with the one-worker runs; the overhead of partitioning and messaging is (partitioned / single-node - 1).
#
# Usage: bench/partitioning.sh [ROWS [RUNS [PARTITIONS [LISTS_DIR]]]]   (defaults: 200000, 3, 8, ../shared/data/lists)
#   BENCH_DB=jdbc:postgresql://host:5432/db bench/partitioning.sh   (an existing, empty database; VIGIL_DB_USER and
#   VIGIL_DB_PASSWORD in the environment). Without it, a throwaway PostgreSQL cluster is made with the local
#   PostgreSQL binaries (Debian's postgresql package), run as user postgres.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
ROWS="${1:-200000}"
RUNS="${2:-3}"
PARTS="${3:-8}"
LISTS="$(cd "${4:-$ROOT/../shared/data/lists}" && pwd)"
HEAP="${HEAP:-1g}"
VIGIL="$ROOT/vigil"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }
"$VIGIL" --version >/dev/null   # builds the jar if needed, outside the measurement

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
# CPU seconds (user + system) a process has used so far
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{print ($14 + $15) / hz}' "/proc/$1/stat"; }

work="${WORK:-$(mktemp -d)}"
chmod 755 "$work"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  if [ -n "${PGDATA_DIR:-}" ]; then runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m immediate stop >/dev/null 2>&1 || true; fi
  [ -n "${WORK:-}" ] || rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${BENCH_DB:-}" ]; then
  PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n1)"
  [ -x "$PGBIN/initdb" ] || { echo "no PostgreSQL binaries: install Debian's postgresql or set BENCH_DB" >&2; exit 2; }
  PGDATA_DIR="$work/pg"; mkdir -p "$PGDATA_DIR"; chown postgres "$PGDATA_DIR"
  pgport=$(free_port)
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA_DIR" -A trust -U postgres >/dev/null
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$PGDATA_DIR/log" -o "-p $pgport -k $PGDATA_DIR" -w start >/dev/null
  BENCH_DB="jdbc:postgresql://127.0.0.1:$pgport/postgres"
  export VIGIL_DB_USER=postgres
fi
db=(--db "$BENCH_DB")
data="$work/data"
echo "importing the lists ..." >&2
"$VIGIL" --data "$data" "${db[@]}" import-lists --source "ofac-sdn-csv=$LISTS/ofac" --source "ofac-cons-csv=$LISTS/ofac" \
    --source "eu-xml=$LISTS/eu/global_subset_2016-02-11.xml" --source "uk-ofsi-xlsx=$LISTS/uk/ofsi_conlist_2022-05-04.xlsx" \
    | grep -E '^Snapshot' | tee "$work/snapshot" >&2
"$VIGIL" --data "$data" "${db[@]}" generate-sample counterparties --rows "$ROWS" --out "$work/cp.csv" --seed 20261120 >&2

bport=$(free_port); broker="tcp://127.0.0.1:$bport"
"$VIGIL" --data "$work/broker" broker --port "$bport" >"$work/broker.out" 2>&1 & pids+=($!)
until grep -q "broker listening" "$work/broker.out" 2>/dev/null; do sleep 0.2; done
start_worker() { # name -> pid on stdout
  JAVA_OPTS="-Xmx$HEAP" "$VIGIL" --data "$work/$1" "${db[@]}" worker --broker "$broker" >"$work/$1.out" 2>&1 &
  local p=$!
  until grep -q "worker ready" "$work/$1.out" 2>/dev/null; do sleep 0.2; done
  echo "$p"
}
day=0
screen() { # label [partition args...] -> appends "wall cpu" to $work/$label
  local label=$1; shift
  day=$((day + 1))
  local before=0 after=0 w
  for w in "${active[@]}"; do before=$(awk -v a="$before" -v b="$(cpu_of "$w")" 'BEGIN {print a + b}'); done
  JAVA_OPTS="-Xmx$HEAP" "$TIME" -f "%e %U %S" -o "$work/t" "$VIGIL" --data "$data" "${db[@]}" screen counterparties \
      --input "$work/cp.csv" --business-date "2026-10-$(printf %02d "$day")" --full "$@" >"$work/out" 2>"$work/err" \
      || { cat "$work/err" >&2; exit 1; }
  for w in "${active[@]}"; do after=$(awk -v a="$after" -v b="$(cpu_of "$w")" 'BEGIN {print a + b}'); done
  read -r wall user sys <"$work/t"
  local cpu; cpu=$(awk -v u="$user" -v s="$sys" -v a="$after" -v b="$before" 'BEGIN {print u + s + a - b}')
  echo "$wall $cpu" >>"$work/$label"
  echo "$label: wall $wall s, CPU $cpu s (manager $user+$sys, workers $(awk -v a="$after" -v b="$before" 'BEGIN {print a - b}'))  $(grep -o '[0-9]* read = .*' "$work/out")" >&2
}

one() { active=("$w1"); screen one-worker --partitions "$PARTS" --broker "$broker"; }
two() { active=("$w1" "$w2"); screen two-workers --partitions "$PARTS" --broker "$broker"; }
single() { active=(); screen single-node; }
: >"$work/single-node"

# phase 1: one worker, warmed up by one run (it loads and indexes the snapshot once), then RUNS runs
w1=$(start_worker w1); pids+=("$w1")
one; : >"$work/one-worker"
for i in $(seq 1 "$RUNS"); do single; one; done
# phase 2: a second worker, warmed up the same way
w2=$(start_worker w2); pids+=("$w2")
two; : >"$work/two-workers"
for i in $(seq 1 "$RUNS"); do two; done

load=$(cut -d' ' -f1-3 /proc/loadavg)
echo "machine:  $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -n1); load average at the end: $load"
echo "registry: $(grep -o '[0-9,]* parties' "$work/snapshot" | head -n1 || true); $ROWS counterparties; $PARTS partitions; heap -Xmx$HEAP; $RUNS runs each"
base=$(awk '{print $2}' "$work/single-node" | median)
for label in single-node one-worker two-workers; do
  wall=$(awk '{print $1}' "$work/$label" | median); cpu=$(awk '{print $2}' "$work/$label" | median)
  echo "$label: median wall $wall s, median CPU $cpu s, $(awk -v c="$cpu" -v r="$ROWS" 'BEGIN {printf "%.1f", c / r * 1e6}') CPU-µs per record, $(awk -v c="$cpu" -v b="$base" 'BEGIN {printf "%+.1f%%", (c / b - 1) * 100}') against single-node"
done
