#!/usr/bin/env bash
# Prints the number of instructions a command executes, counted by valgrind's callgrind: unlike
# wall or CPU time, it is the same for the same binary and input however busy the machine is, so
# a change can be compared with the one before it.
#
#   scripts/instructions.sh EXECUTABLE [ARGUMENT…]     # prints e.g. 14147260631
#   WARMUP=1 scripts/instructions.sh …                   # run the command once first, uncounted
#
# Debian's valgrind 3.19 cannot read the DWARF 5 that Swift's toolchain writes, so the executable
# is counted from a copy without its debug information (the code is the same). Prints 0 when
# valgrind is missing or INSTRUCTIONS=0. The command's output and exit status are ignored. The
# count is printed as a float rounded to a whole number: mawk's %d stops at 2^31 - 1. WARMUP=1
# runs the copy once before counting, for what a second run does: `herald build` records the
# executable that built the site, so a rebuild by the copy finds nothing changed only after the
# copy itself has built once.
set -euo pipefail
if [[ ${INSTRUCTIONS:-1} == 0 ]] || ! command -v valgrind >/dev/null; then echo 0; exit 0; fi
executable=$(command -v "$1")
shift
copy=$(mktemp "${TMPDIR:-/tmp}/herald-instructions.XXXXXX")
trap 'rm -f "$copy"' EXIT
objcopy --strip-debug "$executable" "$copy" 2>/dev/null || cp "$executable" "$copy"
chmod +x "$copy"
if [[ ${WARMUP:-0} == 1 ]]; then "$copy" "$@" >/dev/null 2>&1 </dev/null || true; fi
{ valgrind --tool=callgrind --callgrind-out-file=/dev/null "$copy" "$@" 2>&1 >/dev/null </dev/null || true; } \
    | awk '/Collected :/ { found = $NF } END { printf "%.0f\n", found + 0 }'
