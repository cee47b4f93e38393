import Hummingbird
import NIOCore

/// Hummingbird's request context with the client's socket address, which the rate limits count by.
struct ListRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let remoteAddress: SocketAddress?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        remoteAddress = source.channel.remoteAddress
    }
}
