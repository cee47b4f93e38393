#!/usr/bin/env bash
# herald send's throughput and resume time: 100,000 generated subscribers, issue 533 of This Week
# in Rust (the corpus checkout), a release build, into Postfix's smtp-sink on loopback.
#
# Usage: scripts/benchmark-send.sh [SUBSCRIBERS] [CONNECTIONS]
# Needs: swift, python3, sqlite3, /usr/sbin/smtp-sink (Debian's postfix), /usr/bin/time.
# Prints messages/s, CPU and peak memory (from /usr/bin/time -v), the sink's count (each subscriber
# exactly once), then the time a --resume takes after a kill -9 at about 50%.
set -euo pipefail

SUBSCRIBERS=${1:-100000}
CONNECTIONS=${2:-8}
CORPUS=${HERALD_CORPUS:-/work/shared/corpus/twir}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/herald-bench-send.XXXXXX)
PORT=${SINK_PORT:-25925}
SINK_PID=""
cleanup() {
    if [ -n "$SINK_PID" ]; then kill "$SINK_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT

# HERALD_BINARY skips the build (to try the script with a debug build).
HERALD=${HERALD_BINARY:-$ROOT/.build/release/herald}
if [ -z "${HERALD_BINARY:-}" ]; then
    echo "== release build"
    (cd "$ROOT" && swift build -c release --product herald >/dev/null)
fi

echo "== newsletter and $SUBSCRIBERS subscribers in $WORK"
mkdir -p "$WORK/news/content"
cp "$CORPUS/content/2024-02-07-this-week-in-rust.md" "$WORK/news/content/"
cat >"$WORK/news/herald.toml" <<TOML
[site]
title = "This Week in Rust"
base_url = "https://this-week-in-rust.org"

[email]
from = "This Week in Rust <newsletter@this-week-in-rust.org>"

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
cp "$WORK/list.sqlite" "$WORK/list.fresh.sqlite"

start_sink() {
    # -c counts on stdout; -u nobody because root may not run it as itself.
    : >"$WORK/sink.log"
    /usr/sbin/smtp-sink -c -u nobody "127.0.0.1:$PORT" 1024 >"$WORK/sink.log" 2>&1 &
    SINK_PID=$!
    sleep 0.5
}
sink_count() { tr '\r' '\n' <"$WORK/sink.log" | grep -Eo '[0-9]+' | tail -1 || echo 0; }
journal_sent() { sqlite3 "$WORK/list.sqlite" "SELECT count(*) FROM send_recipients WHERE state = 1"; }

echo "== send to all"
start_sink
/usr/bin/time -v "$HERALD" send 533 --folder "$WORK/news" 2>"$WORK/time.txt" | tail -3
grep -E "Elapsed|Maximum resident|Percent of CPU|User time|System time" "$WORK/time.txt"
echo "sink received: $(sink_count)"
ls -l "$WORK/list.sqlite" | awk '{print "list database after the send: " $5 " bytes"}'
kill "$SINK_PID"; wait "$SINK_PID" 2>/dev/null || true

echo "== kill -9 at about 50%, then --resume"
cp "$WORK/list.fresh.sqlite" "$WORK/list.sqlite"
rm -f "$WORK/list.sqlite-wal" "$WORK/list.sqlite-shm"
start_sink
"$HERALD" send 533 --folder "$WORK/news" >/dev/null 2>&1 &
SEND_PID=$!
while [ "$(sink_count)" -lt $((SUBSCRIBERS / 2)) ]; do sleep 0.05; done
kill -9 "$SEND_PID"; wait "$SEND_PID" 2>/dev/null || true
AT_KILL=$(sink_count)
JOURNALED=$(journal_sent)
echo "killed with $AT_KILL received by the sink, $JOURNALED journaled as sent"
/usr/bin/time -f "resume: %e s elapsed, %M KB peak" "$HERALD" send 533 --resume --folder "$WORK/news" | tail -2
TOTAL=$(sink_count)
echo "sink received in all: $TOTAL for $SUBSCRIBERS subscribers: $((TOTAL - SUBSCRIBERS)) repeated (in flight at the kill)"
