#!/usr/bin/env python3
"""Strip the metadata header from newsletter Markdown files: the one place this is done.

Used by scripts/benchmark-markdown.sh (to build the benchmark input) and scripts/compare-corpus.py
(to compare Herald with cmark-gfm file by file), so both see exactly the same Markdown.

A header is either
  * YAML front matter: a first line `---`, up to and including the next `---` or `...` line; or
  * a Pelican header: the run of `Key: Value` lines at the top (with indented continuation lines),
    up to and including the blank line that ends it.
A file whose first line is neither is returned unchanged. Work is on bytes, so any encoding survives.

Usage:
  scripts/strip_header.py FILE                  print FILE without its header
  scripts/strip_header.py --concat DIR OUTPUT   concatenate every .md/.markdown file under DIR
                                                (sorted, headers stripped, a blank line between)
"""

import os
import re
import sys

MARKDOWN_SUFFIXES = (".md", ".markdown")

_BOM = b"\xef\xbb\xbf"
_PELICAN_KEY = re.compile(rb"^[A-Za-z][A-Za-z0-9_-]*:(?:[ \t].*)?$")
_CONTINUATION = re.compile(rb"^(?: {4}|\t)\S")
_YAML_OPEN = re.compile(rb"^---[ \t]*$")
_YAML_CLOSE = re.compile(rb"^(?:---|\.\.\.)[ \t]*$")


def _content(line):
    """A line without its line ending."""
    return line.rstrip(b"\r\n")


def strip_header(data):
    """Returns `data` (bytes) without its leading metadata header."""
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    lines = data.splitlines(keepends=True)
    if not lines:
        return data

    if _YAML_OPEN.match(_content(lines[0])):
        for index in range(1, len(lines)):
            if _YAML_CLOSE.match(_content(lines[index])):
                return b"".join(lines[index + 1:])
        return data  # an unclosed `---` is a thematic break, not front matter

    if not _PELICAN_KEY.match(_content(lines[0])):
        return data
    index = 1
    while index < len(lines):
        line = _content(lines[index])
        if _PELICAN_KEY.match(line) or _CONTINUATION.match(line):
            index += 1
        else:
            break
    if index < len(lines) and _content(lines[index]).strip() == b"":
        index += 1
    return b"".join(lines[index:])


def markdown_files(directory):
    """Every .md/.markdown file under `directory`, recursively, in a stable (sorted) order."""
    found = []
    for parent, subdirectories, files in os.walk(directory):
        subdirectories.sort()
        for name in files:
            if name.endswith(MARKDOWN_SUFFIXES):
                found.append(os.path.join(parent, name))
    return sorted(found)


def read_stripped(path):
    with open(path, "rb") as handle:
        return strip_header(handle.read())


def concatenate(directory, output):
    """Writes every stripped file of `directory` into `output`; returns (file count, byte count)."""
    files = markdown_files(directory)
    size = 0
    with open(output, "wb") as out:
        for path in files:
            body = read_stripped(path)
            if body and not body.endswith((b"\n", b"\r")):
                body += b"\n"
            body += b"\n"
            out.write(body)
            size += len(body)
    return len(files), size


def main(arguments):
    if len(arguments) == 1 and not arguments[0].startswith("-"):
        sys.stdout.buffer.write(read_stripped(arguments[0]))
        return 0
    if len(arguments) == 3 and arguments[0] == "--concat":
        directory, output = arguments[1], arguments[2]
        if not os.path.isdir(directory):
            print(f"strip_header.py: no such directory: {directory}", file=sys.stderr)
            return 2
        count, size = concatenate(directory, output)
        if count == 0:
            print(f"strip_header.py: no .md or .markdown files under {directory}", file=sys.stderr)
            return 2
        print(f"{output}: {count} files, {size:,} bytes", file=sys.stderr)
        return 0
    print(__doc__.split("Usage:")[1], file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
