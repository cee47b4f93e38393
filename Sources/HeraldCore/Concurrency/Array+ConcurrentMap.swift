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
}
