#!/usr/bin/env bash
# Benchmark `herald markdown --gfm` against md4c and cmark-gfm on ten megabytes of real newsletter Markdown.
#
# Usage: scripts/benchmark-markdown.sh [CONTENT_DIR]
#
#   CONTENT_DIR   the corpus content directory (default: $HERALD_TWIR_CONTENT, else
#                 ../shared/corpus/twir/content next to the package)
#   RUNS=N        timed runs per tool (default 10), after one warm-up run
#   HERALD_BIN=P  benchmark this herald executable instead of building one
#   CMARK_GFM=P   the cmark-gfm executable (default: cmark-gfm on PATH)
#   INSTRUCTIONS=0  skip the instruction counts (valgrind's callgrind; on by default when installed)
#
# Builds herald in release mode as the release workflow does, with the Swift runtime linked in
# (`--static-swift-stdlib`, .build-static; dynamically linked, loading the runtime and Foundation
# adds about 10 ms to every run), and a ten-line md4c driver over Debian's
# libmd4c-html (.build-bench/md4c-html, `cc -O2`), concatenates every .md/.markdown file of the
# corpus with its metadata header stripped (scripts/strip_header.py, shared with
# scripts/compare-corpus.py) into .build-bench/twir.md, then times the three tools on it in the same
# run (the tools taking turns, run by run), measures peak memory with /usr/bin/time -v and
# counts instructions with callgrind, which a busy machine does not disturb. Prints a Markdown table
# to paste into the README, with each tool's ratio to herald and its CPU time (user and system):
# herald parses a long file on every core, so its CPU time exceeds its wall time.
#
# herald and cmark-gfm get all six GitHub extensions: herald's --gfm includes footnotes, so cmark-gfm
# gets `-e footnotes` besides table, strikethrough, autolink, tagfilter and tasklist. md4c runs its
# GitHub dialect (tables, strikethrough, task lists, permissive autolinks); it has no footnotes and no
# tag filter, so it does slightly less work than the other two.
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
if [[ ! -f /usr/include/md4c-html.h ]]; then
    echo "benchmark-markdown.sh: md4c's headers not found (apt-get install libmd4c-dev libmd4c-html0-dev)." >&2
    exit 2
fi
if [[ ! -x /usr/bin/time ]]; then
    echo "benchmark-markdown.sh: /usr/bin/time not found (apt-get install time)." >&2
    exit 2
fi

herald=${HERALD_BIN:-}
if [[ -z $herald ]]; then
    echo "Building herald (release, --static-swift-stdlib)…" >&2
    swift build -c release --static-swift-stdlib --scratch-path .build-static --product herald >&2
    herald="$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/herald"
fi

mkdir -p .build-bench
python3 scripts/strip_header.py --concat "$content" "$input"

# md4c ships a library, not a command: a driver that reads a file whole and renders it to stdout.
cat > .build-bench/md4c-html.c <<'C'
#include <md4c-html.h>
#include <stdio.h>
#include <stdlib.h>
static void out(const MD_CHAR *text, MD_SIZE size, void *file) { fwrite(text, 1, size, (FILE *)file); }
int main(int argc, char **argv) {
    FILE *in = fopen(argv[1], "rb"); if (!in) return 2;
    fseek(in, 0, SEEK_END); long size = ftell(in); fseek(in, 0, SEEK_SET);
    char *text = malloc(size); if (fread(text, 1, size, in) != (size_t)size) return 2;
    return md_html(text, size, out, stdout, MD_DIALECT_GITHUB, 0) == 0 ? 0 : 1;
}
C
cc -O2 -o .build-bench/md4c-html .build-bench/md4c-html.c -lmd4c-html -lmd4c

herald_command=("$herald" markdown --gfm "$input")
md4c_command=(.build-bench/md4c-html "$input")
cmark_command=("$cmark" --unsafe -e table -e strikethrough -e autolink -e tagfilter -e tasklist -e footnotes "$input")

# Each must succeed on the input before its times mean anything.
"${herald_command[@]}" >/dev/null
"${md4c_command[@]}" >/dev/null
"${cmark_command[@]}" >/dev/null

# Peak resident memory in kilobytes, from GNU time.
peak_rss_kb() {
    /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ { print $2 }'
}
herald_rss=$(peak_rss_kb "${herald_command[@]}")
md4c_rss=$(peak_rss_kb "${md4c_command[@]}")
cmark_rss=$(peak_rss_kb "${cmark_command[@]}")

# Instructions executed (scripts/instructions.sh): the same however busy the machine is.
herald_instructions=$("$(dirname "$0")/instructions.sh" "${herald_command[@]}")
md4c_instructions=$("$(dirname "$0")/instructions.sh" "${md4c_command[@]}")
cmark_instructions=$("$(dirname "$0")/instructions.sh" "${cmark_command[@]}")

timings=.build-bench/timings.json
# The tools take turns, one run each per round: on a shared machine whose speed drifts, each tool
# then meets the same moments, where timing one tool's runs after another's gave ratios that
# moved by a fifth from run to run. The order rotates from round to round, so that each tool
# follows each other one as often: a tool run right after cmark-gfm (which frees 177 MB as it
# exits) took up to a quarter longer.
timer="$runs rounds of one run each, the tools taking turns in an order that rotates (python3)"
python3 - "$timings" "$runs" "${#herald_command[@]}" "${herald_command[@]}" "${md4c_command[@]}" \
    "${cmark_command[@]}" <<'PYTHON'
import json, resource, statistics, subprocess, sys, time
output, runs, split = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rest = sys.argv[4 + split:]
commands = {"herald": sys.argv[4:4 + split], "md4c": rest[:2], "cmark-gfm": rest[2:]}
for command in commands.values():
    subprocess.run(command, stdout=subprocess.DEVNULL, check=True)  # warm-up
times = {name: [] for name in commands}
cpu = {name: [] for name in commands}
names = list(commands)
for turn in range(runs):
    for name in names[turn % len(names):] + names[:turn % len(names)]:
        command = commands[name]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, check=True)
        times[name].append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[name].append((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime))
results = [{"command": name, "mean": statistics.mean(times[name]), "median": statistics.median(times[name]),
            "min": min(times[name]), "cpu": statistics.mean(cpu[name])} for name in commands]
json.dump({"results": results}, open(output, "w"))
PYTHON

python3 - "$timings" "$input" "$runs" "$timer" "$(nproc)" "$(uname -m)" "$(cut -d' ' -f1 /proc/loadavg)" \
    "$herald_rss" "$md4c_rss" "$cmark_rss" "$herald_instructions" "$md4c_instructions" "$cmark_instructions" <<'PYTHON'
import json, os, sys
timings, input_path, runs, timer, cores, machine, load = sys.argv[1:8]
names = ("herald", "md4c", "cmark-gfm")
rss = dict(zip(names, (int(value) / 1024 for value in sys.argv[8:11])))
instructions = dict(zip(names, (int(value or 0) for value in sys.argv[11:14])))
results = {result["command"]: result for result in json.load(open(timings))["results"]}
megabytes = os.path.getsize(input_path) / 1e6
labels = {"herald": "`herald markdown --gfm`", "md4c": "md4c (`md_html`, GitHub dialect)",
          "cmark-gfm": "`cmark-gfm` (all six extensions)"}

print()
print(f"Input: {megabytes:.1f} MB of This Week in Rust Markdown (every issue, headers stripped); "
      f"{runs} runs each after a warm-up, {timer}, {cores} cores, {machine}, load average {load} at the end.")
print()
print("| tool | mean | median | best | MB/s (best) | CPU (user + system) | peak RSS | instructions "
      "| herald's time ÷ this |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
for name in names:
    result = results[name]
    counted = f"{instructions[name] / 1e6:,.0f} M" if instructions[name] else "—"
    ratio = results["herald"]["mean"] / result["mean"]
    print(f"| {labels[name]} | {result['mean'] * 1000:.0f} ms | {result['median'] * 1000:.0f} ms "
          f"| {result['min'] * 1000:.0f} ms | {megabytes / result['min']:.1f} | {result['cpu'] * 1000:.0f} ms "
          f"| {rss[name]:.1f} MB | {counted} | {ratio:.2f}× |")
print()
for peer in ("md4c", "cmark-gfm"):
    time_ratio = results["herald"]["mean"] / results[peer]["mean"]
    median_ratio = results["herald"]["median"] / results[peer]["median"]
    best_ratio = results["herald"]["min"] / results[peer]["min"]
    memory_ratio = rss["herald"] / rss[peer]
    cpu_ratio = results["herald"]["cpu"] / results[peer]["cpu"]
    line = (f"herald/{peer}: {time_ratio:.2f}× the time (mean), {median_ratio:.2f}× (median), {best_ratio:.2f}× (best), "
            f"{cpu_ratio:.2f}× the CPU time, {memory_ratio:.2f}× the peak memory")
    if instructions["herald"] and instructions[peer]:
        line += f", {instructions['herald'] / instructions[peer]:.2f}× the instructions"
    print(line + ".")
PYTHON
