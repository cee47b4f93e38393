#!/usr/bin/env python3
"""Checks that the README's quick start shows the real site when its page is opened from the disk.

    scripts/quickstart-browser-test.py [--herald .build/debug/herald] [--screenshot FILE.png]

Runs the README's first command (`herald build --relative-urls --folder Examples/this-week-in-quill`,
into the example's `_site`), opens `_site/index.html` as a `file://` address in headless Chromium, as
a new user would, and checks: the theme's stylesheet applies (the page's background and measure are
the theme's, not the browser's defaults); the Archive link opens the archive page rather than a
folder listing; an issue linked from the archive opens, styled. Saves a screenshot of the home page
(by default .build-shots/quickstart-home.png) to be looked at.

Needs Debian's `chromium` (or CHROMIUM=path) and Python 3's standard library only.
"""
import argparse
import importlib.util
import os
import subprocess
import sys
import base64

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLE = os.path.join(ROOT, "Examples/this-week-in-quill")

# One DevTools client for every browser test: the search test's.
_spec = importlib.util.spec_from_file_location("search_browser_test", os.path.join(ROOT, "scripts/search-browser-test.py"))
browser_test = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(browser_test)

STYLED = """(() => {
  const body = getComputedStyle(document.body);
  const main = document.querySelector('main');
  return body.backgroundColor !== 'rgba(0, 0, 0, 0)' && body.backgroundColor !== 'rgb(255, 255, 255)'
      && main !== null && getComputedStyle(main).maxWidth !== 'none';
})()"""


def click_link(browser, text):
    """Follows the first link whose text is `text`, and waits for the page it opens."""
    href = browser.evaluate(
        f"[...document.querySelectorAll('a')].find(a => a.textContent.trim() === {text!r})?.href ?? null")
    if href is None:
        raise AssertionError(f"no link named {text!r} on {browser.evaluate('location.href')}")
    browser.navigate(href)
    return href


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--herald", default=os.path.join(ROOT, ".build/debug/herald"))
    parser.add_argument("--screenshot", default=os.path.join(ROOT, ".build-shots/quickstart-home.png"))
    arguments = parser.parse_args()

    subprocess.run([arguments.herald, "build", "--relative-urls", "--folder", EXAMPLE], check=True)
    failures = []
    browser = browser_test.Chromium(browser_test.chromium_binary())
    try:
        browser.new_page()
        browser.send("Emulation.setDeviceMetricsOverride",
                     {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        home = "file://" + os.path.join(EXAMPLE, "_site/index.html")
        browser.navigate(home)
        browser_test.check(browser.evaluate(STYLED), "the home page opened from the disk has the theme's styles",
                           failures)
        shot = browser.send("Page.captureScreenshot", {"format": "png"})
        os.makedirs(os.path.dirname(arguments.screenshot), exist_ok=True)
        with open(arguments.screenshot, "wb") as file:
            file.write(base64.b64decode(shot["data"]))

        archive = click_link(browser, "Archive")
        browser_test.check(archive.endswith("/_site/archive/index.html"), f"Archive leads to its page ({archive})",
                           failures)
        browser_test.check(browser.evaluate("document.querySelectorAll('main li a').length > 0"),
                           "the archive lists the issues", failures)
        issue = browser.evaluate("document.querySelector('main li a').href")
        browser.navigate(issue)
        browser_test.check(issue.endswith("/index.html") and browser.evaluate(STYLED),
                           f"an issue opened from the archive is styled ({issue})", failures)
        browser_test.check(browser.evaluate("document.querySelectorAll('main h2').length > 0"),
                           "the issue page shows its sections", failures)
    finally:
        browser.close()
    if failures:
        sys.exit(f"{len(failures)} quick start checks failed")
    print(f"quick start: all checks passed; screenshot in {os.path.relpath(arguments.screenshot, ROOT)}")


if __name__ == "__main__":
    main()
