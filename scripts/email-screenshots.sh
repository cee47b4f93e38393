#!/usr/bin/env bash
# Renders the email edition of two issues with `herald email` and saves headless Chromium
# screenshots of their HTML at phone (375 px) and full (660 px) widths, light and dark, into
# .build-shots/email-NUMBER-WIDTH-SCHEME.png.
#
#   scripts/email-screenshots.sh [NEWSLETTER_FOLDER [NUMBER NUMBER]]
#
# By default: This Week in Rust 533 and 567 from ../shared/corpus/twir (or $HERALD_SHARED).
# Needs Debian's `chromium` (installed when missing).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
shared=${HERALD_SHARED:-$root/../shared}
folder=${1:-$shared/corpus/twir}
shift || true
numbers=("$@")
if [[ ${#numbers[@]} -eq 0 ]]; then numbers=(533 567); fi
shots=$root/.build-shots
height=${HEIGHT:-1600}
work=$(mktemp -d "${TMPDIR:-/tmp}/herald-email-shots.XXXXXX")
trap 'rm -rf "$work"' EXIT

if ! command -v chromium >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
swift build --scratch-path "$root/.build-email" --product herald >&2
mkdir -p "$shots"
for number in "${numbers[@]}"; do
  "$root/.build-email/debug/herald" email "$number" --folder "$folder" --out "$work" >&2
  for width in 375 660; do
    for scheme in light dark; do
      flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
        "--user-data-dir=$work/profile-$scheme" "--window-size=$width,$height"
        "--screenshot=$shots/email-$number-$width-$scheme.png")
      if [[ $scheme == dark ]]; then flags+=(--force-dark-mode --blink-settings=preferredColorScheme=0); else
        flags+=(--blink-settings=preferredColorScheme=1); fi
      chromium "${flags[@]}" "file://$work/$number.html" >/dev/null 2>&1
      echo "$shots/email-$number-$width-$scheme.png"
    done
  done
done
