#!/usr/bin/env bash
# Builds newsletters with two herald executables and compares every file of the two sites, to
# show that a change meant to keep the output (a refactor) keeps it byte for byte.
#
#   scripts/compare-site-output.sh BASE_HERALD NEW_HERALD [FOLDER…]
#
# FOLDER defaults to the example weekly and ../shared/corpus/twir (or $HERALD_SHARED/corpus/twir).
# Each site is built into a temporary folder, with the same options for both executables, and
# the email edition of the newest issue is written beside it. Prints one line per folder with the
# number of files compared and differing, then the first differences; exits 1 if any differ.
set -euo pipefail

[[ $# -ge 2 ]] || { echo "usage: $0 BASE_HERALD NEW_HERALD [FOLDER…]" >&2; exit 2; }
base=$(realpath "$1")
new=$(realpath "$2")
shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
shared=${HERALD_SHARED:-$root/../shared}
folders=("$@")
if [[ ${#folders[@]} -eq 0 ]]; then
  folders=("$root/Examples/this-week-in-quill")
  [[ -d $shared/corpus/twir ]] && folders+=("$shared/corpus/twir")
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for folder in "${folders[@]}"; do
  name=$(basename "$folder")
  for side in base new; do
    herald=$base
    [[ $side == new ]] && herald=$new
    out=$work/$name-$side
    { "$herald" build --folder "$folder" --out "$out/site" 2>&1 >/dev/null || true
      mkdir -p "$out/email"
      "$herald" email --latest --folder "$folder" --out "$out/email" 2>&1 >/dev/null || true
    } | sed "s|$out|OUT|g" >"$out.build.log"
    # The build manifest and the insight pages' files.txt record keys that name the executable's
    # build and theme, for the next build; they are not output readers see.
    rm -f "$out/site/.herald-manifest.json" "$out/site/insights/files.txt"
  done
  compared=$(cd "$work/$name-base" && find . -type f | wc -l)
  differing=$(diff -rq "$work/$name-base" "$work/$name-new" | wc -l || true)
  echo "$name: $compared files compared, $differing differing"
  if [[ $differing -ne 0 ]]; then
    status=1
    diff -rq "$work/$name-base" "$work/$name-new" | head -n 10 || true
    diff -ru "$work/$name-base" "$work/$name-new" | head -n 40 || true
  fi
  if ! cmp -s "$work/$name-base.build.log" "$work/$name-new.build.log"; then
    echo "$name: the builds' messages differ:"
    diff "$work/$name-base.build.log" "$work/$name-new.build.log" | head -n 20 || true
    status=1
  fi
done
exit $status
