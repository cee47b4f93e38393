#!/usr/bin/env bash
# How big herald send's journal grows at a million recipients, in SQLite.
#
# Usage: scripts/benchmark-journal-size.sh [RECIPIENTS]
# Builds herald (release) to create the list database at the current schema, adds RECIPIENTS
# generated subscribers, then writes the journal rows exactly as `herald send` does (the same
# INSERT … SELECT when a send starts, the same UPDATE per recipient as replies arrive, here every
# recipient sent after one try and one in a hundred failed with a 550 text) and compares sizes.
set -euo pipefail

RECIPIENTS=${1:-1000000}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/herald-bench-journal.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

HERALD=${HERALD_BINARY:-$ROOT/.build/release/herald}
if [ -z "${HERALD_BINARY:-}" ]; then (cd "$ROOT" && swift build -c release --product herald >/dev/null); fi
mkdir -p "$WORK/news"
cat >"$WORK/news/herald.toml" <<TOML
[site]
base_url = "https://example.org"
[list]
database = "$WORK/list.sqlite"
TOML
"$HERALD" list stats --folder "$WORK/news" >/dev/null
python3 - "$WORK/list.sqlite" "$RECIPIENTS" <<'PY'
import os, sqlite3, sys, time
path, count = sys.argv[1], int(sys.argv[2])
db = sqlite3.connect(path)
now = int(time.time())
db.executemany(
    "INSERT INTO subscribers (address, lookup_key, status, source, created_at, confirmed_at, changed_at) "
    "VALUES (?, ?, 'subscribed', 'import', ?, ?, ?)",
    ((f"reader{i}@example.org", f"reader{i}@example.org", now, now, now) for i in range(count)))
db.commit()
db.execute("VACUUM")
before = os.path.getsize(path)
send = db.execute("INSERT INTO sends (issue, started_at, message_domain) VALUES (533, ?, 'example.org') "
                  "RETURNING id", (now,)).fetchone()[0]
db.execute("INSERT INTO send_recipients (send_id, subscriber_id, state) "
           "SELECT ?, id, 0 FROM subscribers WHERE status = 'subscribed'", (send,))
db.commit()
db.execute("VACUUM")
queued = os.path.getsize(path)
ids = [row[0] for row in db.execute("SELECT subscriber_id FROM send_recipients WHERE send_id = ?", (send,))]
update = ("UPDATE send_recipients SET state = ?, attempts = ?, next_try = ?, reply_code = ?, reply_text = ? "
          "WHERE send_id = ? AND subscriber_id = ?")
db.executemany(update, ((3, 1, 0, 550, "550 5.1.1 No such mailbox here", send, i) if i % 100 == 0
                        else (1, 1, 0, None, None, send, i) for i in ids))
db.commit()
db.execute("VACUUM")
done = os.path.getsize(path)
mb = lambda n: f"{n / 1e6:.1f} MB"
print(f"{count} subscribers: database {mb(before)}")
print(f"journal with every recipient queued: +{mb(queued - before)} ({(queued - before) / count:.1f} bytes each)")
print(f"journal after the send (1% failed with a reply text): +{mb(done - before)} "
      f"({(done - before) / count:.1f} bytes each)")
PY
