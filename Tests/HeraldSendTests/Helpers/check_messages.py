#!/usr/bin/env python3
"""Reads the messages smtp_server.py wrote into FOLDER with Python's own `email` parser, and prints
one JSON object per message: the envelope recipients, the personal headers, and the unsubscribe
links found in the decoded HTML and plain-text parts. The Swift tests compare these."""
import email
import email.policy
import json
import os
import re
import sys


def main(folder):
    results = []
    for name in sorted(n for n in os.listdir(folder) if n.endswith(".eml")):
        with open(os.path.join(folder, name), "rb") as file:
            message = email.message_from_binary_file(file, policy=email.policy.default)
        with open(os.path.join(folder, name[:-4] + ".json")) as file:
            envelope = json.load(file)
        html = text = ""
        for part in message.walk():
            if part.get_content_type() == "text/html":
                html = part.get_content()
            elif part.get_content_type() == "text/plain":
                text = part.get_content()
        results.append({
            "envelope": envelope["to"],
            "to": str(message["To"]),
            "messageID": str(message["Message-ID"]),
            "listUnsubscribe": str(message["List-Unsubscribe"]),
            "listUnsubscribePost": str(message["List-Unsubscribe-Post"]),
            "htmlLinks": re.findall(r'href="([^"]*/unsubscribe\?token=[^"]*)"', html),
            "textLinks": re.findall(r"Unsubscribe: (\S+)", text),
            "subject": str(message["Subject"]),
            "dkim": message["DKIM-Signature"] is not None,
            "defects": len(message.defects),
        })
    print(json.dumps(results))


if __name__ == "__main__":
    main(sys.argv[1])
