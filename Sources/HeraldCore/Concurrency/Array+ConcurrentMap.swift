import Dispatch

extension Array {
    /// `transform` applied to every element on every core, results in the elements' order.
    ///
    /// Herald's bulk work (reading an archive, checking it, expanding a calendar's series) is
    /// pure per element, so spreading it over the cores needs no locks: each iteration writes
    /// only its own slot. The slots are the result array's own, each initialised once, so the
    /// array owns and releases what they hold (a buffer deallocated without being deinitialised
    /// once kept every checked file alive); moved out of optional slots into a second array, the
    /// results were held twice at the end, 15 MB of a 50 MB issue's sections.
    package func concurrentMap<Result>(_ transform: (Element) -> Result) -> [Result] {
        [Result](unsafeUninitializedCapacity: count) { buffer, initializedCount in
            nonisolated(unsafe) let slots = buffer.baseAddress
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let transform = transform
                nonisolated(unsafe) let elements = self
                DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                    (slots! + index).initialize(to: transform(elements[index]))
                }
            }
            initializedCount = count
        }
    }

    /// `transform` applied to contiguous runs of the elements on every core, the results joined
    /// in the elements' order: for elements too many and too small to be handed out one by one
    /// (the blocks of one outsized file).
    package func concurrentFlatMap<Result>(
        runs: Int, _ transform: (ArraySlice<Element>) -> [Result]
    ) -> [Result] {
        let length = Swift.max(1, (count + runs - 1) / Swift.max(runs, 1))
        let starts = [Int](stride(from: 0, to: count, by: length))
        var runs = starts.concurrentMap { start in transform(self[start..<Swift.min(start + length, count)]) }
        var joined: [Result] = []
        joined.reserveCapacity(runs.reduce(0) { $0 + $1.count })
        // Each run is released once copied, so the results are not held twice at the end.
        for index in runs.indices {
            joined.append(contentsOf: runs[index])
            runs[index] = []
        }
        return joined
    }

    /// The arrays this array holds, joined in order, each copied into its place on a core: for
    /// the findings of every checked file, a quarter of a million for ten archives, whose joining
    /// on one core (most of it the kernel supplying the joined array's pages) took a tenth of a
    /// second.
    package func concurrentJoined<Member>() -> [Member] where Element == [Member] {
        var offsets: [Int] = []
        offsets.reserveCapacity(count)
        var total = 0
        for index in indices {
            offsets.append(total)
            total += self[index].count
        }
        guard total > 0 else { return [] }
        return [Member](unsafeUninitializedCapacity: total) { buffer, initializedCount in
            nonisolated(unsafe) let slots = buffer.baseAddress!
            nonisolated(unsafe) let parts = self
            let offsets = offsets
            DispatchQueue.concurrentPerform(iterations: parts.count) { index in
                parts[index].withUnsafeBufferPointer { part in
                    guard let first = part.baseAddress else { return }
                    (slots + offsets[index]).initialize(from: first, count: part.count)
                }
            }
            initializedCount = total
        }
    }
}
