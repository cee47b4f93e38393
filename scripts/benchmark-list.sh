#!/usr/bin/env bash
# Times `herald list import` of a generated 100,000-row Mailchimp export into an empty SQLite list,
# then the same import again (nothing changes), with a release build. The addresses are made up
# (reader000001@example.org, …) and everything is written to a temporary folder, removed at the end.
#
#   scripts/benchmark-list.sh            # ROWS=N to change the size
#
# Needs python3 (to write the export) and /usr/bin/time (Debian's `time`, installed if missing).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
rows=${ROWS:-100000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

[[ -x /usr/bin/time ]] || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }

echo "building herald (release)..." >&2
swift build -c release --product herald --package-path "$root" --scratch-path "$root/.build-release" >/dev/null
herald=$(swift build -c release --show-bin-path --package-path "$root" --scratch-path "$root/.build-release")/herald

python3 - "$work/subscribed_members_export_bench.csv" "$rows" <<'PY'
import csv, sys
path, rows = sys.argv[1], int(sys.argv[2])
columns = ["Email Address", "First Name", "Last Name", "MEMBER_RATING", "OPTIN_TIME", "OPTIN_IP", "CONFIRM_TIME",
           "CONFIRM_IP", "LATITUDE", "LONGITUDE", "GMTOFF", "DSTOFF", "TIMEZONE", "CC", "REGION", "LAST_CHANGED",
           "LEID", "EUID", "NOTES", "TAGS"]
with open(path, "w", newline="", encoding="utf-8-sig") as f:
    out = csv.writer(f)
    out.writerow(columns)
    for i in range(rows):
        day, second = 1 + i % 28, i % 86400
        time = f"2020-{1 + i % 12:02d}-{day:02d} {second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}"
        out.writerow([f"reader{i:06d}@example.org", "Reader", f"Number {i}", 2, time, "", time, "", "", "", "", "",
                      "", "", "", time, 1000 + i, f"e{i:x}", "note, with a comma" if i % 10 == 0 else "", ""])
PY

mkdir "$work/newsletter"
printf '[list]\ndatabase = "%s/list.sqlite"\n' "$work" > "$work/newsletter/herald.toml"

run() {
  /usr/bin/time -f "%e s, %M KB peak memory" "$herald" list import --folder "$work/newsletter" \
    "$work/subscribed_members_export_bench.csv" >/dev/null 2>"$work/stderr" || { cat "$work/stderr" >&2; exit 1; }
  grep -v '^[0-9.]* s,' "$work/stderr" >&2
  tail -n 1 "$work/stderr"
}

echo "| run | rows | time, peak memory |"
echo "| --- | ---: | --- |"
echo "| first import (empty SQLite list) | $rows | $(run) |"
echo "| second import (nothing changes) | $rows | $(run) |"
