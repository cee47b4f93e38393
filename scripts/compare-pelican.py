#!/usr/bin/env python3
"""Builds a This Week in Rust checkout with Pelican and with Herald and prints what a reader would notice.

    scripts/compare-pelican.py [--herald .build/debug/herald] [--corpus ../shared/corpus/twir] [--keep DIR]
                               [--pelican-output DIR] [--details]

Pelican runs in a virtual environment (.build-bench/pelican-venv) with the versions TWiR's build pins
(Pelican 4.7.1, feedgenerator 2.0, Jinja2 2.11.3, MarkupSafe 2.0.1) and Python-Markdown 3.7, and with
TWiR's settings as its pelicanconf.py states them: the site URL, time zone, feeds, ten issues a page,
the article, category and archive addresses, and the `extra` and `toc` Markdown extensions. Pelican's
default theme stands in for TWiR's `rusted`, whose pages are the same set. Herald builds the same
checkout with no configuration. Then this prints:

- every file Pelican writes that has no file at the same path in Herald's output (theme assets aside),
  by kind;
- the Atom and RSS entry ids that differ;
- the heading ids of each issue page that Herald's page of the same address lacks;
- the differences between the two issue bodies by class (links, headings, list items, code, tables,
  images): for each class, how many pages differ, how many items each side has that the other lacks,
  and an example.

Exits 1 when a file, an entry id or a heading id is missing; body differences are reported only.
"""
import argparse
import collections
import html.parser
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


PELICAN_BODY = re.compile(r'<div class="entry-content">.*?</footer>(.*)</div><!-- /\.entry-content -->', re.S)
HERALD_BODY = re.compile(r'<div class="issue-body">(.*)</div>\s*</article>', re.S)
BODY_CLASSES = ("links", "headings", "list items", "code", "tables", "images")


class BodyItems(html.parser.HTMLParser):
    """An issue body's items by class, each as the text a reader sees: a link as its address and
    text, a heading, list item or code span as its text, a table as its cells, an image as its source.
    Heading anchors are left out (Pelican's `toclink` wraps the heading's text, Herald's
    `heading-anchor` follows it as `#`): heading ids are compared on their own."""

    ELEMENTS = {"a": "links", "h1": "headings", "h2": "headings", "h3": "headings", "h4": "headings",
                "h5": "headings", "h6": "headings", "li": "list items", "code": "code", "table": "tables"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.items = {name: collections.Counter() for name in BODY_CLASSES}
        self.open = []
        self.in_anchor = False

    def handle_starttag(self, tag, attributes):
        attributes = dict(attributes)
        if tag == "a" and attributes.get("class") == "heading-anchor":
            self.in_anchor = True
        elif tag == "img":
            self.items["images"][attributes.get("src") or ""] += 1
        elif tag in self.ELEMENTS:
            self.open.append([tag, attributes.get("href") or "", []])

    def handle_endtag(self, tag):
        if self.in_anchor:
            self.in_anchor = tag != "a"
            return
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] != tag:
                continue
            _, href, parts = self.open.pop(index)
            text = " ".join("".join(parts).split())
            if tag == "a":
                if not href.startswith("#"):
                    self.items["links"][f"[{text}]({href})"] += 1
            else:
                self.items[self.ELEMENTS[tag]][text] += 1
            return

    def handle_data(self, data):
        if self.in_anchor:
            return
        for element in self.open:
            element[2].append(data)


def body_items(page, pattern):
    match = pattern.search(page)
    parser = BodyItems()
    parser.feed(match.group(1) if match else "")
    return parser.items


def compare_bodies(pages, ours, theirs, details=False):
    """Prints, for each class, the pages whose bodies differ in it, the items only one side has,
    and the first such item of each side."""
    differing_pages = collections.Counter()
    only_pelican = collections.Counter()
    only_herald = collections.Counter()
    examples = {}
    same = 0
    for path in pages:
        theirs_items = body_items(read(os.path.join(theirs, path)), PELICAN_BODY)
        ours_items = body_items(read(os.path.join(ours, path)), HERALD_BODY)
        identical = True
        for name in BODY_CLASSES:
            pelican_only = theirs_items[name] - ours_items[name]
            herald_only = ours_items[name] - theirs_items[name]
            if not pelican_only and not herald_only:
                continue
            identical = False
            differing_pages[name] += 1
            only_pelican[name] += sum(pelican_only.values())
            only_herald[name] += sum(herald_only.values())
            examples.setdefault(name, (path, next(iter(pelican_only), None), next(iter(herald_only), None)))
            if details:
                for item in pelican_only.elements():
                    print(f"  {name} of {path}: only Pelican: {item!r}")
                for item in herald_only.elements():
                    print(f"  {name} of {path}: only Herald:  {item!r}")
        same += identical
    print(f"issue bodies: {same} of {len(pages)} the same in every class below")
    print(f"  {'class':12} {'pages':>6} {'only Pelican':>13} {'only Herald':>12}")
    for name in BODY_CLASSES:
        print(f"  {name:12} {differing_pages[name]:6} {only_pelican[name]:13} {only_herald[name]:12}")
    for name, (path, pelican_item, herald_item) in examples.items():
        print(f"  e.g. {name} of {path}:\n    Pelican: {pelican_item!r}\n    Herald:  {herald_item!r}")


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
    parser.add_argument("--details", action="store_true", help="print every body difference, not one a class")
    parser.add_argument("--pelican-output", help="compare with this earlier Pelican output instead of running Pelican")
    arguments = parser.parse_args()

    work = arguments.keep or tempfile.mkdtemp(prefix="herald-pelican-")
    os.makedirs(work, exist_ok=True)
    ours = os.path.join(work, "herald")
    theirs = arguments.pelican_output or os.path.join(work, "pelican")
    shutil.rmtree(ours, ignore_errors=True)
    if not arguments.pelican_output:
        shutil.rmtree(theirs, ignore_errors=True)
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
    compare_bodies(pages, ours, theirs, arguments.details)
    if not arguments.keep:
        shutil.rmtree(work, ignore_errors=True)
    sys.exit(1 if missing or differing_ids or heading_missing else 0)


if __name__ == "__main__":
    main()
