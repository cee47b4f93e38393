import Dispatch

/// Work started on another thread at once, its result taken when it is needed: for a slow step
/// whose result only later work uses, so that the work in between fills the cores it leaves idle.
///
/// Unlike the two halves of ``sideBySide(_:_:)``, which run inside one `concurrentPerform` and
/// so each get one core for any `concurrentPerform` of their own, the work and its caller each
/// spread over every core.
package final class BackgroundWork<Value: Sendable>: @unchecked Sendable {
    private let finished = DispatchSemaphore(value: 0)
    /// Written once by the background thread before it signals ``finished``.
    private var result: Value?

    package init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global(qos: .userInitiated).async { [self] in
            result = work()
            finished.signal()
        }
    }

    /// The work's result, once it is done.
    package func value() -> Value {
        finished.wait()
        // Signalled again, so that a second call does not wait for ever.
        defer { finished.signal() }
        return result!
    }
}
