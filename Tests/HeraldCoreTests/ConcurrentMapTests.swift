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

@Suite struct ConcurrentFlatMapTests {
    @Test("runs of the elements are mapped and joined in the elements' order")
    func runsJoinInOrder() {
        let values = Array(0..<1_000)
        for runs in [1, 3, 64, 999, 1_000, 5_000] {
            #expect(values.concurrentFlatMap(runs: runs) { run in run.map { $0 * 2 } } == values.map { $0 * 2 })
        }
        #expect([Int]().concurrentFlatMap(runs: 8) { run in Array(run) } == [])
        #expect(values.concurrentFlatMap(runs: 0) { run in Array(run) } == values)
    }
}

@Suite struct ConcurrentJoinedTests {
    @Test("arrays of any lengths, empty ones among them, are joined in order and released with the result")
    func partsAreJoinedInOrder() {
        let releases = ConcurrentMapTests.Releases()
        do {
            let lengths = [0, 3, 0, 1, 17, 0, 250, 2]
            var next = 0
            let parts = lengths.map { length in
                (0..<length).map { _ in
                    next += 1
                    return ConcurrentMapTests.Result(next, releases: releases)
                }
            }
            let joined = parts.concurrentJoined()
            #expect(joined.map(\.value) == Array(1...next))
            #expect(([] as [[Int]]).concurrentJoined().isEmpty)
            #expect([[Int]](repeating: [], count: 5).concurrentJoined().isEmpty)
        }
        #expect(releases.count == 273)
    }
}
