#!/usr/bin/env bash
# Benchmark `herald markdown --gfm` against cmark-gfm on ten megabytes of real newsletter Markdown.
#
# Usage: scripts/benchmark-markdown.sh [CONTENT_DIR]
#
#   CONTENT_DIR   the corpus content directory (default: $HERALD_TWIR_CONTENT, else
#                 ../shared/corpus/twir/content next to the package)
#   RUNS=N        timed runs per tool (default 10), after one warm-up run
#   HERALD_BIN=P  benchmark this herald executable instead of building one
#   CMARK_GFM=P   the cmark-gfm executable (default: cmark-gfm on PATH)
#
# Builds herald in release mode (.build-release), concatenates every .md/.markdown file of the
# corpus with its metadata header stripped (scripts/strip_header.py, shared with
# scripts/compare-corpus.py) into .build-bench/twir.md, then times both tools on it in the same run
# (hyperfine if installed, else a best-of-N loop) and measures peak memory with /usr/bin/time -v.
# Prints a Markdown table to paste into the README.
#
# Both tools get all six GitHub extensions: herald's --gfm includes footnotes, so cmark-gfm gets
# `-e footnotes` besides table, strikethrough, autolink, tagfilter and tasklist, and both do the
# same work.
set -euo pipefail

cd "$(dirname "$0")/.."
package_root=$(pwd)
content=${1:-${HERALD_TWIR_CONTENT:-$package_root/../shared/corpus/twir/content}}
runs=${RUNS:-10}
cmark=${CMARK_GFM:-cmark-gfm}
input=.build-bench/twir.md

if [[ ! -d $content ]]; then
    echo "benchmark-markdown.sh: corpus directory not found: $content" >&2
    echo "Pass it as the first argument or set HERALD_TWIR_CONTENT." >&2
    exit 2
fi
if ! command -v "$cmark" >/dev/null; then
    echo "benchmark-markdown.sh: $cmark not found (apt-get install cmark-gfm)." >&2
    exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "benchmark-markdown.sh: /usr/bin/time not found (apt-get install time)." >&2
    exit 2
fi

herald=${HERALD_BIN:-}
if [[ -z $herald ]]; then
    echo "Building herald (release)…" >&2
    swift build -c release --scratch-path .build-release --product herald >&2
    herald="$(swift build -c release --scratch-path .build-release --show-bin-path)/herald"
fi

mkdir -p .build-bench
python3 scripts/strip_header.py --concat "$content" "$input"

herald_command=("$herald" markdown --gfm "$input")
cmark_command=("$cmark" --unsafe -e table -e strikethrough -e autolink -e tagfilter -e tasklist -e footnotes "$input")

# Both must succeed on the input before their times mean anything.
"${herald_command[@]}" >/dev/null
"${cmark_command[@]}" >/dev/null

# Peak resident memory in kilobytes, from GNU time.
peak_rss_kb() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'
}
herald_rss=$(peak_rss_kb "${herald_command[@]}")
cmark_rss=$(peak_rss_kb "${cmark_command[@]}")

timings=.build-bench/timings.json
if command -v hyperfine >/dev/null; then
    timer="hyperfine $(hyperfine --version | awk '{ print $2 }')"
    hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$timings" \
        --command-name herald "$(printf '%q ' "${herald_command[@]}")" \
        --command-name cmark-gfm "$(printf '%q ' "${cmark_command[@]}")" >&2
else
    timer="best of $runs (python3 loop)"
    python3 - "$timings" "$runs" "${#herald_command[@]}" "${herald_command[@]}" "${cmark_command[@]}" <<'PYTHON'
import json, subprocess, sys, time
output, runs, split = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
commands = {"herald": sys.argv[4:4 + split], "cmark-gfm": sys.argv[4 + split:]}
results = []
for name, command in commands.items():
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        times.append(time.perf_counter() - start)
    results.append({"command": name, "mean": sum(times) / len(times), "min": min(times), "times": times})
json.dump({"results": results}, open(output, "w"))
PYTHON
fi

python3 - "$timings" "$input" "$herald_rss" "$cmark_rss" "$runs" "$timer" "$(nproc)" "$(uname -m)" <<'PYTHON'
import json, os, sys
timings, input_path, herald_rss, cmark_rss, runs, timer, cores, machine = sys.argv[1:]
results = {result["command"]: result for result in json.load(open(timings))["results"]}
size = os.path.getsize(input_path)
megabytes = size / 1e6
rss = {"herald": int(herald_rss) / 1024, "cmark-gfm": int(cmark_rss) / 1024}
labels = {"herald": "`herald markdown --gfm`", "cmark-gfm": "`cmark-gfm` (all six extensions)"}

print()
print(f"Input: {megabytes:.1f} MB of This Week in Rust Markdown (every issue, headers stripped); "
      f"{runs} runs each after a warm-up, {timer}, {cores} cores, {machine}.")
print()
print("| tool | mean | best | MB/s (best) | peak RSS |")
print("| --- | ---: | ---: | ---: | ---: |")
for name in ("herald", "cmark-gfm"):
    result = results[name]
    print(f"| {labels[name]} | {result['mean'] * 1000:.0f} ms | {result['min'] * 1000:.0f} ms "
          f"| {megabytes / result['min']:.1f} | {rss[name]:.1f} MB |")
print()
time_ratio = results["herald"]["mean"] / results["cmark-gfm"]["mean"]
best_ratio = results["herald"]["min"] / results["cmark-gfm"]["min"]
memory_ratio = rss["herald"] / rss["cmark-gfm"]
print(f"herald/cmark-gfm: {time_ratio:.2f}× the time (mean), {best_ratio:.2f}× (best), "
      f"{memory_ratio:.2f}× the peak memory.")
PYTHON
