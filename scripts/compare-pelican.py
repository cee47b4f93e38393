#!/usr/bin/env python3
"""Builds a This Week in Rust checkout with Pelican and with Herald and prints what a reader would notice.

    scripts/compare-pelican.py [--herald .build/debug/herald] [--corpus ../shared/corpus/twir] [--keep DIR]

Pelican runs in a virtual environment (.build-bench/pelican-venv) with the versions TWiR's build pins
(Pelican 4.7.1, feedgenerator 2.0, Jinja2 2.11.3, MarkupSafe 2.0.1) and Python-Markdown 3.7, and with
TWiR's settings as its pelicanconf.py states them: the site URL, time zone, feeds, ten issues a page,
the article, category and archive addresses, and the `extra` and `toc` Markdown extensions. Pelican's
default theme stands in for TWiR's `rusted`, whose pages are the same set. Herald builds the same
checkout with no configuration. Then this prints:

- every file Pelican writes that has no file at the same path in Herald's output (theme assets aside),
  by kind;
- the Atom and RSS entry ids that differ;
- the heading ids of each issue page that Herald's page of the same address lacks.

Exits 1 when a file, an entry id or a heading id is missing.
"""
import argparse
import collections
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
VENV = os.path.join(ROOT, ".build-bench", "pelican-venv")
PINNED = ["pelican==4.7.1", "feedgenerator==2.0", "jinja2==2.11.3", "markupsafe==2.0.1", "markdown==3.7"]

# TWiR's settings, restated; Pelican's defaults stand for everything not named here.
SETTINGS = """
AUTHOR = 'TWiR Contributors'
SITENAME = 'This Week in Rust'
SITEURL = 'https://this-week-in-rust.org'
TIMEZONE = 'America/New_York'
DEFAULT_LANG = 'en'
FEED_DOMAIN = SITEURL
FEED_ALL_ATOM = 'atom.xml'
FEED_ALL_RSS = 'rss.xml'
FEED_MAX_ITEMS = 4
CATEGORY_FEED_ATOM = 'categories/{slug}/atom.xml'
CATEGORY_FEED_RSS = 'categories/{slug}/rss.xml'
RSS_FEED_SUMMARY_ONLY = False
DEFAULT_PAGINATION = 10
ARTICLE_URL = 'blog/{date:%Y}/{date:%m}/{date:%d}/{slug}/'
ARTICLE_SAVE_AS = 'blog/{date:%Y}/{date:%m}/{date:%d}/{slug}/index.html'
ARCHIVES_SAVE_AS = 'blog/archives/index.html'
CATEGORY_URL = 'categories/{slug}/'
CATEGORY_SAVE_AS = 'categories/{slug}/index.html'
MARKDOWN = {
    'extension_configs': {
        'markdown.extensions.extra': {},
        'markdown.extensions.meta': {},
        'markdown.extensions.toc': {'anchorlink': True},
    },
    'output_format': 'html5',
}
"""

ENTRY_ID = re.compile(r"<(?:id|guid)[^>]*>([^<]*)</(?:id|guid)>")
HEADING_ID = re.compile(r'<h[1-6][^>]*\sid="([^"]+)"')


def pelican():
    binary = os.path.join(VENV, "bin", "pelican")
    if not os.path.exists(binary):
        subprocess.run([sys.executable, "-m", "venv", VENV], check=True)
        subprocess.run([os.path.join(VENV, "bin", "pip"), "install", "-q"] + PINNED, check=True)
    return binary


def files(folder):
    found = set()
    for directory, _, names in os.walk(folder):
        for name in names:
            found.add(os.path.relpath(os.path.join(directory, name), folder))
    return found


def kind(path):
    if path == "blog/archives/index.html":
        return "archives"
    if path.startswith("blog/") and path.endswith("/index.html"):
        return "issue page"
    if path.endswith(".xml"):
        return "feed"
    if re.fullmatch(r"index\d*\.html", path):
        return "index page"
    for prefix in ("categories/", "author/", "tag/", "pages/", "images/", "feeds/"):
        if path.startswith(prefix):
            return prefix.rstrip("/")
    return "other"


def read(path):
    with open(path, encoding="utf-8", errors="replace") as file:
        return file.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--herald", default=os.path.join(ROOT, ".build/debug/herald"))
    parser.add_argument("--corpus", default=os.path.join(ROOT, "../shared/corpus/twir"))
    parser.add_argument("--keep", help="build into this folder and keep both outputs")
    arguments = parser.parse_args()

    work = arguments.keep or tempfile.mkdtemp(prefix="herald-pelican-")
    os.makedirs(work, exist_ok=True)
    ours, theirs = os.path.join(work, "herald"), os.path.join(work, "pelican")
    for folder in (ours, theirs):
        shutil.rmtree(folder, ignore_errors=True)
    settings = os.path.join(work, "pelicanconf.py")
    with open(settings, "w") as file:
        file.write(SETTINGS)
    content = os.path.join(arguments.corpus, "content")
    subprocess.run([pelican(), "--quiet", "--settings", settings, "--output", theirs, content], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    subprocess.run([arguments.herald, "build", "--folder", arguments.corpus, "--out", ours], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    pelican_files = {path for path in files(theirs) if not path.startswith("theme/")}
    missing = sorted(pelican_files - files(ours))
    by_kind = collections.Counter(kind(path) for path in pelican_files)
    missing_by_kind = collections.Counter(kind(path) for path in missing)
    print(f"{len(pelican_files)} files written by Pelican (theme assets aside); "
          f"{len(pelican_files) - len(missing)} at the same path in Herald's output, {len(missing)} missing")
    for name, count in sorted(by_kind.items()):
        print(f"  {name:12} {count - missing_by_kind[name]:5} of {count:5}")
    for path in missing[:40]:
        print(f"  missing: {path}")

    differing_ids = 0
    for feed in ("atom.xml", "rss.xml"):
        theirs_ids = ENTRY_ID.findall(read(os.path.join(theirs, feed)))[1 if feed == "atom.xml" else 0:]
        ours_ids = set(ENTRY_ID.findall(read(os.path.join(ours, feed))))
        absent = [entry for entry in theirs_ids if entry not in ours_ids]
        differing_ids += len(absent)
        print(f"{feed}: {len(theirs_ids) - len(absent)} of Pelican's {len(theirs_ids)} entry ids in Herald's feed")
        for entry in absent:
            print(f"  not in Herald's {feed}: {entry}")

    pages = sorted(path for path in pelican_files if kind(path) == "issue page" and path not in missing)
    heading_total = heading_missing = 0
    for path in pages:
        ours_ids = set(HEADING_ID.findall(read(os.path.join(ours, path))))
        for identifier in HEADING_ID.findall(read(os.path.join(theirs, path))):
            heading_total += 1
            if identifier not in ours_ids:
                heading_missing += 1
                if heading_missing <= 20:
                    print(f"  heading id #{identifier} of {path} is not on Herald's page")
    print(f"heading ids: {heading_total - heading_missing} of Pelican's {heading_total} on Herald's "
          f"{len(pages)} issue pages")
    if not arguments.keep:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if missing or differing_ids or heading_missing else 0)


if __name__ == "__main__":
    main()
