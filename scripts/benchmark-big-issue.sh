#!/usr/bin/env bash
# Times `herald check` on one very large issue file made from the This Week in Rust archive:
# every issue's body (headers stripped, scripts/strip_header.py), concatenated and repeated
# until the file reaches SIZE_MB (default 52), under one header. Run it before and after a
# change to `herald check`'s per-file work to see whether the time grows linearly with size.
#
#   scripts/benchmark-big-issue.sh                 # 52 MB, the debug build in .build
#   SIZES="2 4 8" scripts/benchmark-big-issue.sh   # several sizes, to see the growth
#   HERALD=path/to/herald scripts/benchmark-big-issue.sh
#
# Needs ../shared/corpus/twir (or HERALD_SHARED). The file is made in a temporary folder and
# removed afterwards; it is never part of the repository.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${HERALD_SHARED:-$root/../shared}
corpus=$shared/corpus/twir
herald=${HERALD:-$root/.build/debug/herald}
sizes=${SIZES:-${SIZE_MB:-52}}

[[ -d $corpus/content ]] || { echo "error: no corpus at $corpus; set HERALD_SHARED" >&2; exit 1; }
[[ -x $herald ]] || { echo "error: no herald at $herald; run 'swift build' or set HERALD" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$root/scripts/strip_header.py" --concat "$corpus/content" "$work/bodies.md"

for size in $sizes; do
  folder=$work/weekly-$size
  mkdir -p "$folder/content"
  issue=$folder/content/2030-01-01-big.md
  printf 'Title: This Week in Rust 9000\nNumber: 9000\nDate: 2030-01-01\nCategory: This Week in Rust\n\n' >"$issue"
  while (($(stat -c %s "$issue") < size * 1000 * 1000)); do cat "$work/bodies.md" >>"$issue"; done
  truncate -s $((size * 1000 * 1000)) "$issue"
  # End on a whole line so the cut does not fall inside a character.
  printf '\n' >>"$issue"
  start=$(date +%s.%N)
  status=0
  "$herald" check --folder "$folder" --format json "$issue" >"$work/report.json" 2>/dev/null || status=$?
  end=$(date +%s.%N)
  findings=$(grep -c '"rule"' "$work/report.json" || true)
  python3 -c "import sys; print(f\"{sys.argv[1]} MB: {float(sys.argv[3]) - float(sys.argv[2]):.2f} s, exit {sys.argv[4]}, {sys.argv[5]} findings\")" "$size" "$start" "$end" "$status" "$findings"
done
