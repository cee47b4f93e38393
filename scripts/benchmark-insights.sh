#!/usr/bin/env bash
# Measures what the insight pages cost `herald build` on the This Week in Rust archive, against
# the build without them, in one run: cold builds alternating between the two, then rebuilds with
# --drafts after nothing changed, one draft edited and the newest published issue edited.
#
#   scripts/benchmark-insights.sh                               # RUNS=10 by default
#   BASE=/path/to/main/herald scripts/benchmark-insights.sh
#
# Without insights is this checkout's herald with no --insights, or BASE (a release herald
# built from the commit to compare with) when set; with insights is this checkout's herald with
# --insights. This checkout's is built into .build-release (or SCRATCH). Needs ../shared/corpus/twir (or HERALD_SHARED) and
# hyperfine (installed with apt when missing), and valgrind for instruction counts (skipped
# without it, or with INSTRUCTIONS=0). Prints markdown tables.
# Each cold run starts after `sync`: otherwise the last run's files are still being written back
# to disk while the next one runs, and the times vary by a quarter.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${HERALD_SHARED:-$root/../shared}
corpus=$shared/corpus/twir
runs=${RUNS:-10}
work=$(mktemp -d "${TMPDIR:-/tmp}/herald-insights-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

[[ -d $corpus/content ]] || { echo "error: no corpus at $corpus; set HERALD_SHARED" >&2; exit 1; }
command -v hyperfine >/dev/null || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine >/dev/null
}

scratch=${SCRATCH:-$root/.build-release}
echo "building herald (release)..." >&2
swift build -c release --scratch-path "$scratch" --product herald >&2
herald=$scratch/release/herald
base=${BASE:-$herald}

cold() { echo "$1 build --folder $corpus --out $work/$2"; }
"$herald" build --insights --folder "$corpus" --out "$work/count" 2>/dev/null >&2
pages=$(find "$work/count/insights" -type f -name '*.html' | wc -l)
calendars=$(find "$work/count/insights" -type f -name '*.ics' | wc -l)
hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/cold.json" \
  -n base --prepare "rm -rf $work/base; sync" "$(cold "$base" base)" \
  -n insights --prepare "rm -rf $work/insights; sync" "$(cold "$herald" insights) --insights" >&2

rebuilds=()
for name in base insights; do
  binary=$base flags=""
  [[ $name == insights ]] && binary=$herald flags=--insights
  draft=$("$root/scripts/copy-corpus-with-draft.sh" "$corpus" "$work/twir-$name")
  published=$(ls "$work/twir-$name/content"/*.md | sort | tail -1)
  build="$binary build --drafts $flags --folder $work/twir-$name --out $work/drafts-$name"
  $build 2>/dev/null >&2
  rebuilds+=(-n "$name, nothing changed" --prepare true "$build"
    -n "$name, one draft edited" --prepare "echo \"Edited at \$RANDOM\$RANDOM.\" >> $draft" "$build"
    -n "$name, newest published issue edited" --prepare "echo \"Edited at \$RANDOM\$RANDOM.\" >> $published" "$build")
done
hyperfine --style basic --warmup 2 --runs "$runs" --export-json "$work/rebuild.json" "${rebuilds[@]}" >&2

echo "counting instructions..." >&2
rm -rf "$work/base" "$work/insights"
base_instructions=$("$root/scripts/instructions.sh" "$base" build --folder "$corpus" --out "$work/base")
insight_instructions=$("$root/scripts/instructions.sh" "$herald" build --insights --folder "$corpus" --out "$work/insights")

python3 - "$work/cold.json" "$work/rebuild.json" "$pages" "$calendars" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)" \
  "$base_instructions" "$insight_instructions" <<'PY'
import json, sys
cold = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
rebuild = json.load(open(sys.argv[2]))["results"]
pages, calendars, cores, load = sys.argv[3], sys.argv[4], sys.argv[5], sys.argv[6]
base, insights = cold["base"], cold["insights"]
ms = lambda r: f"{r['mean'] * 1000:.0f} ms ± {(r['stddev'] or 0) * 1000:.0f}"
print(f"\nInsights on the TWiR archive: {pages} pages and {calendars} calendars ({cores} cores, load {load}).\n")
print("| Cold build | wall time | user + system CPU |")
print("| --- | ---: | ---: |")
cpu = lambda r: r["user"] + r["system"]
for name, r in (("without insights", base), ("with insights", insights)):
    print(f"| {name} | {ms(r)} | {cpu(r) * 1000:.0f} ms |")
print(f"\nWall time +{100 * (insights['mean'] / base['mean'] - 1):.1f} %, CPU +{100 * (cpu(insights) / cpu(base) - 1):.1f} %.")
counted = [int(sys.argv[7]), int(sys.argv[8])]
if all(counted):
    print(f"Instructions (callgrind, the same on a busy machine): {counted[0] / 1e9:.2f} G without, "
          f"{counted[1] / 1e9:.2f} G with, +{100 * (counted[1] / counted[0] - 1):.1f} %.")
print()
print("| Rebuild with --drafts | time |")
print("| --- | ---: |")
for r in rebuild:
    print(f"| {r['command']} | {ms(r)} |")
PY
