#!/usr/bin/env bash
# Fuzz Herald with libFuzzer and AddressSanitizer.
#
# Usage: scripts/fuzz.sh [TARGET] [SECONDS] [-- LIBFUZZER_OPTIONS...]
#
#   TARGET    markdown (default): the Markdown parser and HTML renderer
#             issue:    issue files (header + body) through check's linter, export and the site's
#                       issue page renderer
#             calendar: iCalendar text through the calendar reader and its occurrence expansion
#   SECONDS   how long to fuzz (default 600)
#
# SwiftPM cannot build a libFuzzer target, so this compiles Herald's own modules with
# `swiftc -sanitize=fuzzer,address -O` into .build-fuzz/, each fuzz entry from scripts/fuzz/
# (LLVMFuzzerTestOneInput) with them, rebuilding only when a source changed. The markdown target
# needs nothing else. The issue and calendar targets import Herald's dependencies (TOMLKit,
# Mustache, AsyncHTTPClient) as `swift build` left them in .build/debug, uninstrumented, so the
# script runs `swift build --target` for them first.
#
# Each target keeps its corpus in .build-fuzz/corpus-TARGET (markdown: .build-fuzz/corpus) between
# runs; markdown is seeded with
# every spec example (../shared/spec, or $HERALD_SHARED/spec), issue with Examples/ and the TWiR
# corpus (../shared/corpus/twir), calendar with the calendar test fixtures. Inputs that crash are
# written to fuzz-out/TARGET- (markdown: fuzz-out/); replay one with
#
#   SWIFT_BACKTRACE=enable=no .build-fuzz/herald-fuzz-TARGET fuzz-out/TARGET-crash-<sha1>
#
# Examples:
#   scripts/fuzz.sh 30                       a quick smoke run of the Markdown target
#   scripts/fuzz.sh issue 600                ten minutes of issue files
#   scripts/fuzz.sh calendar 3600 -- -fork=2 -ignore_crashes=1
#                                            an hour on two cores, keeping every crash found
set -euo pipefail

cd "$(dirname "$0")/.."
target=markdown
if [[ $# -gt 0 && ${1:-} =~ ^[a-z]+$ ]]; then
    target=$1
    shift
fi
seconds=${1:-600}
[[ $# -gt 0 ]] && shift
[[ ${1:-} == -- ]] && shift
if ! [[ $seconds =~ ^[0-9]+$ ]]; then
    echo "fuzz.sh: SECONDS must be a whole number, not '$seconds'" >&2
    exit 2
fi
case $target in
    markdown | issue | calendar) ;;
    *)
        echo "fuzz.sh: TARGET must be markdown, issue or calendar, not '$target'" >&2
        exit 2
        ;;
esac

shared=${HERALD_SHARED:-../shared}
binary=.build-fuzz/herald-fuzz-$target
corpus=.build-fuzz/corpus-$target
artifacts=fuzz-out/$target-
max_length=8192
if [[ $target == markdown ]]; then
    # The names and limits the Markdown target has always had, so its corpus carries over.
    binary=.build-fuzz/herald-fuzz
    corpus=.build-fuzz/corpus
    artifacts=fuzz-out/
    max_length=4096
fi
modules=.build-fuzz/modules
mkdir -p .build-fuzz "$corpus" "$modules" fuzz-out

# The swift files of a target of Sources/, sorted.
sources_of() { find "Sources/$1" -name '*.swift' | LC_ALL=C sort; }

# Whether $1 is missing or older than any of the files after it.
stale() {
    local product=$1
    shift
    [[ -e $product ]] || return 0
    local source
    for source in "$@"; do [[ $source -nt $product ]] && return 0; done
    return 1
}

swift_flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 -package-name herald)
dependency_flags=()

# Compiles one of Herald's modules, instrumented, into $modules (after those it imports).
build_module() {
    local name=$1
    shift
    local files
    mapfile -t files < <(sources_of "$name")
    files+=("$@")
    if stale "$modules/$name.o" "${files[@]}" "${modules_built[@]/%/.o}"; then
        echo "Building $name for fuzzing…" >&2
        swiftc "${swift_flags[@]}" "${dependency_flags[@]}" -I "$modules" -module-name "$name" -wmo \
            -emit-module -emit-module-path "$modules/$name.swiftmodule" -c "${files[@]}" -o "$modules/$name.o"
    fi
    modules_built+=("$modules/$name")
}
modules_built=()

# Herald's dependencies from .build/debug: their modules, their C module maps, and one archive of
# their objects, from which the linker takes only what the fuzzed code calls.
prepare_dependencies() {
    local dependency
    for dependency in TOMLKit Mustache HeraldHTTP; do swift build --target "$dependency" >&2; done
    local debug
    debug=$(swift build --show-bin-path)
    dependency_flags=(-I "$debug/Modules")
    local map
    while IFS= read -r map; do
        dependency_flags+=(-Xcc "-fmodule-map-file=$map" -Xcc "-I$(dirname "$map")")
    done < <(
        find "$debug" -maxdepth 2 -name module.modulemap
        find .build/checkouts -path '*/Sources/*/include/module.modulemap'
    )
    local archive=.build-fuzz/dependencies.a
    local objects
    mapfile -t objects < <(
        find "$debug" -mindepth 2 -name '*.o' -path '*.build/*' \
            | grep -v -e '/Herald[A-Za-z]*\.build/' -e '/herald\.build/' -e 'Tests\.build/' -e 'Testing[A-Za-z]*\.build/' \
                -e '-tool\.build/' -e '/main\.swift\.o$' -e 'Benchmark' \
            | LC_ALL=C sort
    )
    mapfile -t -O "${#objects[@]}" objects < <(find "$debug/HeraldHTTP.build" -name '*.o' | LC_ALL=C sort)
    if stale "$archive" "${objects[@]}"; then
        rm -f "$archive"
        ar rcs "$archive" "${objects[@]}"
    fi
    link_inputs=("$archive" -lstdc++)
}
link_inputs=()

case $target in
    markdown)
        entry=scripts/fuzz/FuzzMain.swift
        mapfile -t all < <(sources_of HeraldMarkdown)
        all+=("$entry")
        if stale "$binary" "${all[@]}"; then
            echo "Building $binary…" >&2
            swiftc "${swift_flags[@]}" -module-name HeraldMarkdown "${all[@]}" -o "$binary"
        fi
        dictionary=(-dict=scripts/fuzz/markdown.dict)
        ;;
    issue)
        prepare_dependencies
        build_module HeraldMarkdown
        build_module HeraldCore
        build_module HeraldCheck
        build_module HeraldSite scripts/fuzz/IssueFuzzMain.swift
        objects=("$modules/HeraldMarkdown.o" "$modules/HeraldCore.o" "$modules/HeraldCheck.o" "$modules/HeraldSite.o")
        dictionary=(-dict=scripts/fuzz/issue.dict)
        ;;
    calendar)
        prepare_dependencies
        build_module HeraldMarkdown
        build_module HeraldCore
        build_module HeraldGather
        entry=scripts/fuzz/CalendarFuzzMain.swift
        if stale "$modules/CalendarFuzz.o" "$entry" "$modules/HeraldGather.o"; then
            swiftc "${swift_flags[@]}" "${dependency_flags[@]}" -I "$modules" -module-name CalendarFuzz -wmo \
                -c "$entry" -o "$modules/CalendarFuzz.o"
        fi
        objects=("$modules/HeraldMarkdown.o" "$modules/HeraldCore.o" "$modules/HeraldGather.o" "$modules/CalendarFuzz.o")
        dictionary=(-dict=scripts/fuzz/calendar.dict)
        ;;
esac
if [[ $target != markdown ]] && stale "$binary" "${objects[@]}" "${link_inputs[0]}"; then
    echo "Linking $binary…" >&2
    swiftc -sanitize=fuzzer,address "${objects[@]}" "${link_inputs[@]}" -o "$binary"
fi

seed_markdown() {
    [[ -d $shared/spec ]] || {
        echo "fuzz.sh: no spec examples at $shared/spec; fuzzing from the existing corpus only." >&2
        return
    }
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
}

# Copies files under the folders given, up to max_len bytes each, into the corpus as seeds.
seed_files() {
    local pattern=$1
    shift
    local folder file count=0
    for folder in "$@"; do
        [[ -d $folder ]] || continue
        while IFS= read -r file; do
            head -c 8192 "$file" >"$corpus/seed-$(basename "$(dirname "$file")")-$(basename "$file")"
            count=$((count + 1))
        done < <(find "$folder" -type f -name "$pattern" | LC_ALL=C sort | head -200)
    done
    echo "Seeded $corpus with $count files." >&2
}

case $target in
    markdown) seed_markdown ;;
    issue) seed_files '*.md' Examples "$shared/corpus/twir" ;;
    calendar) seed_files '*.ics' Tests/HeraldGatherTests/Fixtures ;;
esac

# libFuzzer and AddressSanitizer report crashes themselves; Swift's own backtracer would only
# delay them (it symbolicates for up to 30 s per crash).
export SWIFT_BACKTRACE=${SWIFT_BACKTRACE:-enable=no}
exec "$binary" "$corpus" \
    -max_total_time="$seconds" \
    -max_len="$max_length" \
    "${dictionary[@]}" \
    -artifact_prefix="$artifacts" \
    -print_final_stats=1 \
    "$@"
