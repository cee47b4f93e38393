import Dispatch

/// `first` and `second` run at once, one on each of two cores, and both results: for two
/// independent passes that would otherwise each hold a core alone while the other waits (the
/// search index's entries and postings).
package func sideBySide<First, Second>(_ first: () -> First, _ second: () -> Second) -> (First, Second) {
    var results: (First?, Second?) = (nil, nil)
    withUnsafeMutablePointer(to: &results) { pointer in
        nonisolated(unsafe) let slots = pointer
        withoutActuallyEscaping(first) { first in
            withoutActuallyEscaping(second) { second in
                nonisolated(unsafe) let (first, second) = (first, second)
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    if index == 0 { slots.pointee.0 = first() } else { slots.pointee.1 = second() }
                }
            }
        }
    }
    return (results.0!, results.1!)
}
