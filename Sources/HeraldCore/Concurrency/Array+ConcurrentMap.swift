import Dispatch

extension Array {
    /// `transform` applied to every element on every core, results in the elements' order.
    ///
    /// Herald's bulk work (reading an archive, checking it, expanding a calendar's series) is
    /// pure per element, so spreading it over the cores needs no locks: each iteration writes
    /// only its own slot. The results are moved out of optional slots into an array, which
    /// releases them in turn; a buffer deallocated without being deinitialised once kept every
    /// checked file (its text, tree and findings) alive.
    package func concurrentMap<Result>(_ transform: (Element) -> Result) -> [Result] {
        var results = [Result?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            withoutActuallyEscaping(transform) { transform in
                nonisolated(unsafe) let transform = transform
                nonisolated(unsafe) let elements = self
                DispatchQueue.concurrentPerform(iterations: elements.count) { index in
                    slots[index] = transform(elements[index])
                }
            }
        }
        return results.map { $0! }
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
}
