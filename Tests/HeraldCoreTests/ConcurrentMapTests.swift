import Foundation
import HeraldCore
import Testing

/// The concurrent map hands back every result in order and keeps none of them alive afterwards:
/// found by the issue-file fuzzer (LeakSanitizer), which saw every checked file leak.
@Suite struct ConcurrentMapTests {
    /// Counts the instances released, under a lock, as results are made on several threads.
    final class Releases: @unchecked Sendable {
        private let lock = NSLock()
        private var released = 0

        func record() { lock.withLock { released += 1 } }
        var count: Int { lock.withLock { released } }
    }

    final class Result {
        let value: Int
        let releases: Releases

        init(_ value: Int, releases: Releases) {
            self.value = value
            self.releases = releases
        }

        deinit { releases.record() }
    }

    @Test func resultsComeBackInOrderAndAreReleasedWithTheArray() {
        let releases = Releases()
        do {
            let results = Array(0..<64).concurrentMap { Result($0 * 2, releases: releases) }
            #expect(results.map(\.value) == Array(0..<64).map { $0 * 2 })
        }
        #expect(releases.count == 64)
    }
}
