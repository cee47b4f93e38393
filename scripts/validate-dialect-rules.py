#!/usr/bin/env python3
"""Checks that `herald check --migrating` flags places where Python-Markdown and Herald really differ.

    scripts/validate-dialect-rules.py [--herald .build/debug/herald] [--corpus ../shared/corpus/twir]
                                      [--sample 30]

Runs the dialect-* rules over every issue of the corpus, then, for a sample of each rule's findings,
renders the block around the flagged line (the lines up to the blank lines on either side, with the
file's reference definitions, and a use of every label the block defines) with Python-Markdown 3.7
(TWiR's `extra` and `toc` extensions) and with `herald markdown --gfm`, and counts the places where
the two HTML outputs differ once ids, entities and spacing are set aside. The same is done for as
many blocks no rule flagged, as the baseline: how often the renderers differ anyway.

Prints one line per rule: findings, sampled, differing. Exits 1 when a rule's sampled places differ
no more often than the baseline's.
"""
import argparse
import collections
import html
import json
import os
import random
import re
import subprocess
import sys

import markdown

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFINITION = re.compile(r"^ {0,3}\[([^\]^][^\]]*)\]:")
USED_LABEL = re.compile(r"\]\s?\[([^\]]*)\]|\[([^\]]+)\]")


def python_markdown(text):
    return markdown.markdown(text, extensions=["extra", "toc"], output_format="html5")


def herald_markdown(herald, text):
    result = subprocess.run([herald, "markdown", "--gfm"], input=text.encode(), capture_output=True, check=True)
    return result.stdout.decode()


def normalised(rendered):
    rendered = re.sub(r'\s(id|class)="[^"]*"', "", rendered)
    rendered = re.sub(r"<(br|hr|img[^>]*?)\s*/?>", r"<\1>", rendered)
    # `&lt;` stays apart from `<`: a tag written out as text is a difference.
    rendered = html.unescape(rendered.replace("&lt;", "\0lt")).replace("\0lt", "&lt;")
    rendered = re.sub(r">\s+", ">", rendered)
    rendered = re.sub(r"\s+<", "<", rendered)
    return re.sub(r"\s+", " ", rendered).strip()


def body_start(lines):
    """The index of the first body line: after the header's first blank line."""
    for index, line in enumerate(lines):
        if not line.strip():
            return index + 1
    return 0


def excerpt(lines, index):
    """The block around line `index` (0-based), its file's definitions, and a use of its own labels."""
    first = index
    while first > body_start(lines) and lines[first - 1].strip():
        first -= 1
    last = index
    while last + 1 < len(lines) and lines[last + 1].strip():
        last += 1
    block = lines[first:last + 1]
    definitions = [line for number, line in enumerate(lines)
                   if DEFINITION.match(line) and not first <= number <= last]
    own = [DEFINITION.match(line).group(1) for line in block if DEFINITION.match(line)]
    uses = " ".join(f"[use][{label}]" for label in own)
    return "\n".join(block + [""] + definitions + ([""] + [uses] if uses else [])) + "\n"


def differs(herald, text):
    return normalised(python_markdown(text)) != normalised(herald_markdown(herald, text))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--herald", default=os.path.join(ROOT, ".build/debug/herald"))
    parser.add_argument("--corpus", default=os.path.join(ROOT, "../shared/corpus/twir"))
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--show", action="store_true", help="print each sampled place that does not differ")
    arguments = parser.parse_args()
    assert markdown.__version__ == "3.7", f"Python-Markdown 3.7 is needed, not {markdown.__version__}"

    content = os.path.join(arguments.corpus, "content")
    paths = sorted(os.path.join(content, name) for name in os.listdir(content) if name.endswith((".md", ".markdown")))
    result = subprocess.run([arguments.herald, "check", "--folder", arguments.corpus, "--migrating",
                             "--format", "json"] + paths, capture_output=True)
    findings = [entry for entry in json.loads(result.stdout) if entry["rule"].startswith("dialect-")]
    by_rule = collections.defaultdict(list)
    for entry in findings:
        by_rule[entry["rule"]].append(entry)
    flagged = {(entry["file"], entry["line"]) for entry in findings}

    random.seed(18)
    files = {}

    def lines_of(path):
        if path not in files:
            with open(path, encoding="utf-8", errors="replace") as file:
                files[path] = file.read().split("\n")
        return files[path]

    baseline_places = []
    while len(baseline_places) < arguments.sample:
        path = random.choice(paths)
        lines = lines_of(path)
        index = random.randrange(body_start(lines), len(lines))
        if lines[index].strip() and (path, index + 1) not in flagged:
            baseline_places.append((path, index))
    baseline = sum(differs(arguments.herald, excerpt(lines_of(path), index)) for path, index in baseline_places)
    print(f"{'rule':30} {'findings':>8} {'sampled':>8} {'differing':>9}")
    print(f"{'(baseline: unflagged blocks)':30} {'':>8} {len(baseline_places):8} {baseline:9}")

    failed = False
    for rule in sorted(by_rule):
        entries = by_rule[rule]
        sample = random.sample(entries, min(arguments.sample, len(entries)))
        differing = 0
        for entry in sample:
            text = excerpt(lines_of(entry["file"]), entry["line"] - 1)
            if differs(arguments.herald, text):
                differing += 1
            elif arguments.show:
                print(f"--- same in both: {entry['file']}:{entry['line']} ({rule})\n{text}")
        print(f"{rule:30} {len(entries):8} {len(sample):8} {differing:9}")
        if differing / len(sample) <= baseline / len(baseline_places):
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
