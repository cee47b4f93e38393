#!/usr/bin/env python3
"""Make larger newsletter archives from a real one, for scripts/benchmark-scaling.sh.

  scripts/scale_archive.py archive SOURCE DEST TIMES
      DEST/content gets every issue of SOURCE/content TIMES times: copy 0 as it is, copy k with
      its date moved k * 15 years later (the archive spans less than 15 years, so no two dates
      meet), its number (the `Number:` header and the number ending the title) raised by
      k * 1000, and its file name starting with the new date. Other files (pages, images,
      issues without a date) are copied once.
  scripts/scale_archive.py issue SOURCE DEST SIZE_MB
      DEST is one issue file of SIZE_MB megabytes: one header, then every issue's body (headers
      stripped by strip_header.py) concatenated and repeated, cut at the last whole line.
"""

import datetime
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from strip_header import MARKDOWN_SUFFIXES, strip_header  # noqa: E402

_DATE = re.compile(rb"^Date: (\d{4}-\d{2}-\d{2})", re.M)
_NUMBER = re.compile(rb"^Number: (\d+)", re.M)
_TITLE_NUMBER = re.compile(rb"^(Title: .*?)(\d+)[ \t]*$", re.M)
_NAME_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")
_YEARS = 15


def _copy(data, name, k):
    """Copy k of one issue (bytes) and its new file name; copy 0 is the issue itself."""
    if k == 0:
        return data, name
    found = _DATE.search(data)
    day = datetime.date.fromisoformat(found.group(1).decode()) + datetime.timedelta(days=k * _YEARS * 364)
    data = _DATE.sub(b"Date: " + day.isoformat().encode(), data, count=1)
    data = _NUMBER.sub(lambda m: b"Number: %d" % (int(m.group(1)) + 1000 * k), data, count=1)
    data = _TITLE_NUMBER.sub(lambda m: m.group(1) + b"%d" % (int(m.group(2)) + 1000 * k), data, count=1)
    stem = _NAME_DATE.sub("", name) if _NAME_DATE.match(name) else "-" + name
    return data, day.isoformat() + stem


def archive(source, dest, times):
    os.makedirs(os.path.join(dest, "content"), exist_ok=True)
    content = os.path.join(source, "content")
    for name in sorted(os.listdir(content)):
        path = os.path.join(content, name)
        data = open(path, "rb").read() if os.path.isfile(path) else None
        if data is None or not name.endswith(MARKDOWN_SUFFIXES) or not _DATE.search(data):
            copy = shutil.copytree if os.path.isdir(path) else shutil.copy
            copy(path, os.path.join(dest, "content", name))
            continue
        for k in range(times):
            text, target = _copy(data, name, k)
            with open(os.path.join(dest, "content", target), "wb") as out:
                out.write(text)


def issue(source, dest, size_mb):
    content = os.path.join(source, "content")
    bodies = b"\n".join(
        strip_header(open(os.path.join(content, name), "rb").read())
        for name in sorted(os.listdir(content))
        if name.endswith(MARKDOWN_SUFFIXES)
    )
    limit = size_mb * 1000 * 1000
    with open(dest, "wb") as out:
        out.write(b"Title: This Week in Rust 9000\nNumber: 9000\nDate: 2030-01-01\nCategory: This Week in Rust\n\n")
        written = 0
        while written < limit:
            part = bodies[: limit - written]
            if written + len(bodies) > limit:
                part = part[: part.rfind(b"\n") + 1]
                if not part:
                    break
            out.write(part if part.endswith(b"\n") else part + b"\n")
            written += len(part) + (0 if part.endswith(b"\n") else 1)


if __name__ == "__main__":
    verb, source, dest, amount = sys.argv[1:5]
    {"archive": archive, "issue": issue}[verb](source, dest, int(amount))
