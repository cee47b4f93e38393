#!/usr/bin/env bash
# Copies a newsletter archive's content/ and draft/ into DEST and adds one draft: a copy of the
# newest issue, numbered and dated a week later. The benchmarks use it so that a rebuild or a
# live reload has a draft to edit.
#
# Usage: scripts/copy-corpus-with-draft.sh CORPUS DEST   (prints the draft's path)
set -euo pipefail
corpus=$1
dest=$2
mkdir -p "$dest"
cp -r "$corpus/content" "$corpus/draft" "$dest/"
newest=$(ls "$dest/content"/*.md | sort | tail -1)
draft=$dest/draft/next-issue.md
python3 - "$newest" "$draft" <<'PY'
import re, sys, datetime
text = open(sys.argv[1], encoding="utf-8").read()
number = int(re.search(r"^Number: (\d+)", text, re.M).group(1))
date = datetime.date.fromisoformat(re.search(r"^Date: (\S+)", text, re.M).group(1)) + datetime.timedelta(days=7)
text = re.sub(r"^Title: .*$", f"Title: This Week in Rust {number + 1}", text, count=1, flags=re.M)
text = re.sub(r"^Number: .*$", f"Number: {number + 1}", text, count=1, flags=re.M)
text = re.sub(r"^Date: .*$", f"Date: {date}", text, count=1, flags=re.M)
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
echo "$draft"
