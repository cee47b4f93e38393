/// Tells every open preview page that the site changed, through server-sent events.
///
/// Each rebuild, good or failed, is a new *generation*. A page is served with the generation it
/// shows and asks for events since then, so a rebuild that lands between serving a page and
/// the page connecting still reloads it.
public actor ReloadChannel {
    /// The generation of the site being served; it starts at 1 with the first build.
    public private(set) var generation = 1
    private var subscribers: [Int: AsyncStream<Int>.Continuation] = [:]
    private var nextSubscriber = 0
    private var isClosed = false

    public init() {}

    /// Records a rebuild and sends its generation to every subscriber.
    public func announceRebuild() {
        generation += 1
        for continuation in subscribers.values {
            continuation.yield(generation)
        }
    }

    /// The generations announced from now on; the current one first when it is newer than
    /// `seen`. The stream ends when ``close()`` is called, so a server can shut down while
    /// pages are connected.
    public func subscribe(after seen: Int?) -> AsyncStream<Int> {
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        guard !isClosed else {
            continuation.finish()
            return stream
        }
        if let seen, seen < generation { continuation.yield(generation) }
        let id = nextSubscriber
        nextSubscriber += 1
        subscribers[id] = continuation
        continuation.onTermination = { _ in Task { await self.unsubscribe(id) } }
        return stream
    }

    /// Ends every subscription, now and later.
    public func close() {
        isClosed = true
        for continuation in subscribers.values { continuation.finish() }
        subscribers = [:]
    }

    private func unsubscribe(_ id: Int) {
        subscribers[id] = nil
    }
}
