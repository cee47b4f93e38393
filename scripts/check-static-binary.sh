#!/usr/bin/env bash
# Builds `herald` as the release workflow does (`--static-swift-stdlib`) and runs it in a root file
# tree that holds nothing but the binary, the C libraries `ldd` lists for it and the example
# newsletter: no Swift toolchain and no libswift*.so, as on a GitHub runner that downloads the binary.
#
#     scripts/check-static-binary.sh        # needs root (chroot); the build goes to .build-static
#
# Fails when the binary links a Swift library, or when --version, check or build fails in the tree.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --static-swift-stdlib --product herald --build-path .build-static
binary=.build-static/release/herald

echo "== the libraries the binary loads"
ldd "$binary"
if ldd "$binary" | grep -q 'libswift\|libFoundation\|lib_FoundationICU'; then
    echo "error: $binary loads a Swift library; it would need the toolchain" >&2
    exit 1
fi

root=$(mktemp -d /tmp/herald-static-root.XXXXXX)
trap 'umount "$root/proc" 2>/dev/null || true; rm -rf "$root"' EXIT
mkdir -p "$root/bin" "$root/tmp" "$root/proc"
# Every Linux machine has /proc, and Swift reads its command line from /proc/self/cmdline: without
# it the binary sees no arguments and prints its help.
mount -t proc proc "$root/proc"
cp "$binary" "$root/bin/herald"
for library in $(ldd "$binary" | grep -o '/[^ ]*'); do
    mkdir -p "$root$(dirname "$library")"
    cp -L "$library" "$root$library"
done
cp -R Examples/this-week-in-quill "$root/quill"
echo "== the root file tree: $(find "$root" -path "$root/proc" -prune -o -type f -print | wc -l) files"
find "$root" -path "$root/proc" -prune -o -type f -not -path "$root/quill/*" -print | sed "s|^$root||" | sort

echo "== herald in the tree"
chroot "$root" /bin/herald --version
# Exit status 1 is the example's own findings (an event past its window); 2 or a crash is a failure.
status=0
chroot "$root" /bin/herald check --folder /quill --recent 4 > "$root/tmp/check.txt" || status=$?
cat "$root/tmp/check.txt"
[ "$status" -le 1 ] && grep -q "(4 checked)" "$root/tmp/check.txt"
chroot "$root" /bin/herald build --folder /quill --out /site
test -f "$root/site/index.html"
echo "the static binary runs without the Swift toolchain: $(find "$root/site" -type f | wc -l) files built"
