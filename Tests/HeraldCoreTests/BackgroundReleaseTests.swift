import Foundation
import Testing

@testable import HeraldCore

@Suite struct BackgroundReleaseTests {
    /// Reports the name of the thread its deinit runs on.
    final class Tracked: @unchecked Sendable {
        let freed: @Sendable (String?) -> Void

        init(freed: @escaping @Sendable (String?) -> Void) {
            self.freed = freed
        }

        deinit {
            freed(Thread.current.name)
        }
    }

    @Test func theValueIsFreedOffTheCallersThread() async {
        let freedOn = await withCheckedContinuation { continuation in
            let caller = Thread {
                BackgroundRelease.release(Tracked { continuation.resume(returning: $0) })
            }
            caller.name = "caller"
            caller.start()
        }
        #expect(freedOn != "caller")
    }

    @Test func everyValueHandedOverIsFreed() async {
        let count = 200
        let freed = await withCheckedContinuation { continuation in
            let counter = FreedCounter(target: count) { continuation.resume(returning: $0) }
            for _ in 0..<count { BackgroundRelease.release([Tracked { _ in counter.add() }]) }
        }
        #expect(freed == count)
    }

    /// Counts frees from any thread and reports once `target` is reached.
    final class FreedCounter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        private let target: Int
        private let done: @Sendable (Int) -> Void

        init(target: Int, done: @escaping @Sendable (Int) -> Void) {
            self.target = target
            self.done = done
        }

        func add() {
            lock.lock()
            count += 1
            let reached = count == target
            lock.unlock()
            if reached { done(target) }
        }
    }
}
