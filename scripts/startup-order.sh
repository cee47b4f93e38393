#!/usr/bin/env bash
# Writes scripts/startup.order: the functions a `herald` run executes before and around its work,
# one symbol name a line, which Package.swift hands to the linker (`--symbol-ordering-file`) so
# that they sit together in the executable.
#
#     scripts/startup-order.sh        # needs valgrind; builds into .build-static
#
# Why: a run touches the executable's code a page at a time, and the kernel maps up to 64 kB of
# the file around each page touched. Spread over the 37 MB of code (the Swift runtime, the
# standard library, Foundation, Argument Parser, Herald), the few thousand functions every run
# starts with touched 8 MB; side by side they touch a fraction. The symbols come from callgrind
# (which lists every function it saw run) on `herald markdown` and `herald check` of the example
# newsletter, kept when the executable defines them. A name the linker no longer finds (another
# toolchain, a renamed function) is passed over, so a stale list costs only some of the saving;
# run this again after a toolchain update or a large change to start-up.
set -euo pipefail
cd "$(dirname "$0")/.."

command -v valgrind > /dev/null || { echo "error: valgrind is needed (apt-get install valgrind)" >&2; exit 1; }
swift build -c release --static-swift-stdlib --scratch-path .build-static --product herald >&2
binary="$(swift build -c release --static-swift-stdlib --scratch-path .build-static --show-bin-path)/herald"

work=$(mktemp -d /tmp/herald-startup-order.XXXXXX)
trap 'rm -rf "$work"' EXIT
# valgrind reads the symbol table, not the DWARF, which it cannot all load for a binary this size.
objcopy --strip-debug "$binary" "$work/herald"
example=Examples/this-week-in-quill
issue=$(ls "$example"/content/*.md | tail -1)

run() {
    valgrind --tool=callgrind --demangle=no --callgrind-out-file="$work/$1.out" "$work/herald" "${@:2}" \
        > /dev/null 2>> "$work/valgrind.log" || true
}
run markdown markdown --gfm "$issue"
(cd "$example" && run check check)

nm --defined-only "$work/herald" | awk '{ print $3 }' | sort -u > "$work/defined"
# callgrind names a function the first time it appears as `fn=(id) name` (or cfn= for a callee).
sed -nE 's/^c?fn=\([0-9]+\) (.+)$/\1/p' "$work"/*.out | sort -u > "$work/executed"
comm -12 "$work/defined" "$work/executed" > scripts/startup.order
echo "scripts/startup.order: $(wc -l < scripts/startup.order) functions" >&2
