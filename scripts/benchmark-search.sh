#!/usr/bin/env bash
# Measures the archive search on the This Week in Rust archive: index sizes against the site's
# HTML, what a query loads, how long it takes in headless Chromium, and what the index costs a
# rebuild.
#
#   scripts/benchmark-search.sh                 # queries: polars async "pattern matching" tokio
#   scripts/benchmark-search.sh serde "const generics"
#
# Needs ../shared/corpus/twir (or HERALD_SHARED), Debian's chromium, and hyperfine for the
# rebuild times (installed with apt when missing). Builds the release binary into
# .build-search-release (or SCRATCH). Prints markdown tables.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${HERALD_SHARED:-$root/../shared}
corpus=$shared/corpus/twir
runs=${RUNS:-10}
work=$(mktemp -d "${TMPDIR:-/tmp}/herald-search-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT
queries=("$@")
((${#queries[@]})) || queries=(polars async "pattern matching" tokio)

[[ -d $corpus/content ]] || { echo "error: no corpus at $corpus; set HERALD_SHARED" >&2; exit 1; }
need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v hyperfine >/dev/null || need_apt+=(hyperfine)
if ((${#need_apt[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

echo "building herald (release)..." >&2
scratch=${SCRATCH:-$root/.build-search-release}
swift build -c release --scratch-path "$scratch" --product herald >&2
herald=$scratch/release/herald

site=$work/site
"$herald" build --folder "$corpus" --out "$site" 2>/dev/null >&2
python3 "$root/scripts/search-browser-test.py" --site "$site" --measure "${queries[@]}" > "$work/queries.json"

echo "timing rebuilds..." >&2
draft=$("$root/scripts/copy-corpus-with-draft.sh" "$corpus" "$work/twir")
published=$(ls "$work/twir/content"/*.md | sort | tail -1)
"$herald" build --drafts --folder "$work/twir" --out "$work/drafts-site" 2>/dev/null
build="$herald build --drafts --folder $work/twir --out $work/drafts-site"
hyperfine --style basic --warmup 2 --runs "$runs" --export-json "$work/rebuild.json" \
  -n "nothing changed" --prepare true "$build" \
  -n "one draft edited" --prepare "echo \"Edited at \$RANDOM\$RANDOM.\" >> $draft" "$build" \
  -n "newest published issue edited" --prepare "echo \"Edited at \$RANDOM\$RANDOM.\" >> $published" "$build" >&2

python3 - "$site" "$work/queries.json" "$work/rebuild.json" "$(nproc)" <<'PY'
import gzip, json, os, sys
site, queries, rebuild, cores = sys.argv[1], json.load(open(sys.argv[2])), json.load(open(sys.argv[3])), sys.argv[4]

def files(folder):
    for base, _, names in os.walk(folder):
        for name in names:
            yield os.path.relpath(os.path.join(base, name), site)

html = sum(os.path.getsize(os.path.join(site, p)) for p in files(site) if p.endswith(".html"))
index = [p for p in files(os.path.join(site, "search")) if p.endswith((".bin", ".txt", ".json")) and p != "search/files.txt"]
stored = sum(os.path.getsize(os.path.join(site, p)) for p in index)

def inflated(path):
    data = open(os.path.join(site, path), "rb").read()
    return len(gzip.decompress(data)) if data[:2] == b"\x1f\x8b" else len(data)

def sent(path):
    """The size over the wire from a host that gzips text files (.txt, .json) and sends the rest as it is."""
    data = open(os.path.join(site, path), "rb").read()
    return len(gzip.compress(data)) if data[:2] != b"\x1f\x8b" else len(data)

raw = sum(inflated(p) for p in index)
gzipped = sum(sent(p) for p in index)
mb = lambda n: f"{n / 1e6:.2f} MB"
print(f"\nSearch index of the TWiR archive ({len(index)} files), against the site's HTML ({mb(html)}):\n")
print("| | size | share of the HTML |")
print("| --- | ---: | ---: |")
print(f"| index as stored (chunks gzip, shards and root plain) | {mb(stored)} | {100 * stored / html:.1f} % |")
print(f"| index as sent by a host that gzips text | {mb(gzipped)} | {100 * gzipped / html:.1f} % |")
print(f"| index inflated in the browser | {mb(raw)} | {100 * raw / html:.1f} % |")
page = os.path.getsize(os.path.join(site, "search/index.html"))
script = os.path.getsize(os.path.join(site, "theme/search.js"))
print(f"\nThe search page is {page / 1000:.1f} kB and its script {script / 1000:.1f} kB (before any server compression).")

print(f"\nQueries in headless Chromium ({cores} cores), served from 127.0.0.1, each in a fresh profile (fetching the files):"
      " from the address, the time from the script reading it to the results drawn, and from navigation start;"
      " pasted into the loaded page; typed key by key, 150 ms apart, from the last key to the results"
      " (each the median of 5 fresh profiles); then the median of 5 repeats with the files loaded:\n")
print("| query | first results | index files loaded | stored | inflated | from the address | since navigation | pasted | typed, from the last key | repeated |")
print("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for q in queries:
    loaded = [f["url"].split("?")[0].lstrip("/") for f in q["files"] if "?v=" in f["url"] or f["url"].endswith(".json")]
    stored_size = sum(os.path.getsize(os.path.join(site, p)) for p in loaded)
    inflated_size = sum(inflated(p) for p in loaded)
    first = "; ".join(r["title"][:40] for r in q["results"][:2])
    print(f"| `{q['query']}` | {first} | {len(loaded)} | {stored_size / 1000:.1f} kB | {inflated_size / 1000:.1f} kB |"
          f" {q['coldMs']:.1f} ms | {q['drawnMs']:.0f} ms | {q['typedMs']:.1f} ms | {q['keyedMs']:.1f} ms |"
          f" {q['warmMs']:.1f} ms |")
for q in queries:
    if q["query"] == "polars":
        for position, r in enumerate(q["results"], 1):
            if "string data type" in r["title"]:
                print(f"\n`polars`: the 2024-02-07 entry \"{r['title']}\" is result {position}, {r['where']}, linking to {r['href']}.")

print("\n| Rebuild with --drafts | time |")
print("| --- | ---: |")
for r in rebuild["results"]:
    print(f"| {r['command']} | {r['mean'] * 1000:.0f} ms ± {(r['stddev'] or 0) * 1000:.0f} |")
PY
