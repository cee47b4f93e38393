import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// The protocol steps over one channel, without state of their own: connecting, the handshake
/// (greeting, EHLO, STARTTLS, AUTH) and writing batches of commands to await their replies.
struct SMTPSession: Sendable {
    let channel: any Channel
    let timeouts: SMTPTimeouts

    /// Opens the TCP connection (with TLS first for `smtps`) and returns it with the greeting to come.
    static func connect(
        _ configuration: SMTPConfiguration, tls: SMTPTLS, deadline: NIODeadline
    ) async throws(SMTPError) -> (SMTPSession, greeting: EventLoopFuture<SMTPReply>) {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let greeting = loop.makePromise(of: SMTPReply.self)
        let implicitTLS = configuration.security == .implicitTLS
        let greetingDeadline = min(
            deadline, .now() + TimeAmount(configuration.timeouts.connect + configuration.timeouts.command))
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(TimeAmount(configuration.timeouts.connect))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let handlers = channel.pipeline.syncOperations
                    if implicitTLS { try handlers.addHandler(tls.makeHandler()) }
                    try handlers.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    try handlers.addHandler(SMTPClientHandler(greeting: greeting, deadline: greetingDeadline))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(host: configuration.host, port: configuration.port).get()
        } catch {
            greeting.fail(SMTPError(.connectionFailed, "\(error)", command: .connect))
            throw SMTPError(
                .connectionFailed, "cannot connect to \(configuration.host):\(configuration.port): \(error)",
                command: .connect)
        }
        return (SMTPSession(channel: channel, timeouts: configuration.timeouts), greeting.futureResult)
    }

    /// Greeting, EHLO, STARTTLS and EHLO again when asked for, then AUTH when a user is configured.
    /// Returns the extensions of the last EHLO, the ones valid for the rest of the session.
    func handshake(
        _ configuration: SMTPConfiguration, greeting: EventLoopFuture<SMTPReply>, tls: SMTPTLS, deadline: NIODeadline
    ) async throws(SMTPError) -> SMTPServerExtensions {
        let welcome = try await Self.reply(to: greeting)
        guard welcome.code == 220 else { throw .rejected(welcome, by: .greeting) }
        var extensions = try await ehlo(configuration.clientName, deadline: deadline)
        if configuration.security == .startTLS {
            if extensions.startTLS {
                let reply = try await exchange([(.startTLS, ByteBuffer(string: "STARTTLS\r\n"))], deadline: deadline)[0]
                guard reply.code == 220 else { throw .rejected(reply, by: .startTLS) }
                try await startTLS(tls, deadline: deadline)
                extensions = try await ehlo(configuration.clientName, deadline: deadline)
            } else if !(configuration.allowsPlaintextOnLoopback && configuration.isLoopback) {
                throw SMTPError(
                    .startTLSUnavailable,
                    "\(configuration.host) does not offer STARTTLS; use smtps:// on port 465 if it speaks TLS there",
                    command: .ehlo)
            }
        }
        if let user = configuration.user {
            try await authenticate(
                user: user, password: configuration.password ?? "", offered: extensions.authMechanisms,
                deadline: deadline)
        }
        return extensions
    }

    /// Writes the commands together, flushes once, and waits for one reply each, in order.
    func exchange(_ requests: [(SMTPCommand, ByteBuffer)], deadline: NIODeadline) async throws(SMTPError) -> [SMTPReply]
    {
        let commandDeadline = min(deadline, .now() + TimeAmount(timeouts.command))
        var futures: [EventLoopFuture<SMTPReply>] = []
        for (command, bytes) in requests {
            let reply = channel.eventLoop.makePromise(of: SMTPReply.self)
            let written = channel.eventLoop.makePromise(of: Void.self)
            channel.write(
                SMTPRequest(bytes: bytes, command: command, deadline: commandDeadline, reply: reply), promise: written)
            // On a channel already closed the handler is gone: the failed write is the only answer.
            // Where the handler is still there it fails the reply with the cause (a refused
            // certificate, not the closed channel it led to), so the write's answer waits a turn.
            let eventLoop = channel.eventLoop
            written.futureResult.whenFailure { error in
                eventLoop.execute { reply.fail(SMTPError(channelError: error, command: command)) }
            }
            futures.append(reply.futureResult)
        }
        channel.flush()
        var replies: [SMTPReply] = []
        for future in futures { replies.append(try await Self.reply(to: future)) }
        return replies
    }

    private func ehlo(_ name: String, deadline: NIODeadline) async throws(SMTPError) -> SMTPServerExtensions {
        let reply = try await exchange([(.ehlo, ByteBuffer(string: "EHLO \(name)\r\n"))], deadline: deadline)[0]
        guard reply.isSuccess else { throw .rejected(reply, by: .ehlo) }
        return SMTPServerExtensions(ehlo: reply)
    }

    /// Puts TLS in front of the reply decoder and waits for its handshake, within the command timeout.
    private func startTLS(_ tls: SMTPTLS, deadline: NIODeadline) async throws(SMTPError) {
        let channel = channel
        let handshake = channel.eventLoop.makePromise(of: Void.self)
        do {
            try await channel.eventLoop.submit {
                let handlers = channel.pipeline.syncOperations
                try handlers.addHandler(tls.makeHandler(), position: .first)
                try handlers.addHandler(
                    TLSHandshakeWatcher(outcome: handshake),
                    position: .after(try handlers.handler(type: NIOSSLClientHandler.self)))
            }.get()
        } catch {
            throw SMTPError(.tlsFailed, "cannot start TLS: \(error)", command: .startTLS)
        }
        // A stalled handshake ends through the pipeline, so the watcher settles its outcome exactly once.
        let timeout = channel.eventLoop.scheduleTask(deadline: min(deadline, .now() + TimeAmount(timeouts.command))) {
            channel.pipeline.fireErrorCaught(
                SMTPError(.timedOut, "the TLS handshake did not finish in time", command: .startTLS))
        }
        defer { timeout.cancel() }
        do {
            try await handshake.futureResult.get()
        } catch {
            throw SMTPError(channelError: error, command: .startTLS)
        }
    }

    private static func reply(to future: EventLoopFuture<SMTPReply>) async throws(SMTPError) -> SMTPReply {
        do {
            return try await future.get()
        } catch let error as SMTPError {
            throw error
        } catch {
            throw SMTPError(.connectionClosed, "\(error)")
        }
    }
}
