import Dispatch
import Foundation
import Testing

@testable import HeraldCore

/// `FileSplitting.performAtOnceFinishingInOrder`: work at once on the cores, each index finished
/// in order as soon as it and the ones before it are done, one finish at a time.
@Suite struct OrderedFinishingTests {
    @Test func everyIndexIsFinishedOnceInOrderAfterItsWorkAndNeverTwoAtOnce() {
        let count = 24
        let events = EventLog()
        FileSplitting.performAtOnceFinishingInOrder(count) { index, _ in
            // Later indices' work is shorter, so they return before earlier ones and must wait.
            usleep(UInt32((count - index) * 300))
            events.append(.returned(index))
        } _: { index in
            events.append(.finishing(index))
            usleep(200)
            events.append(.finished(index))
        }
        let log = events.entries
        let finishing = log.compactMap { if case .finishing(let index) = $0 { index } else { nil } }
        #expect(finishing == Array(0..<count))
        for index in 0..<count {
            let returned = log.firstIndex(of: .returned(index))
            let started = log.firstIndex(of: .finishing(index))
            #expect(returned != nil && started != nil && returned! < started!)
            // Nothing else is finished between this index's start and end.
            if let started {
                #expect(log[started...].first { $0.isFinish && $0 != .finishing(index) } == .finished(index))
            }
        }
    }

    @Test func anIndexIsFinishedWhileLaterWorkIsStillRunning() {
        let count = 8
        let firstFinished = DispatchSemaphore(value: 0)
        let sawFirstFinished = Flag()
        FileSplitting.performAtOnceFinishingInOrder(count) { index, _ in
            // The last index's work waits for the first index to be finished: with every finish
            // held to the end, it would time out.
            if index == count - 1 && firstFinished.wait(timeout: .now() + 10) == .success { sawFirstFinished.set() }
        } _: { index in
            if index == 0 { firstFinished.signal() }
        }
        #expect(sawFirstFinished.isSet)
    }

    @Test func noIndicesFinishNothing() {
        let events = EventLog()
        FileSplitting.performAtOnceFinishingInOrder(0) { index, _ in
            events.append(.returned(index))
        } _: {
            events.append(.finishing($0))
        }
        #expect(events.entries.isEmpty)
    }

    /// What a body hears of the indices before its own: finished only once every one of them is,
    /// and then it stays so, since nothing after them is finished before its own body returns.
    @Test func aBodyHearsWhenEveryIndexBeforeItIsFinished() {
        let finishing = OrderedFinishing(count: 3)
        var finished: [Int] = []
        #expect(finishing.hasFinished(before: 0))
        #expect(!finishing.hasFinished(before: 2))
        finishing.bodyReturned(1) { finished.append($0) }
        #expect(finished.isEmpty && !finishing.hasFinished(before: 2))
        finishing.bodyReturned(0) { finished.append($0) }
        #expect(finished == [0, 1] && finishing.hasFinished(before: 2) && !finishing.hasFinished(before: 3))
        finishing.bodyReturned(2) { finished.append($0) }
        #expect(finished == [0, 1, 2] && finishing.hasFinished(before: 3))
        // On the cores: each body asks until it hears, and hears only what the finishes say.
        let count = 16
        let heard = EventLog()
        FileSplitting.performAtOnceFinishingInOrder(count) { index, earlierAreFinished in
            while !earlierAreFinished() { usleep(100) }
            heard.append(.returned(index))
        } _: { index in
            heard.append(.finishing(index))
        }
        // Every body heard only after the finish before it, so the two alternate in order.
        let expected = (0..<count).flatMap { [Event.returned($0), Event.finishing($0)] }
        #expect(heard.entries == expected)
    }

    private enum Event: Equatable {
        case returned(Int)
        case finishing(Int)
        case finished(Int)
        var isFinish: Bool { if case .returned = self { false } else { true } }
    }

    private final class EventLog: @unchecked Sendable {
        private let lock = NSLock()
        private var log: [Event] = []
        func append(_ event: Event) { lock.withLock { log.append(event) } }
        var entries: [Event] { lock.withLock { log } }
    }

    private final class Flag: @unchecked Sendable {
        private let lock = NSLock()
        private var value = false
        func set() { lock.withLock { value = true } }
        var isSet: Bool { lock.withLock { value } }
    }
}
