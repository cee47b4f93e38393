import NIOCore
import NIOTLS

/// Sits behind a TLS handler just added after STARTTLS and reports how its handshake ended, so the
/// session sends EHLO only over a finished handshake, and a refused certificate is reported as a TLS
/// failure rather than as the closed channel it leads to (a write racing the teardown). Once it
/// has reported, it leaves the pipeline itself, on the event loop it runs on.
final class TLSHandshakeWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private let outcome: EventLoopPromise<Void>
    private var isSettled = false

    init(outcome: EventLoopPromise<Void>) {
        self.outcome = outcome
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .handshakeCompleted = event as? TLSUserEvent { settle(with: nil, context: context) }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        settle(with: error, context: context)
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        settle(with: ChannelError.ioOnClosedChannel, context: context)
        context.fireChannelInactive()
    }

    private func settle(with error: (any Error)?, context: ChannelHandlerContext) {
        guard !isSettled else { return }
        isSettled = true
        if let error { outcome.fail(error) } else { outcome.succeed(()) }
        context.pipeline.syncOperations.removeHandler(context: context, promise: nil)
    }
}
