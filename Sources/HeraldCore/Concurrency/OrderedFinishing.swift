import Foundation

/// Which of `count` indices, worked on at once, can be finished next, in order: the thread whose
/// work completes the stretch up to an index finishes that stretch, one index after another,
/// while the other threads go on with their work. Finishing is under a lock, so never two at once,
/// and each finish sees everything its index's work and every earlier finish wrote.
package final class OrderedFinishing: @unchecked Sendable {
    private let lock = NSLock()
    /// Guarded by `lock`: which indices' work has returned, and the first not yet finished.
    private var returned: [Bool]
    private var next = 0

    package init(count: Int) {
        returned = Array(repeating: false, count: count)
    }

    /// Whether every index before `index` is finished: from then on, until `index` is, nothing
    /// else is.
    package func hasFinished(before index: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return next >= index
    }

    /// Records that the work for `index` has returned, then finishes every index from the first
    /// unfinished one whose work has returned, in order.
    package func bodyReturned(_ index: Int, finish: (Int) -> Void) {
        lock.lock()
        defer { lock.unlock() }
        returned[index] = true
        while next < returned.count && returned[next] {
            finish(next)
            next += 1
        }
    }
}
