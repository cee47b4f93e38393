#!/usr/bin/env bash
# Three `herald send --worker` processes share one send through PostgreSQL, into the fault relay
# (scripts/fault_relay.py: 454 to every 50th message, connections dropped after 200); one worker
# is killed with -9 midway. Prints how many subscribers the relay accepted zero, one and several times.
#
# Usage: HERALD_BENCH_POSTGRES_URL=postgres://user@127.0.0.1:5432/postgres \
#        scripts/benchmark-send-workers.sh [SUBSCRIBERS]
# Needs: psql (PostgreSQL's client), python3 with aiosmtpd; HERALD_BINARY or a release build.
set -euo pipefail

SUBSCRIBERS=${1:-20000}
ADMIN_URL=${HERALD_BENCH_POSTGRES_URL:?set HERALD_BENCH_POSTGRES_URL to a server where databases may be created}
PSQL=${PSQL:-$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -1)}
CORPUS=${HERALD_CORPUS:-/work/shared/corpus/twir}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/herald-bench-workers.XXXXXX)
DATABASE="herald_bench_$$"
DB_URL="${ADMIN_URL%/*}/$DATABASE"
RELAY_PID=""
cleanup() {
    if [ -n "$RELAY_PID" ]; then kill "$RELAY_PID" 2>/dev/null || true; fi
    "$PSQL" "$ADMIN_URL" -qc "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" >/dev/null 2>&1 || true
    rm -rf "$WORK"
}
trap cleanup EXIT
HERALD=${HERALD_BINARY:-$ROOT/.build/release/herald}
if [ -z "${HERALD_BINARY:-}" ]; then (cd "$ROOT" && swift build -c release --product herald >/dev/null); fi

python3 "$ROOT/scripts/fault_relay.py" --counts "$WORK/counts.json" --defer-every 50 --drop-after 200 \
    >"$WORK/relay.txt" 2>"$WORK/relay.err" &
RELAY_PID=$!
for _ in $(seq 100); do grep -q READY "$WORK/relay.txt" 2>/dev/null && break; sleep 0.1; done
PORT=$(awk '{print $2}' "$WORK/relay.txt")

"$PSQL" "$ADMIN_URL" -qc "CREATE DATABASE $DATABASE" >/dev/null
mkdir -p "$WORK/news/content"
cp "$CORPUS/content/2024-02-07-this-week-in-rust.md" "$WORK/news/content/"
cat >"$WORK/news/herald.toml" <<TOML
[site]
title = "This Week in Rust"
base_url = "https://this-week-in-rust.org"
[list]
database = "$DB_URL"
url = "https://list.this-week-in-rust.org"
[send]
smtp = "smtp://127.0.0.1:$PORT"
connections = 3
TOML
export HERALD_LIST_SECRET=benchmark-secret-benchmark-secret-0123456789
"$HERALD" list stats --folder "$WORK/news" >/dev/null
"$PSQL" "$DB_URL" -qc "INSERT INTO subscribers (address, lookup_key, status, source, created_at, confirmed_at,
    changed_at) SELECT 'reader' || i || '@example.org', 'reader' || i || '@example.org', 'subscribed', 'import',
    0, 0, 0 FROM generate_series(0, $SUBSCRIBERS - 1) AS i" >/dev/null
sent() { "$PSQL" "$DB_URL" -tAc "SELECT count(*) FROM send_recipients WHERE state = 1" 2>/dev/null || echo 0; }

START=$(date +%s.%N)
PIDS=()
for _ in 1 2 3; do
    "$HERALD" send 533 --worker --batch 200 --lease 10 --folder "$WORK/news" >"$WORK/worker.$RANDOM.log" 2>&1 &
    PIDS+=($!)
done
while [ "$(sent)" -lt $((SUBSCRIBERS / 2)) ]; do sleep 0.2; done
kill -9 "${PIDS[0]}"
echo "worker ${PIDS[0]} killed with $(sent) journaled as sent"
STATUS=0
for pid in "${PIDS[@]:1}"; do wait "$pid" || STATUS=$?; done
END=$(date +%s.%N)
echo "the other workers ended with status $STATUS after $(echo "$END - $START" | bc) s"
kill -TERM "$RELAY_PID"; wait "$RELAY_PID" 2>/dev/null || true
RELAY_PID=""
python3 - "$WORK/counts.json" "$SUBSCRIBERS" <<'PY'
import json, sys
counts = json.load(open(sys.argv[1]))
total = int(sys.argv[2])
once = sum(1 for c in counts.values() if c == 1)
more = sum(1 for c in counts.values() if c > 1)
print(f"relay accepted: {len(counts)} of {total} subscribers; once {once}, more than once {more}, "
      f"never {total - len(counts)}")
PY
