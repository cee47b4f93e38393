#!/usr/bin/env python3
"""A real SMTP server (aiosmtpd) for HeraldSMTP's tests, on 127.0.0.1 and a free port.

Prints "READY <port>" once it listens. Each accepted message is written to --folder as NNNN.eml
(exactly the bytes received, dot-stuffing undone) with NNNN.json beside it (envelope, options,
connection). Every MAIL, RCPT, RSET and DATA is appended to --folder/commands.log as
"<connection> <COMMAND>", so tests can see connection reuse and resets.

The server exits on SIGTERM or when its stdin closes. Behaviours for failure tests:
--reject-recipient (550), --defer-every (454), --drop-after, --stall, --size-limit, --no-pipelining.
"""
import argparse
import asyncio
import json
import os
import signal
import ssl
import sys
import threading

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folder", required=True, help="where received messages are written")
    parser.add_argument("--cert", help="PEM certificate for STARTTLS or implicit TLS")
    parser.add_argument("--key", help="PEM private key for --cert")
    parser.add_argument("--starttls", action="store_true", help="offer STARTTLS and require it")
    parser.add_argument("--implicit-tls", action="store_true", help="TLS from the first byte (port 465 style)")
    parser.add_argument("--user", help="require AUTH with this user")
    parser.add_argument("--password", help="the password for --user")
    parser.add_argument("--exclude-auth", action="append", default=[], help="do not offer this mechanism")
    parser.add_argument("--reject-recipient", action="append", default=[], help="answer 550 to RCPT TO this")
    parser.add_argument("--defer-every", type=int, default=0, help="answer 454 to every Nth message's data")
    parser.add_argument("--drop-after", type=int, default=0, help="drop a connection after N accepted messages")
    parser.add_argument("--stall", choices=["MAIL", "DATA"], help="never answer this command")
    parser.add_argument("--size-limit", type=int, default=33554432, help="advertised SIZE limit")
    parser.add_argument("--no-pipelining", action="store_true", help="do not advertise PIPELINING")
    return parser.parse_args()


def write_atomically(path, data):
    temporary = path + ".tmp"
    with open(temporary, "wb") as file:
        file.write(data)
    os.replace(temporary, path)


class Handler:
    """Records what arrives and misbehaves on request."""

    def __init__(self, options):
        self.options = options
        self.messages_seen = 0
        self.messages_written = 0
        self.accepted_per_connection = {}

    def log(self, session, command):
        with open(os.path.join(self.options.folder, "commands.log"), "a") as file:
            file.write(f"{session.peer[1]} {command}\n")

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        extra = ["250-ENHANCEDSTATUSCODES"]
        if not self.options.no_pipelining:
            extra.append("250-PIPELINING")
        return responses[:-1] + extra + responses[-1:]

    async def handle_MAIL(self, server, session, envelope, address, mail_options):
        self.log(session, "MAIL")
        if self.options.stall == "MAIL":
            await asyncio.sleep(3600)
        drop_after = self.options.drop_after
        if drop_after and self.accepted_per_connection.get(session.peer, 0) >= drop_after:
            server.transport.abort()
            return "421 4.4.2 never seen: the connection is gone"
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 2.1.0 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        self.log(session, "RCPT")
        if address in self.options.reject_recipient:
            return "550 5.1.1 No such mailbox here"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_RSET(self, server, session, envelope):
        self.log(session, "RSET")
        return "250 2.0.0 OK"

    async def handle_DATA(self, server, session, envelope):
        self.log(session, "DATA")
        if self.options.stall == "DATA":
            await asyncio.sleep(3600)
        self.messages_seen += 1
        every = self.options.defer_every
        if every and self.messages_seen % every == 0:
            return "454 4.7.0 Throttling failure: slow down"
        self.messages_written += 1
        name = os.path.join(self.options.folder, f"{self.messages_written:04d}")
        record = {
            "from": envelope.mail_from,
            "to": envelope.rcpt_tos,
            "mail_options": envelope.mail_options,
            "connection": session.peer[1],
            "tls": session.ssl is not None or self.options.implicit_tls,
            "authenticated": bool(session.authenticated),
        }
        write_atomically(name + ".json", json.dumps(record).encode())
        write_atomically(name + ".eml", envelope.original_content)
        self.accepted_per_connection[session.peer] = self.accepted_per_connection.get(session.peer, 0) + 1
        return "250 2.0.0 Message accepted"


def make_authenticator(options):
    def authenticate(server, session, envelope, mechanism, auth_data):
        if not isinstance(auth_data, LoginPassword):
            return AuthResult(success=False, handled=False)
        valid = auth_data.login.decode() == options.user and auth_data.password.decode() == options.password
        return AuthResult(success=valid, handled=False)
    return authenticate


def exit_with_the_test():
    """Ends the server on SIGTERM (unblocked: the parent may have masked it) and when stdin closes,
    so a test that crashes leaves no server behind."""
    signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGTERM])
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))

    def watch_stdin():
        sys.stdin.buffer.read()
        os._exit(0)

    threading.Thread(target=watch_stdin, daemon=True).start()


async def main():
    options = parse_arguments()
    exit_with_the_test()
    os.makedirs(options.folder, exist_ok=True)
    context = None
    if options.cert:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(options.cert, options.key)
    handler = Handler(options)
    requires_auth = options.user is not None

    def make_session():
        return SMTP(
            handler,
            hostname="herald-test.invalid",
            data_size_limit=options.size_limit,
            enable_SMTPUTF8=True,
            tls_context=context if options.starttls else None,
            require_starttls=options.starttls,
            auth_required=requires_auth,
            auth_require_tls=not options.implicit_tls,
            auth_exclude_mechanism=options.exclude_auth,
            authenticator=make_authenticator(options) if requires_auth else None,
        )

    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        make_session, host="127.0.0.1", port=0, ssl=context if options.implicit_tls else None)
    print(f"READY {server.sockets[0].getsockname()[1]}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)
