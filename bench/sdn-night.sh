# Sourced by bench/delta.sh, bench/delta-floor.sh and bench/lookback.sh (not run on its own): their common set-up.
# Reads the caller's arguments [ROWS [LISTS_DIR]] and HEAP; sets ROOT, ROWS, LISTS, HEAP, VIGIL, TIME, a scratch
# directory `work` removed on exit, and `data`, the data directory inside it; builds the launcher's jar if needed.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS="${1:-1000000}"
LISTS="$(cd "${2:-$ROOT/../shared/data/lists}" && pwd)"
HEAP="${HEAP:-1g}"
VIGIL="$ROOT/vigil"
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "needs /usr/bin/time (Debian package 'time')" >&2; exit 2; }
"$VIGIL" --version >/dev/null
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
data="$work/data"
