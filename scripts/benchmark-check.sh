#!/usr/bin/env bash
# Benchmarks `herald check` on the whole This Week in Rust archive (every rule but dead-link)
# beside pymarkdown, a Markdown linter from PyPI, scanning the same files in the same run.
#
#   scripts/benchmark-check.sh          # 10 timed runs of Herald, 1 of pymarkdown (RUNS=N to change)
#   SCRATCH=.build-release scripts/benchmark-check.sh   # build herald in another scratch folder
#
# Needs ../shared/corpus/twir (or HERALD_SHARED). Installs what is missing: Debian's hyperfine
# and time (apt), pymarkdownlnt (pip, into .build-check-bench/venv). Prints a markdown table.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${HERALD_SHARED:-$root/../shared}
corpus=$shared/corpus/twir
runs=${RUNS:-10}
cache=$root/.build-check-bench

[[ -d $corpus/content ]] || { echo "error: no corpus at $corpus; set HERALD_SHARED" >&2; exit 1; }

need_apt=()
command -v hyperfine >/dev/null || need_apt+=(hyperfine)
[[ -x /usr/bin/time ]] || need_apt+=(time)
if ((${#need_apt[@]})); then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi
if [[ ! -x $cache/venv/bin/pymarkdown ]]; then
  python3 -m venv "$cache/venv"
  "$cache/venv/bin/pip" install -q pymarkdownlnt
fi

echo "building herald (release)..." >&2
scratch=${SCRATCH:-$root/.build-check}
swift build -c release --scratch-path "$scratch" --product herald >&2
herald=$scratch/release/herald
files=$(ls "$corpus"/content/*.md "$corpus"/content/*.markdown 2>/dev/null | wc -l)
bytes=$(cat "$corpus"/content/*.md "$corpus"/content/*.markdown 2>/dev/null | wc -c)

herald_command="$herald check --folder $corpus --recent 100000 --format json"
pymarkdown_command="$cache/venv/bin/pymarkdown --disable-rules md013 scan $corpus/content"

json=$(mktemp)
trap 'rm -f "$json" "$json".*' EXIT
hyperfine -N -i --warmup 1 --runs "$runs" --export-json "$json.herald" "$herald_command" >&2
hyperfine -N -i --runs 1 --export-json "$json.pymarkdown" "$pymarkdown_command" >&2

peak() { /usr/bin/time -f %M "$@" >/dev/null 2>"$json.rss" || true; tail -1 "$json.rss"; }
herald_rss=$(peak $herald_command)
pymarkdown_rss=$(peak $pymarkdown_command)
findings=$($herald_command 2>/dev/null | grep -c '"rule"' || true)

# shellcheck disable=SC2086
instructions=$("$root/scripts/instructions.sh" $herald_command)

python3 - "$json.herald" "$json.pymarkdown" "$herald_rss" "$pymarkdown_rss" "$files" "$bytes" "$findings" \
  "$instructions" <<'PY'
import json, sys
herald, pymarkdown = (json.load(open(path))["results"][0] for path in sys.argv[1:3])
herald_rss, pymarkdown_rss, files, size, findings = (int(value) for value in sys.argv[3:8])
print(f"{files} issue files, {size / 1e6:.1f} MB; Herald reported {findings} findings\n")
print("| tool | mean | σ | user CPU | peak RSS |")
print("| --- | ---: | ---: | ---: | ---: |")
for name, result, rss in (("herald check", herald, herald_rss), ("pymarkdown scan", pymarkdown, pymarkdown_rss)):
    print(f"| {name} | {result['mean']:.3f} s | {result.get('stddev') or 0:.3f} | {result['user']:.3f} s | {rss / 1024:.0f} MiB |")
print(f"\nHerald takes {herald['mean'] / pymarkdown['mean']:.4f}x pymarkdown's time "
      f"({pymarkdown['mean'] / herald['mean']:.0f} times faster).")
if int(sys.argv[8]):
    print(f"\nherald check executes {int(sys.argv[8]) / 1e9:.2f} G instructions (callgrind, the same however busy"
          " the machine: compare it with another commit's).")
PY
