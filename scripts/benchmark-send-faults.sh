#!/usr/bin/env bash
# herald send against a relay that throttles and drops connections, killed with -9 midway and
# resumed: prints how many subscribers the relay accepted zero, one and several times.
#
# Usage: scripts/benchmark-send-faults.sh [SUBSCRIBERS] [CONNECTIONS]
# Needs: python3 with aiosmtpd, sqlite3; HERALD_BINARY or a release build.
# The relay (scripts/fault_relay.py) answers 454 4.7.0 to every 50th message and drops each
# connection after 200 messages.
set -euo pipefail

SUBSCRIBERS=${1:-20000}
CONNECTIONS=${2:-8}
CORPUS=${HERALD_CORPUS:-/work/shared/corpus/twir}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/herald-bench-faults.XXXXXX)
RELAY_PID=""
cleanup() {
    if [ -n "$RELAY_PID" ]; then kill "$RELAY_PID" 2>/dev/null || true; fi
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

mkdir -p "$WORK/news/content"
cp "$CORPUS/content/2024-02-07-this-week-in-rust.md" "$WORK/news/content/"
cat >"$WORK/news/herald.toml" <<TOML
[site]
title = "This Week in Rust"
base_url = "https://this-week-in-rust.org"
[list]
database = "$WORK/list.sqlite"
url = "https://list.this-week-in-rust.org"
[send]
smtp = "smtp://127.0.0.1:$PORT"
connections = $CONNECTIONS
TOML
export HERALD_LIST_SECRET=benchmark-secret-benchmark-secret-0123456789
"$HERALD" list stats --folder "$WORK/news" >/dev/null
python3 - "$WORK/list.sqlite" "$SUBSCRIBERS" <<'PY'
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1])
now = int(time.time())
db.executemany(
    "INSERT INTO subscribers (address, lookup_key, status, source, created_at, confirmed_at, changed_at) "
    "VALUES (?, ?, 'subscribed', 'import', ?, ?, ?)",
    ((f"reader{i}@example.org", f"reader{i}@example.org", now, now, now) for i in range(int(sys.argv[2]))))
db.commit()
PY
journal_sent() { sqlite3 "$WORK/list.sqlite" "SELECT count(*) FROM send_recipients WHERE state = 1" 2>/dev/null || echo 0; }

"$HERALD" send 533 --folder "$WORK/news" >/dev/null 2>&1 &
SEND_PID=$!
while [ "$(journal_sent)" -lt $((SUBSCRIBERS / 2)) ]; do sleep 0.2; done
kill -9 "$SEND_PID"; wait "$SEND_PID" 2>/dev/null || true
echo "killed at $(journal_sent) journaled as sent"
/usr/bin/time -f "resume: %e s" "$HERALD" send 533 --resume --folder "$WORK/news" | tail -3
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
