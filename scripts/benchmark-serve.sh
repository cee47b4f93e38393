#!/usr/bin/env bash
# Measures `herald serve` from saving a draft to the reload event, on the This Week in Rust archive.
#
#   scripts/benchmark-serve.sh            # 15 saves (RUNS=30 for more)
#   HERALD=/path/to/herald scripts/benchmark-serve.sh   # time a herald already built
#
# Needs ../shared/corpus/twir (or HERALD_SHARED). Builds the release binary, copies the archive
# with one draft (the newest issue, a week later) into a temporary folder, starts `herald serve`
# on a free port, listens to /_herald/events with Python's http.client, and for each run appends
# a paragraph to the draft and times save → `event: reload`. Prints the median and the maximum.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${HERALD_SHARED:-$root/../shared}
corpus=$shared/corpus/twir
runs=${RUNS:-15}
work=$(mktemp -d "${TMPDIR:-/tmp}/herald-serve-bench.XXXXXX")
server=
cleanup() {
  if [[ -n $server ]]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

[[ -d $corpus/content ]] || { echo "error: no corpus at $corpus; set HERALD_SHARED" >&2; exit 1; }

herald=${HERALD:-}
if [[ -z $herald ]]; then
  echo "building herald (release)..." >&2
  swift build -c release --scratch-path "$root/.build-serve" --product herald >&2
  herald=$root/.build-serve/release/herald
fi

draft=$("$root/scripts/copy-corpus-with-draft.sh" "$corpus" "$work/twir")

TMPDIR="$work" "$herald" serve --folder "$work/twir" --port 0 2>"$work/serve.log" &
server=$!
for _ in $(seq 300); do
  grep -q "serving the preview at" "$work/serve.log" && break
  kill -0 "$server" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.1
done
url=$(grep -o "serving the preview at http://[^ ]*" "$work/serve.log" | grep -o "http://[^ ]*")
grep "newest draft" "$work/serve.log" >&2 || true

python3 - "$url" "$draft" "$runs" <<'PY'
import http.client, statistics, sys, time, urllib.parse
url, draft, runs = urllib.parse.urlsplit(sys.argv[1]), sys.argv[2], int(sys.argv[3])
connection = http.client.HTTPConnection(url.hostname, url.port, timeout=10)
connection.request("GET", "/_herald/events")
events = connection.getresponse()
assert events.status == 200 and events.getheader("Content-Type") == "text/event-stream", events.status

def next_event():
    while True:
        line = events.readline().decode()
        if line.startswith("event: "):
            return line.strip()[len("event: "):]

while not events.readline().decode().startswith(": connected"):
    pass
times = []
for run in range(runs):
    time.sleep(0.3)  # let the previous save settle, as an editor's saves are seconds apart
    start = time.monotonic()
    with open(draft, "a", encoding="utf-8") as file:
        file.write(f"\nAn edit made by the benchmark, number {run}.\n")
    assert next_event() == "reload"
    times.append((time.monotonic() - start) * 1000)
print(f"save → reload event over {runs} saves: median {statistics.median(times):.0f} ms, "
      f"min {min(times):.0f} ms, max {max(times):.0f} ms")
PY
grep "rebuilt in" "$work/serve.log" | tail -3 >&2
