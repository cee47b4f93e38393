import NIOCore

/// One command on its way: the bytes to write, the step it belongs to, when to give up waiting,
/// and the promise its reply completes. Several may be written before any reply (PIPELINING).
struct SMTPRequest: Sendable {
    var bytes: ByteBuffer
    var command: SMTPCommand
    var deadline: NIODeadline
    var reply: EventLoopPromise<SMTPReply>
}

/// Matches replies to commands in order, and turns every way a session can end (a close, a reset,
/// a TLS failure, a timeout) into a typed `SMTPError` for every command still waiting.
final class SMTPClientHandler: ChannelDuplexHandler {
    typealias InboundIn = SMTPReply
    typealias OutboundIn = SMTPRequest
    typealias OutboundOut = ByteBuffer

    private struct Waiting {
        var command: SMTPCommand
        var reply: EventLoopPromise<SMTPReply>
        var timeout: Scheduled<Void>
    }

    private var waiting = CircularBuffer<Waiting>()
    /// Set once the session is over; later writes fail with it at once.
    private var failure: SMTPError?
    private let greeting: EventLoopPromise<SMTPReply>
    private let greetingDeadline: NIODeadline

    /// The greeting is the reply to no command: it is awaited as soon as the handler is in place.
    init(greeting: EventLoopPromise<SMTPReply>, deadline: NIODeadline) {
        self.greeting = greeting
        self.greetingDeadline = deadline
    }

    func handlerAdded(context: ChannelHandlerContext) {
        expect(.greeting, reply: greeting, by: greetingDeadline, context: context)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = unwrapInboundIn(data)
        guard let first = waiting.popFirst() else {
            // A reply nobody asked for: usually 421 before the server hangs up.
            fail(SMTPError(.connectionClosed, "the server spoke unasked and the session ends", reply: reply), context)
            return
        }
        first.timeout.cancel()
        first.reply.succeed(reply)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let request = unwrapOutboundIn(data)
        if let failure {
            request.reply.fail(failure)
            promise?.fail(failure)
            return
        }
        expect(request.command, reply: request.reply, by: request.deadline, context: context)
        context.write(wrapOutboundOut(request.bytes), promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        let command = waiting.first?.command
        fail(SMTPError(.connectionClosed, "the server closed the connection", command: command), context)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        let failure = SMTPError(channelError: error, command: waiting.first?.command)
        fail(failure, context)
    }

    private func expect(
        _ command: SMTPCommand, reply: EventLoopPromise<SMTPReply>, by deadline: NIODeadline,
        context: ChannelHandlerContext
    ) {
        let timeout = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            self.fail(SMTPError(.timedOut, "no reply in time", command: command), context)
        }
        waiting.append(Waiting(command: command, reply: reply, timeout: timeout))
    }

    /// Fails everything waiting, remembers why, and closes: after a timeout or a protocol error the
    /// session's state is unknown, so it is never reused.
    private func fail(_ error: SMTPError, _ context: ChannelHandlerContext) {
        if failure == nil { failure = error }
        while let next = waiting.popFirst() {
            next.timeout.cancel()
            next.reply.fail(failure ?? error)
        }
        context.close(promise: nil)
    }
}
