import Foundation
import Testing

@testable import HeraldCore

@Suite struct SideBySideTests {
    @Test func eachResultComesFromItsOwnWorkRunOnce() {
        let runs = Counter()
        let (sum, words) = sideBySide(
            {
                runs.add()
                return (1...100_000).reduce(0, +)
            },
            {
                runs.add()
                return (0..<1_000).map { "w\($0)" }
            })
        #expect(sum == 5_000_050_000)
        #expect(words.count == 1_000 && words.first == "w0" && words.last == "w999")
        #expect(runs.value == 2)
    }

    @Test func resultsThatHoldReferencesAreKeptAlive() {
        let (first, second) = sideBySide({ [Box(1), Box(2)] }, { Box(3) })
        #expect(first.map(\.value) == [1, 2])
        #expect(second.value == 3)
    }

    private final class Box: Sendable {
        let value: Int
        init(_ value: Int) { self.value = value }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        func add() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }
}
