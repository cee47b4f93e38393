import Dispatch

/// Runs async work from a synchronous command: the verbs are `ParsableCommand`s, and the few
/// that touch the network or serve wait here for their task.
enum AsyncBridge {
    /// Runs `work` to completion on the concurrency runtime and returns its value.
    static func wait<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = ResultBox<T>()
        let finished = DispatchSemaphore(value: 0)
        Task {
            box.value = await work()
            finished.signal()
        }
        finished.wait()
        return box.value!
    }
}

/// Carries a task's result back to the waiting command thread, which reads it only after the
/// task has signalled, so the two never touch it at once.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
