#!/usr/bin/env python3
"""Tests the archive search page in headless Chromium, driven through its DevTools protocol.

    scripts/search-browser-test.py [--herald .build/debug/herald]
        Builds Examples/this-week-in-quill, serves it on 127.0.0.1 and checks, in Chromium:
        a results address lists the known entry first with its issue and anchor; typing a prefix
        updates the results; the input has a label, results are a list; ↓/↑/Escape move between
        the input and the results; other pages load no script. Then builds Examples/qingshi-weekly
        and checks that a Chinese word is found inside a sentence, in the order it was typed.

    scripts/search-browser-test.py --site DIR --measure QUERY [QUERY...]
        Serves a built site and prints, as JSON, for each query: the time the page reports for
        answering it from the address (fresh browser profile; the clock starts when the script
        reads the address), the time from navigation to the results drawn, the time for the
        query typed into a page already loaded (another fresh profile), each the median of 5,
        the time again with the files loaded, the index files it fetched with their sizes, and
        the first results. Used by scripts/benchmark-search.sh.

    scripts/search-browser-test.py --site DIR --screenshots FOLDER
        Serves a This Week in Rust build, checks the pest crate page (both Crate of the Week
        issues, the other mentions, the sparkline) and saves the search page and that page at
        390 and 1280 pixels wide, light and dark, as FOLDER/PAGE-WIDTH-SCHEME.png.

Needs Debian's `chromium` (or CHROMIUM=path) and Python 3's standard library only. Chromium is
spoken to over --remote-debugging-pipe: JSON messages ended by a NUL byte on file descriptors
3 (to Chromium) and 4 (from it).
"""
import argparse
import base64
import fcntl
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Chromium:
    """One headless Chromium and a page in it, spoken to through the DevTools protocol."""

    def __init__(self, binary):
        self.profile = tempfile.mkdtemp(prefix="herald-chromium-")
        to_chromium_read, self.to_chromium = os.pipe()
        self.from_chromium, from_chromium_write = os.pipe()
        # Move Chromium's ends above 3 and 4, so that placing them there cannot clobber each other.
        child_read = fcntl.fcntl(to_chromium_read, fcntl.F_DUPFD, 10)
        child_write = fcntl.fcntl(from_chromium_write, fcntl.F_DUPFD, 10)
        os.close(to_chromium_read)
        os.close(from_chromium_write)

        def place_pipes():
            os.dup2(child_read, 3)
            os.dup2(child_write, 4)

        self.process = subprocess.Popen(
            [binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
             "--remote-debugging-pipe", f"--user-data-dir={self.profile}", "about:blank"],
            preexec_fn=place_pipes, close_fds=False, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
        os.close(child_read)
        os.close(child_write)
        self.buffer = b""
        self.next_id = 0
        self.session = None
        self.context = None

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except (OSError, RuntimeError):
            pass
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        os.close(self.to_chromium)
        os.close(self.from_chromium)
        shutil.rmtree(self.profile, ignore_errors=True)

    def send(self, method, params=None, session=True):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self.to_chromium, json.dumps(message).encode() + b"\0")
        while True:
            reply = self.receive()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})

    def receive(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_chromium, 65536)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def new_page(self):
        """A page in a fresh browser context: nothing cached, nothing stored."""
        if self.context:
            self.send("Target.disposeBrowserContext", {"browserContextId": self.context}, session=False)
        self.session = None
        self.context = self.send("Target.createBrowserContext", session=False)["browserContextId"]
        target = self.send("Target.createTarget", {"url": "about:blank", "browserContextId": self.context})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.send("Runtime.enable")

    def navigate(self, url):
        self.send("Page.navigate", {"url": url})
        self.wait_for("document.readyState === 'complete'")

    def evaluate(self, expression):
        result = self.send("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression, timeout=15):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.02)
        raise AssertionError(f"timed out waiting for: {expression}")

    def press(self, key, code):
        for event in ("keyDown", "keyUp"):
            self.send("Input.dispatchKeyEvent", {"type": event, "key": key, "code": key, "windowsVirtualKeyCode": code})


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as any real host has
    disable_nagle_algorithm = True  # headers and body go in two writes; Nagle would hold the second

    def log_message(self, *args):
        pass


def serve(folder):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=folder))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


RESULTS = """JSON.stringify({
  ms: document.getElementById('search-status').dataset.queryMs,
  status: document.getElementById('search-status').textContent,
  results: [...document.querySelectorAll('#search-results > li')].map(li => ({
    title: li.querySelector('a').textContent, href: li.querySelector('a').getAttribute('href'),
    where: li.querySelector('.search-where').textContent,
    detail: li.querySelector('.search-detail')?.textContent || '',
    marks: [...li.querySelectorAll('mark')].map(mark => mark.textContent),
    detailMarks: [...li.querySelectorAll('.search-detail mark')].map(mark => mark.textContent),
    markup: li.querySelectorAll('mark *').length })),
})"""

FILES = """JSON.stringify(performance.getEntriesByType('resource').filter(e => e.name.includes('/search/'))
  .map(e => ({ url: e.name.replace(location.origin, ''), transferred: e.encodedBodySize, size: e.decodedBodySize })))"""


def chromium_binary():
    binary = os.environ.get("CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not binary:
        sys.exit("error: chromium is missing (apt-get install chromium, or set CHROMIUM)")
    return binary


def wait_for_results(browser, previous=None):
    condition = "document.getElementById('search-status').dataset.queryMs"
    if previous is not None:
        condition = f"({condition}) && document.getElementById('search-status').textContent !== {json.dumps(previous)}"
    browser.wait_for(condition)
    return json.loads(browser.evaluate(RESULTS))


def search(browser, origin, query):
    """The results of `query` asked in the address of a fresh search page."""
    browser.navigate(origin + "/search/?q=" + urllib.parse.quote(query))
    return wait_for_results(browser)


def check(condition, message, failures):
    print(("ok   " if condition else "FAIL ") + message)
    if not condition:
        failures.append(message)


def tear_down(browser, server, work):
    """Closes what a test opened and removes its folder."""
    if browser:
        browser.close()
    if server:
        server.shutdown()
    shutil.rmtree(work, ignore_errors=True)


def report(failures, passed):
    """Exits 1 after naming how many checks failed, or prints `passed`."""
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        sys.exit(1)
    print(passed)


def build_example(herald, name):
    """Builds Examples/NAME into a new temporary folder; returns the folder and the site in it."""
    work = tempfile.mkdtemp(prefix="herald-search-test-")
    site = os.path.join(work, "site")
    subprocess.run([herald, "build", "--folder", os.path.join(ROOT, "Examples", name), "--out", site],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return work, site


def test_example(herald):
    work, site = build_example(herald, "this-week-in-quill")
    failures = []
    browser = None
    server = None
    try:
        # Every other chunk compressed again by zlib (dynamic Huffman codes, as another tool or a
        # host could write it), so that the script's fallback to DecompressionStream is used too.
        chunks = os.path.join(site, "search", "entries")
        for name in sorted(os.listdir(chunks))[::2]:
            path = os.path.join(chunks, name)
            with open(path, "rb") as file:
                text = gzip.decompress(file.read())
            with open(path, "wb") as file:
                file.write(gzip.compress(text, compresslevel=9))
        server, origin = serve(site)
        browser = Chromium(chromium_binary())
        browser.new_page()

        browser.navigate(origin + "/search/?q=" + urllib.parse.quote("sundial"))
        page = wait_for_results(browser)
        first = page["results"][0] if page["results"] else {}
        check(first.get("title") == "sundial", f"a results address lists the crate of the week first: {first}", failures)
        check(first.get("href") == "/issues/44/#L43", f"the result links to the entry's anchor: {first.get('href')}", failures)
        check("Feather of the Week" in first.get("where", "") and "Issue 44" in first.get("where", "")
              and "26 March 2025" in first.get("where", ""), f"the result names its section and issue: {first}", failures)
        fetched = [entry["url"] for entry in json.loads(browser.evaluate(FILES))]
        check(fetched and not any("index.json" in url for url in fetched),
              f"the page reads the index's root from its form, fetching only shards and chunks: {fetched}", failures)
        anchored = open(os.path.join(site, "issues/44/index.html"), encoding="utf-8").read()
        check('<p id="L43">This week' in anchored, "the issue page has the entry's anchor", failures)
        accessible = json.loads(browser.evaluate("""JSON.stringify({
          label: document.querySelector('label[for=search-input]')?.textContent || '',
          list: document.getElementById('search-results').tagName,
          items: document.querySelectorAll('#search-results > li').length,
          live: document.getElementById('search-status').getAttribute('aria-live'),
          role: document.querySelector('form').getAttribute('role') })"""))
        check(accessible["label"].startswith("Search") and accessible["list"] == "OL" and accessible["items"] > 0
              and accessible["live"] == "polite" and accessible["role"] == "search",
              f"the input has a label, results are a list, the count is announced: {accessible}", failures)

        active = "document.activeElement.id || document.activeElement.textContent"
        browser.evaluate("document.getElementById('search-input').focus()")
        browser.press("ArrowDown", 40)
        check(browser.evaluate(active) == page["results"][0]["title"], "↓ from the input focuses the first result", failures)
        browser.press("ArrowDown", 40)
        check(len(page["results"]) < 2 or browser.evaluate(active) == page["results"][1]["title"],
              "↓ moves to the next result", failures)
        browser.press("ArrowUp", 38)
        browser.press("ArrowUp", 38)
        check(browser.evaluate(active) == "search-input", "↑ from the first result returns to the input", failures)
        browser.press("ArrowDown", 40)
        browser.press("Escape", 27)
        check(browser.evaluate(active) == "search-input", "Escape returns to the input", failures)

        browser.evaluate("(() => { const i = document.getElementById('search-input'); i.value = ''; i.focus(); })()")
        browser.send("Input.insertText", {"text": "tidep"})
        page = wait_for_results(browser, previous=page["status"])
        titles = [result["title"] for result in page["results"]]
        check(bool(titles) and all("tidepool" in title for title in titles),
              f"typing a prefix updates the results: {titles}", failures)
        check(browser.evaluate("location.search") == "?q=tidep", "the address follows the query", failures)

        browser.evaluate("(() => { const i = document.getElementById('search-input'); i.value = ''; i.focus(); })()")
        browser.send("Input.insertText", {"text": "\"pattern guards\" stable"})
        page = wait_for_results(browser, previous=page["status"])
        titles = [result["title"] for result in page["results"]]
        check(bool(titles) and all("pattern guards" in title.lower() and "stab" in title.lower() for title in titles),
              f"a quoted phrase and a word find only entries with both: {titles}", failures)

        # Word forms: the index holds stems, and the script stems the query the same way.
        page = search(browser, origin, "measured")
        first = page["results"][0] if page["results"] else {}
        check(first.get("title", "").startswith("Measuring how long newcomers"),
              f"a stemmed query ('measured') finds the entry that says 'Measuring': {first}", failures)
        check(first.get("marks") == ["Measuring"], f"the matched word form is marked: {first.get('marks')}", failures)
        page = search(browser, origin, "measuri")
        check(any(r["title"].startswith("Measuring how long") for r in page["results"]),
              f"a word being typed ('measuri') finds the stem it is on its way to: {page['results'][:1]}", failures)
        page = search(browser, origin, "\"measured\"")
        check(not page["results"], f"a quoted word stays exact: {[r['title'] for r in page['results']]}", failures)

        # Excerpts: the entry's text under its title, the query's words marked.
        page = search(browser, origin, "zone")
        first = page["results"][0] if page["results"] else {}
        check(first.get("title") == "sundial" and first.get("detailMarks") == ["zone"]
              and "refuses to guess your time zone" in first.get("detail", "") and first.get("markup") == 0,
              f"a result shows its excerpt with the query's word marked: {first}", failures)

        # Prose: a quote of the week is found by a word of its text, shown as an excerpt.
        page = search(browser, origin, "polite compiler")
        first = page["results"][0] if page["results"] else {}
        check("Quote of the Week" in first.get("where", "") and first.get("title") == "Pelin Kaya on her blog"
              and sorted(first.get("detailMarks", [])) == ["compiler", "polite"],
              f"a quote is found by words of its text, both marked in its excerpt: {first}", failures)
        page = search(browser, origin, "pleasant")
        introductions = [r for r in page["results"] if r["where"].startswith("Introduction")]
        check(bool(introductions) and introductions[0]["detailMarks"] == ["pleasant"],
              f"an issue's introduction is an entry: {page['results'][:2]}", failures)

        # Insight pages: the archive leads to them; a region's page lists its places' events with
        # their issues, each place under the anchor the index links to.
        browser.navigate(origin + "/archive/")
        check(browser.evaluate("!!document.querySelector('a[href=\"/insights/\"]')"),
              "the archive links to the insight pages", failures)
        browser.navigate(origin + "/insights/")
        place = browser.evaluate("document.querySelector('#places ~ ul li a + span + a')?.getAttribute('href') || ''")
        check(place.startswith("/insights/events/") and ".html#" in place,
              f"the insights index lists event places by region: {place}", failures)
        browser.navigate(origin + place)
        anchor = place.split("#", 1)[-1]
        shown = json.loads(browser.evaluate("""JSON.stringify({
          title: document.querySelector('h1').textContent,
          place: !!document.getElementById(%s),
          issues: [...document.querySelectorAll('.issue-list .count a')].map(a => a.getAttribute('href')) })""" % json.dumps(anchor)))
        check(shown["title"].startswith("Events in ") and shown["place"] and shown["issues"]
              and all(href.startswith("/issues/") for href in shown["issues"]),
              f"a region's page lists its places' events, each with the issue that listed it: {shown}", failures)

        browser.navigate(origin + "/issues/44/")
        scripts = browser.evaluate("document.scripts.length + performance.getEntriesByType('resource').filter(e => e.name.includes('/search/')).length")
        check(scripts == 0, "an issue page loads no script and nothing of the index", failures)
    finally:
        tear_down(browser, server, work)
    report(failures, "search page: every check passed")


# Notes when results are first drawn, in milliseconds since navigation started.
DRAWN = """new MutationObserver((changes, observer) => {
  if (document.querySelector('#search-results > li')) { window.heraldDrawn = performance.now(); observer.disconnect(); }
}).observe(document, { childList: true, subtree: true });"""


# Records, in the page, when the search field last changed and when an answer was last shown.
KEYED = """(() => {
  document.getElementById('search-input').addEventListener('input', () => { window.heraldLastKey = performance.now(); }, true);
  new MutationObserver(() => { window.heraldAnswered = performance.now(); })
    .observe(document.getElementById('search-status'), { attributes: true, attributeFilter: ['data-query-ms'] });
})()"""

# Milliseconds between two keys when a query is typed key by key: a quick typist's pace.
KEY_INTERVAL = 0.15

# Fresh profiles per query and way of asking it; the medians are reported.
COLD_RUNS = 5


def median(values):
    return sorted(values)[len(values) // 2]


def typed_key_by_key(browser, origin, query):
    """Milliseconds from the last key of `query`, typed at a quick typist's pace into a search
    page just loaded in a fresh profile, to its results shown."""
    browser.new_page()
    browser.navigate(origin + "/search/")
    browser.evaluate(KEYED)
    browser.evaluate("document.getElementById('search-input').focus()")
    for character in query:
        browser.send("Input.insertText", {"text": character})
        time.sleep(KEY_INTERVAL)
    status = "document.getElementById('search-status')"
    browser.wait_for(f"window.heraldAnswered > window.heraldLastKey && {status}.textContent.includes({json.dumps(query)})")
    return float(browser.evaluate("window.heraldAnswered - window.heraldLastKey"))


def measure(site, queries):
    server, origin = serve(site)
    browser = Chromium(chromium_binary())
    report = []
    try:
        # A page first, so that the browser's own start-up is not counted in the first query.
        browser.new_page()
        browser.navigate(origin + "/")
        for query in queries:
            cold_times, drawn_times, typed_times, keyed_times = [], [], [], []
            for _ in range(COLD_RUNS):
                browser.new_page()
                browser.send("Page.enable")
                browser.send("Page.addScriptToEvaluateOnNewDocument", {"source": DRAWN})
                browser.navigate(origin + "/search/?q=" + urllib.parse.quote(query))
                cold = wait_for_results(browser)
                cold_times.append(float(cold["ms"]))
                drawn_times.append(browser.evaluate("window.heraldDrawn || 0"))
                files = json.loads(browser.evaluate(FILES))
                browser.new_page()
                browser.navigate(origin + "/search/")
                browser.evaluate("(() => { const i = document.getElementById('search-input'); i.focus(); i.value = %s;"
                                 " document.querySelector('form').requestSubmit(); })()" % json.dumps(query))
                typed_times.append(float(wait_for_results(browser)["ms"]))
                keyed_times.append(typed_key_by_key(browser, origin, query))
            warm_times = []
            for _ in range(5):
                browser.evaluate("document.getElementById('search-status').dataset.queryMs = ''")
                browser.evaluate("document.querySelector('form').requestSubmit()")
                warm_times.append(float(wait_for_results(browser)["ms"]))
            report.append({"query": query, "coldMs": median(cold_times), "drawnMs": median(drawn_times),
                           "typedMs": median(typed_times), "keyedMs": median(keyed_times), "coldRuns": cold_times, "warmMs": median(warm_times),
                           "status": cold["status"], "files": files, "results": cold["results"]})
    finally:
        browser.close()
        server.shutdown()
    print(json.dumps(report, indent=2, ensure_ascii=False))


# The shots taken by --screenshots: page, width in CSS pixels, colour scheme.
SHOTS = [(page, width, scheme) for page in ("search", "pest") for width in (390, 1280) for scheme in ("light", "dark")]


def check_insights(site, folder):
    """Checks the pest crate page of a TWiR build and takes screenshots of it and the search page."""
    server, origin = serve(site)
    browser = Chromium(chromium_binary())
    failures = []
    os.makedirs(folder, exist_ok=True)
    try:
        browser.new_page()
        browser.navigate(origin + "/insights/crates/pest.html")
        pest = json.loads(browser.evaluate("""JSON.stringify({
          title: document.querySelector('h1')?.textContent,
          features: [...document.querySelectorAll('#features ~ ul > li > a:first-child')].map(a => a.getAttribute('href')),
          mentions: document.querySelectorAll('#mentions ~ ol > li').length,
          sparkline: document.querySelector('svg.sparkline title')?.textContent || '' })"""))
        check(pest["title"] == "pest", f"the crate page is pest's: {pest['title']}", failures)
        check(pest["features"] == ["/blog/2017/08/22/this-week-in-rust-196/", "/blog/2018/10/09/this-week-in-rust-255/"],
              f"both Crate of the Week issues are listed: {pest['features']}", failures)
        check(pest["mentions"] > 5, f"other issues linking to pest are listed: {pest['mentions']}", failures)
        check(pest["sparkline"].startswith("Mentions per year"), f"the sparkline names its counts: {pest['sparkline']}",
              failures)
        for page, width, scheme in SHOTS:
            browser.send("Emulation.setDeviceMetricsOverride",
                         {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})
            browser.send("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": scheme}]})
            if page == "search":
                browser.navigate(origin + "/search/?q=" + urllib.parse.quote("parser"))
                wait_for_results(browser)
            else:
                browser.navigate(origin + "/insights/crates/pest.html")
            shot = browser.send("Page.captureScreenshot", {"format": "png"})
            path = os.path.join(folder, f"{page}-{width}-{scheme}.png")
            with open(path, "wb") as file:
                file.write(base64.b64decode(shot["data"]))
    finally:
        browser.close()
        server.shutdown()
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        sys.exit(1)
    print(f"pest crate page: every check passed; screenshots in {folder}")


def test_chinese_example(herald):
    """Chinese puts no spaces between words: a word is found inside a sentence, as written."""
    work, site = build_example(herald, "qingshi-weekly")
    failures = []
    browser = None
    server = None
    try:
        server, origin = serve(site)
        browser = Chromium(chromium_binary())
        browser.new_page()
        page = search(browser, origin, "杭州")
        first = page["results"][0] if page["results"] else {}
        check(first.get("title") == "杭州线下聚会回顾与幻灯片" and first.get("marks") == ["杭", "州"],
              f"a Chinese word is found inside a title and marked: {first}", failures)
        check("2025年10月24日" in first.get("where", ""), f"the result names its issue's date in Chinese: {first}",
              failures)
        page = search(browser, origin, "州杭")
        check(not page["results"], f"its characters in another order are another word: {page['results'][:1]}",
              failures)
    finally:
        tear_down(browser, server, work)
    report(failures, "search page in Chinese: every check passed")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--herald", default=os.path.join(ROOT, ".build/debug/herald"))
    parser.add_argument("--site")
    parser.add_argument("--measure", nargs="+")
    parser.add_argument("--screenshots", help="with --site (a TWiR build): check pest's page, save screenshots here")
    args = parser.parse_args()
    if args.screenshots:
        if not args.site:
            parser.error("--screenshots needs --site")
        check_insights(args.site, args.screenshots)
    elif args.measure:
        if not args.site:
            parser.error("--measure needs --site")
        measure(args.site, args.measure)
    else:
        test_example(args.herald)
        test_chinese_example(args.herald)


if __name__ == "__main__":
    main()
