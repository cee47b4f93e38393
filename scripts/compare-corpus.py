#!/usr/bin/env python3
"""Compare Herald's HTML with cmark-gfm's on every file of a real newsletter archive.

Each .md/.markdown file of the corpus is stripped of its metadata header (scripts/strip_header.py,
the same stripping the benchmark uses) and rendered by `herald markdown --gfm` and by cmark-gfm with
the same extensions. Outputs are compared after normalising whitespace between tags and at line
ends, so that only differences a reader of the page could see are counted.

Usage:
  scripts/compare-corpus.py HERALD_BINARY [--content DIR] [--cmark PATH] [--min-percent P]
  scripts/compare-corpus.py HERALD_BINARY --diff FILE      full unified diff of one corpus file
                                                           (a path, or a name as the report lists it)

  DIR defaults to $HERALD_TWIR_CONTENT, else ../shared/corpus/twir/content next to the package.
  Exits 1 when fewer than P percent (default 99) of the files are identical, 2 on a usage error.

Example:
  swift build -c release --scratch-path .build-release --product herald
  scripts/compare-corpus.py .build-release/release/herald
"""

import argparse
import concurrent.futures
import difflib
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True  # keep scripts/ free of __pycache__
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from strip_header import markdown_files, read_stripped  # noqa: E402

PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CONTENT = os.path.join(os.path.dirname(PACKAGE_ROOT), "shared", "corpus", "twir", "content")
# Every extension `herald markdown --gfm` turns on, by cmark-gfm's names.
CMARK_ARGUMENTS = ["--unsafe"] + [
    argument
    for extension in ("table", "strikethrough", "autolink", "tagfilter", "tasklist", "footnotes")
    for argument in ("-e", extension)
]
TIMEOUT_SECONDS = 120

_BETWEEN_TAGS = re.compile(r">\s+<")
_TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)


def normalise(html):
    """HTML with whitespace-only differences removed: spaces at line ends, blank runs between tags."""
    html = _TRAILING_SPACE.sub("", html)
    html = _BETWEEN_TAGS.sub("><", html)
    return html.strip()


def render(command, markdown):
    """(html, problem): the command's output for `markdown` on stdin, or why there is none."""
    try:
        result = subprocess.run(command, input=markdown, capture_output=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return None, f"timed out after {TIMEOUT_SECONDS} s"
    if result.returncode != 0:
        detail = result.stderr.decode("utf-8", "replace").strip().splitlines()
        return None, f"exit status {result.returncode}" + (f": {detail[-1]}" if detail else "")
    return result.stdout.decode("utf-8", "replace"), None


def compare(path, herald, cmark):
    """(path, None) when both renderings agree, else (path, a description of the first difference)."""
    markdown = read_stripped(path)
    ours, problem = render([herald, "markdown", "--gfm"], markdown)
    if problem:
        return path, f"herald failed: {problem}"
    theirs, problem = render([cmark] + CMARK_ARGUMENTS, markdown)
    if problem:
        return path, f"cmark-gfm failed: {problem}"
    ours, theirs = normalise(ours), normalise(theirs)
    if ours == theirs:
        return path, None
    return path, first_difference(ours, theirs)


def first_difference(ours, theirs, before=60, after=100):
    index = next((i for i, (a, b) in enumerate(zip(ours, theirs)) if a != b), min(len(ours), len(theirs)))
    start = max(0, index - before)
    return (
        f"first difference at character {index}:\n"
        f"      herald: {ours[start:index + after]!r}\n"
        f"   cmark-gfm: {theirs[start:index + after]!r}"
    )


def show_diff(path, herald, cmark):
    markdown = read_stripped(path)
    outputs = []
    for name, command in (("herald", [herald, "markdown", "--gfm"]), ("cmark-gfm", [cmark] + CMARK_ARGUMENTS)):
        html, problem = render(command, markdown)
        if problem:
            print(f"{name} failed on {path}: {problem}", file=sys.stderr)
            return 1
        # One tag boundary per line, so that the diff points at the element that differs.
        outputs.append(normalise(html).replace("><", ">\n<").splitlines(keepends=True))
    name = os.path.basename(path)
    diff = list(difflib.unified_diff(outputs[1], outputs[0], fromfile=f"cmark-gfm: {name}", tofile=f"herald: {name}"))
    sys.stdout.writelines(diff)
    if not diff:
        print(f"{path}: identical after normalisation")
    return 1 if diff else 0


def main():
    parser = argparse.ArgumentParser(
        description="Compare `herald markdown --gfm` with cmark-gfm on a Markdown corpus.",
        epilog="The header stripping is scripts/strip_header.py's, shared with the benchmark.",
    )
    parser.add_argument("herald", help="path to the herald executable")
    parser.add_argument("--content", default=os.environ.get("HERALD_TWIR_CONTENT", DEFAULT_CONTENT),
                        help="the corpus content directory (default: %(default)s)")
    parser.add_argument("--cmark", default="cmark-gfm", help="the cmark-gfm executable (default: %(default)s)")
    parser.add_argument("--min-percent", type=float, default=99.0,
                        help="fail unless at least this percentage of files is identical (default: %(default)s)")
    parser.add_argument("--diff", metavar="FILE",
                        help="print the full unified diff of one file (a path, or a name relative to the content "
                             "directory), then exit")
    parser.add_argument("--jobs", type=int, default=2, help="files compared at once (default: %(default)s)")
    options = parser.parse_args()

    if not os.access(options.herald, os.X_OK):
        parser.error(f"herald executable not found or not executable: {options.herald}")
    if options.diff:
        # A path, or a name as the comparison lists it (relative to the content directory).
        path = options.diff if os.path.isfile(options.diff) else os.path.join(options.content, options.diff)
        if not os.path.isfile(path):
            parser.error(f"no such file: {options.diff} (nor in {options.content})")
        return show_diff(path, options.herald, options.cmark)
    if not os.path.isdir(options.content):
        parser.error(f"corpus directory not found: {options.content} (pass --content or set HERALD_TWIR_CONTENT)")

    files = markdown_files(options.content)
    if not files:
        parser.error(f"no .md or .markdown files under {options.content}")
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, options.jobs)) as pool:
        results = list(pool.map(lambda path: compare(path, options.herald, options.cmark), files))

    differing = [(path, difference) for path, difference in results if difference is not None]
    identical = len(files) - len(differing)
    percent = 100.0 * identical / len(files)
    for path, difference in differing:
        print(f"DIFFERS {os.path.relpath(path, options.content)}")
        print("    " + difference.replace("\n", "\n    "))
    print(f"{len(files)} files, {identical} identical ({percent:.2f}%), {len(differing)} differing")
    if percent < options.min_percent:
        print(f"below the required {options.min_percent:g}%", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
