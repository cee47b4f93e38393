#!/usr/bin/env bash
# Fuzz Herald's Markdown parser and HTML renderer with libFuzzer and AddressSanitizer.
#
# Usage: scripts/fuzz.sh [SECONDS] [-- LIBFUZZER_OPTIONS...]
#
#   SECONDS   how long to fuzz (default 600)
#
# SwiftPM cannot build a libFuzzer target, so this compiles Sources/HeraldMarkdown/*.swift together
# with scripts/fuzz/FuzzMain.swift (the LLVMFuzzerTestOneInput entry: parse with .gfm, render) with
# `swiftc -sanitize=fuzzer,address -O` into .build-fuzz/herald-fuzz, rebuilding only when a source
# changed. The corpus, .build-fuzz/corpus, is seeded with the markdown of every spec example
# (../shared/spec, or $HERALD_SHARED/spec) and keeps what libFuzzer learns between runs. Inputs
# that crash are written to fuzz-out/; replay one with
#
#   SWIFT_BACKTRACE=enable=no .build-fuzz/herald-fuzz fuzz-out/crash-<sha1>
#
# Examples:
#   scripts/fuzz.sh 30                       a quick smoke run
#   scripts/fuzz.sh 3600 -- -fork=2 -ignore_crashes=1
#                                            an hour on two cores, keeping every crash found
set -euo pipefail

cd "$(dirname "$0")/.."
seconds=${1:-600}
[[ $# -gt 0 ]] && shift
[[ ${1:-} == -- ]] && shift
if ! [[ $seconds =~ ^[0-9]+$ ]]; then
    echo "fuzz.sh: SECONDS must be a whole number, not '$seconds'" >&2
    exit 2
fi

shared=${HERALD_SHARED:-../shared}
binary=.build-fuzz/herald-fuzz
corpus=.build-fuzz/corpus
mkdir -p .build-fuzz "$corpus" fuzz-out

sources=(Sources/HeraldMarkdown/*.swift scripts/fuzz/FuzzMain.swift)
source_list=.build-fuzz/sources.txt
stale=no
if [[ ! -x $binary ]] || [[ "$(printf '%s\n' "${sources[@]}")" != "$(cat "$source_list" 2>/dev/null)" ]]; then
    stale=yes
else
    for source in "${sources[@]}"; do
        [[ $source -nt $binary ]] && stale=yes && break
    done
fi
if [[ $stale == yes ]]; then
    echo "Building $binary…" >&2
    swiftc -sanitize=fuzzer,address -parse-as-library -O -g \
        -module-name HeraldMarkdown "${sources[@]}" -o "$binary"
    printf '%s\n' "${sources[@]}" >"$source_list"
fi

if [[ -d $shared/spec ]]; then
    python3 - "$shared/spec" "$corpus" <<'PYTHON'
import json, os, sys
spec, corpus = sys.argv[1:]
written = 0
for name in sorted(os.listdir(spec)):
    if not name.endswith(".json"):
        continue
    for example in json.load(open(os.path.join(spec, name), encoding="utf-8")):
        path = os.path.join(corpus, f"seed-{name[:-5]}-{example['example']:04d}.md")
        with open(path, "wb") as seed:
            seed.write(example["markdown"].encode("utf-8"))
        written += 1
print(f"Seeded {corpus} with {written} spec examples.", file=sys.stderr)
PYTHON
else
    echo "fuzz.sh: no spec examples at $shared/spec; fuzzing from the existing corpus only." >&2
fi

# libFuzzer and AddressSanitizer report crashes themselves; Swift's own backtracer would only
# delay them (it symbolicates for up to 30 s per crash).
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}
exec "$binary" "$corpus" \
    -max_total_time="$seconds" \
    -max_len=4096 \
    -dict=scripts/fuzz/markdown.dict \
    -artifact_prefix=fuzz-out/ \
    -print_final_stats=1 \
    "$@"
