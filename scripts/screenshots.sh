#!/usr/bin/env bash
# Builds the example newsletter (or the folder given), serves it on 127.0.0.1 and saves headless
# Chromium screenshots of the home page, the archive and one issue at phone (390 px) and desktop
# (1280 px) widths, in light and dark mode, into .build-shots/FOLDERNAME-PAGE-WIDTH-SCHEME.png.
#
#   scripts/screenshots.sh [NEWSLETTER_FOLDER [ISSUE_PATH]]
#
# Needs Debian's `chromium` (installed when missing) and python3 for the local server.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
folder=${1:-$root/Examples/this-week-in-quill}
issue=${2:-}
shots=$root/.build-shots
prefix=$(basename "$folder")
port=${PORT:-8765}
work=$(mktemp -d "${TMPDIR:-/tmp}/herald-shots.XXXXXX")
server=""
cleanup() {
  if [[ -n $server ]]; then kill "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if ! command -v chromium >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
swift build --scratch-path "$root/.build-site" --product herald >&2
"$root/.build-site/debug/herald" build --folder "$folder" --out "$work/site" --base-url "http://127.0.0.1:$port" >&2
if [[ -z $issue ]]; then
  # The newest issue's address, from the canonical link of latest/.
  issue=$(sed -n 's|.*<link rel="canonical" href="http://127.0.0.1:[0-9]*/\([^"]*\)">.*|\1|p' "$work/site/latest/index.html")
fi

python3 -m http.server "$port" --bind 127.0.0.1 --directory "$work/site" >/dev/null 2>&1 &
server=$!
for _ in $(seq 50); do
  curl -sf "http://127.0.0.1:$port/" >/dev/null 2>&1 && break
  sleep 0.1
done

mkdir -p "$shots"
shoot() { # name path width height scheme
  local flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
    "--user-data-dir=$work/profile-$5" "--window-size=$3,$4" "--screenshot=$shots/$prefix-$1-$3-$5.png")
  if [[ $5 == dark ]]; then flags+=(--force-dark-mode --blink-settings=preferredColorScheme=0); else
    flags+=(--blink-settings=preferredColorScheme=1); fi
  chromium "${flags[@]}" "http://127.0.0.1:$port/$2" >/dev/null 2>&1
  echo "$shots/$prefix-$1-$3-$5.png"
}
for scheme in light dark; do
  for size in ${SIZES:-390x844 1280x900}; do
    width=${size%x*}
    height=${size#*x}
    shoot home "" "$width" "$height" "$scheme"
    shoot archive archive/ "$width" "$height" "$scheme"
    shoot issue "$issue" "$width" "$height" "$scheme"
  done
done
