#!/usr/bin/env python3
"""Compares Herald's heading ids with Python-Markdown's on every issue of the This Week in Rust archive.

A site that moves from Pelican keeps the heading ids Python-Markdown's `toc` extension gave its pages,
since links from elsewhere point at them. For each corpus file (header stripped by
scripts/strip_header.py), this renders the body with Python-Markdown 3.7 (`pip install markdown==3.7`,
the version TWiR's Pelican build pins) with the extensions TWiR's pelicanconf.py names that bear on
headings (`extra`, `toc`), and with `herald markdown --gfm --heading-attributes --heading-ids
--heading-id-style python-markdown` (a heading's `{#id}` read as issues are), pairs the headings
both found by their text, in order, and counts the pairs whose ids differ. Headings only one of the two parsers sees as headings (the dialects disagree on a few shapes)
are counted apart and not compared.

Usage: scripts/compare-heading-ids.py [--herald .build/debug/herald] [--corpus DIR] [--max-differing N]
Exits 1 when more than N paired headings (default 0) have different ids.
"""
import argparse
import concurrent.futures
import html
import os
import re
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from strip_header import markdown_files, read_stripped  # noqa: E402

try:
    import markdown
except ImportError:
    sys.exit("error: Python-Markdown is missing (pip install markdown==3.7)")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HEADING = re.compile(r'<h([1-6]) id="([^"]*)">(.*?)</h\1>', re.S)
TAG = re.compile(r"<[^>]+>")


def headings(rendered):
    """(text, id) of every heading with an id, the text without tags and with references decoded."""
    return [(" ".join(html.unescape(TAG.sub("", inner)).split()), html.unescape(ident))
            for _, ident, inner in HEADING.findall(rendered)]


def python_markdown_ids(text):
    return headings(markdown.Markdown(extensions=["extra", "toc"]).convert(text))


def herald_ids(herald, data):
    command = [herald, "markdown", "--gfm", "--heading-attributes", "--heading-ids",
               "--heading-id-style", "python-markdown"]
    rendered = subprocess.run(command, input=data, capture_output=True, check=True).stdout.decode("utf-8", "replace")
    return headings(rendered)


def compare(herald, path):
    data = read_stripped(path)
    theirs = python_markdown_ids(data.decode("utf-8", "replace"))
    ours = herald_ids(herald, data)
    differing, unpaired = [], 0
    position = 0
    for text, ident in theirs:
        match = next((index for index in range(position, len(ours)) if ours[index][0] == text), None)
        if match is None:
            unpaired += 1
            continue
        position = match + 1
        if ours[match][1] != ident:
            differing.append((text, ident, ours[match][1]))
    return path, len(theirs), differing, unpaired


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--herald", default=os.path.join(ROOT, ".build/debug/herald"))
    parser.add_argument("--corpus", default=os.path.join(ROOT, "../shared/corpus/twir/content"))
    parser.add_argument("--max-differing", type=int, default=0)
    arguments = parser.parse_args()
    if not os.path.isdir(arguments.corpus):
        sys.exit(f"error: corpus folder not found: {arguments.corpus}")

    files = markdown_files(arguments.corpus)
    total = paired_differing = unpaired = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for path, count, differing, missing in pool.map(lambda path: compare(arguments.herald, path), files):
            total += count
            unpaired += missing
            paired_differing += len(differing)
            for text, theirs, ours in differing:
                print(f"{os.path.relpath(path, arguments.corpus)}: {text!r}: Python-Markdown {theirs!r}, Herald {ours!r}")
    paired = total - unpaired
    print(f"{len(files)} files, {total} headings with Python-Markdown ids: {paired} paired with Herald's, "
          f"{paired - paired_differing} identical, {paired_differing} differing; {unpaired} seen as headings "
          f"by Python-Markdown only")
    sys.exit(1 if paired_differing > arguments.max_differing else 0)


if __name__ == "__main__":
    main()
