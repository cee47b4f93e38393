#!/usr/bin/env python3
"""A relay that misbehaves like a busy provider and counts what it accepts, for
scripts/benchmark-send-faults.sh: 454 4.7.0 throttling to every Nth message, a dropped connection
after M messages on it, keeping no message, only how many times each recipient was accepted.

Prints "READY <port>"; on SIGTERM writes {recipient: count} as JSON to --counts and exits.
"""
import argparse
import asyncio
import json
import os
import signal

from aiosmtpd.smtp import SMTP


class Handler:
    def __init__(self, options):
        self.options = options
        self.seen = 0
        self.accepted = {}
        self.per_connection = {}

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        return responses[:-1] + ["250-PIPELINING"] + responses[-1:]

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        if self.options.drop_after and self.per_connection.get(session.peer, 0) >= self.options.drop_after:
            server.transport.abort()
            return "421 4.4.2 gone"
        envelope.mail_from = address
        return "250 2.1.0 OK"

    async def handle_DATA(self, server, session, envelope):
        self.seen += 1
        if self.options.defer_every and self.seen % self.options.defer_every == 0:
            return "454 4.7.0 Throttling failure: Maximum sending rate exceeded"
        for recipient in envelope.rcpt_tos:
            self.accepted[recipient] = self.accepted.get(recipient, 0) + 1
        self.per_connection[session.peer] = self.per_connection.get(session.peer, 0) + 1
        return "250 2.0.0 OK"


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--counts", required=True)
    parser.add_argument("--defer-every", type=int, default=0)
    parser.add_argument("--drop-after", type=int, default=0)
    options = parser.parse_args()
    handler = Handler(options)

    def finish(*_):
        with open(options.counts + ".tmp", "w") as file:
            json.dump(handler.accepted, file)
        os.replace(options.counts + ".tmp", options.counts)
        os._exit(0)

    signal.signal(signal.SIGTERM, finish)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(handler, hostname="fault-relay.invalid", data_size_limit=64 << 20), host="127.0.0.1", port=0)
    print(f"READY {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
