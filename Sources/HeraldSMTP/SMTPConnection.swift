import NIOCore
import NIOPosix
import NIOSSL

/// One authenticated session with a relay, reused for many messages.
///
/// `open` connects, reads the greeting, says EHLO, upgrades with STARTTLS (or starts in TLS) and
/// authenticates; `send` runs one transaction and reports a reply for every recipient; `close` says QUIT.
/// A bulk sender keeps several connections, one task each: a connection runs one transaction at a time.
public actor SMTPConnection {
    public let configuration: SMTPConfiguration
    /// What the server offered in its last EHLO (after STARTTLS, the one inside TLS).
    public private(set) var extensions: SMTPServerExtensions
    /// Counts for benchmarks and tests: how often the client waited for the server.
    public private(set) var statistics = Statistics()
    private let channel: any Channel
    /// Set when a transaction ended before its final reply, so the next one starts with RSET.
    private var needsReset = false

    /// What a connection has done so far.
    public struct Statistics: Sendable {
        /// Batches of commands written before waiting for their replies; without PIPELINING, one per command.
        public var roundTrips = 0
        /// Messages the server took (a 2xx reply to the end of data).
        public var messagesAccepted = 0
        /// RSET commands sent.
        public var resets = 0
    }

    private init(configuration: SMTPConfiguration, channel: any Channel, extensions: SMTPServerExtensions) {
        self.configuration = configuration
        self.channel = channel
        self.extensions = extensions
    }

    /// Connects and prepares a session ready for `send`: TLS in place and, when a user is configured,
    /// authenticated. Throws `SMTPError` with `isRetryable` set for failures worth another try.
    public static func open(_ configuration: SMTPConfiguration) async throws(SMTPError) -> SMTPConnection {
        let deadline = NIODeadline.now() + TimeAmount(configuration.timeouts.operation)
        let tls = try SMTPTLS(configuration)
        let (session, greeting) = try await SMTPSession.connect(configuration, tls: tls, deadline: deadline)
        do throws(SMTPError) {
            let extensions = try await session.handshake(
                configuration, greeting: greeting, tls: tls, deadline: deadline)
            return SMTPConnection(configuration: configuration, channel: session.channel, extensions: extensions)
        } catch {
            session.channel.close(promise: nil)
            throw error
        }
    }

    /// Sends one message in one transaction and returns the deciding reply for each recipient.
    ///
    /// A refusal by the server (a 550 recipient, a 454 to the data) is a result, not an error: the
    /// delivery says who got the message, who may get it later and who never will. Errors are thrown
    /// when the session itself fails (dropped, timed out) or the message cannot be sent at all
    /// (too large, needs an extension the server lacks); then the message's fate is known only
    /// if the error came before the end of data.
    public func send(_ message: SMTPMessage, envelope: SMTPEnvelope) async throws(SMTPError) -> SMTPDelivery {
        let deadline = NIODeadline.now() + TimeAmount(configuration.timeouts.operation)
        let size = message.transferSize
        var parameters: [String] = []
        if extensions.size { parameters.append("SIZE=\(size)") }
        if let limit = extensions.sizeLimit, size > limit {
            throw SMTPError(.messageTooLarge, "the message has \(size) octets; the server takes at most \(limit)")
        }
        if message.hasEightBitData {
            guard extensions.eightBitMIME else {
                throw SMTPError(.extensionRequired, "the message has 8-bit bytes and the server lacks 8BITMIME")
            }
            parameters.append("BODY=8BITMIME")
        }
        if envelope.requiresSMTPUTF8 {
            guard extensions.smtpUTF8 else {
                throw SMTPError(.extensionRequired, "an address is not ASCII and the server lacks SMTPUTF8")
            }
            parameters.append("SMTPUTF8")
        }
        var commands: [(SMTPCommand, String)] = []
        if needsReset { commands.append((.rset, "RSET")) }
        let mail = (["MAIL FROM:<\(envelope.sender)>"] + parameters).joined(separator: " ")
        commands.append((.mailFrom, mail))
        commands += envelope.recipients.map { (.rcptTo, "RCPT TO:<\($0)>") }

        needsReset = true
        let replies = try await exchangeEnvelope(commands, deadline: deadline)
        if commands[0].0 == .rset {
            statistics.resets += 1
            guard replies[0].isSuccess else { throw .rejected(replies[0], by: .rset) }
        }
        let offset = commands.count - envelope.recipients.count
        let mailReply = replies[offset - 1]
        guard mailReply.isSuccess else {
            return SMTPDelivery(
                envelope.recipients.map {
                    SMTPDelivery.Outcome(recipient: $0, command: .mailFrom, reply: mailReply)
                })
        }
        let recipientReplies = Array(replies[offset...])
        let accepted = recipientReplies.contains { $0.isSuccess }
        var dataReply: SMTPReply?
        var finalReply: SMTPReply?
        if accepted {
            dataReply = try await exchange([(.data, ByteBuffer(string: "DATA\r\n"))], deadline: deadline)[0]
            if dataReply?.category == .intermediate {
                finalReply = try await exchange([(.endOfData, message.transferEncoded())], deadline: deadline)[0]
                needsReset = false
                if finalReply?.isSuccess == true { statistics.messagesAccepted += 1 }
            }
        }
        return SMTPDelivery(
            zip(envelope.recipients, recipientReplies).map { recipient, reply in
                if !reply.isSuccess {
                    return SMTPDelivery.Outcome(recipient: recipient, command: .rcptTo, reply: reply)
                }
                if let finalReply {
                    return SMTPDelivery.Outcome(recipient: recipient, command: .endOfData, reply: finalReply)
                }
                return SMTPDelivery.Outcome(recipient: recipient, command: .data, reply: dataReply ?? reply)
            })
    }

    /// Ends any transaction in progress; `send` does this itself after a transaction that stopped early.
    public func reset() async throws(SMTPError) {
        let deadline = NIODeadline.now() + TimeAmount(configuration.timeouts.command)
        let reply = try await exchange([(.rset, ByteBuffer(string: "RSET\r\n"))], deadline: deadline)[0]
        statistics.resets += 1
        guard reply.isSuccess else { throw .rejected(reply, by: .rset) }
        needsReset = false
    }

    /// Says QUIT and closes. Never throws: the messages sent so far were taken whatever happens here.
    public func close() async {
        let deadline = NIODeadline.now() + .seconds(5)
        _ = try? await exchange([(.quit, ByteBuffer(string: "QUIT\r\n"))], deadline: deadline)
        try? await channel.close()
    }

    /// MAIL FROM and RCPT TO in one batch when the server offers PIPELINING (RFC 2920), else one at a time,
    /// stopping after a refused MAIL FROM since the recipients would be refused with it.
    private func exchangeEnvelope(_ commands: [(SMTPCommand, String)], deadline: NIODeadline)
        async throws(SMTPError) -> [SMTPReply]
    {
        let requests = commands.map { ($0.0, ByteBuffer(string: $0.1 + "\r\n")) }
        if extensions.pipelining { return try await exchange(requests, deadline: deadline) }
        var replies: [SMTPReply] = []
        for request in requests {
            let reply = try await exchange([request], deadline: deadline)[0]
            replies.append(reply)
            if request.0 == .mailFrom && !reply.isSuccess {
                let refused = SMTPReply(code: 503, lines: ["not sent: MAIL FROM was refused"])
                replies += Array(repeating: refused, count: requests.count - replies.count)
                break
            }
        }
        return replies
    }

    private func exchange(_ requests: [(SMTPCommand, ByteBuffer)], deadline: NIODeadline)
        async throws(SMTPError) -> [SMTPReply]
    {
        statistics.roundTrips += 1
        return try await SMTPSession(channel: channel, timeouts: configuration.timeouts)
            .exchange(requests, deadline: deadline)
    }
}
