/// Every node of a ``SyntaxTree``, in one block of memory that only its tree writes.
///
/// The nodes were an array held by the tree, a class: each write to a node through it (a link
/// set, a range ended) asked the runtime whether the array was shared before writing, on the
/// Markdown engine's hottest path (the archive's Markdown made 33 million such calls, beside the
/// array's other bookkeeping, for 1.35 billion instructions in all). A tree's nodes are never
/// shared while they change, so here a write is an address and a bounds check.
final class NodeStore: RandomAccessCollection {
    private var base: UnsafeMutablePointer<NodeRecord>
    private(set) var count = 0
    private var capacity: Int

    /// An empty store with room for `capacity` nodes; pages reserved but never written cost no
    /// memory.
    init(capacity: Int = 16) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    subscript(index: Int) -> NodeRecord {
        @inline(__always) _read {
            precondition(index >= 0 && index < count, "node \(index) is not in the tree")
            yield base[index]
        }
        @inline(__always) _modify {
            precondition(index >= 0 && index < count, "node \(index) is not in the tree")
            yield &base[index]
        }
    }

    @inline(__always)
    func append(_ record: NodeRecord) {
        if count == capacity { grow(toHold: count + 1) }
        (base + count).initialize(to: record)
        count += 1
    }

    func reserveCapacity(_ minimum: Int) {
        if minimum > capacity { grow(toHold: minimum) }
    }

    /// Forgets the nodes from `range`'s start on, keeping the room.
    func removeSubrange(_ range: PartialRangeFrom<Int>) {
        precondition(range.lowerBound >= 0 && range.lowerBound <= count, "no node \(range.lowerBound) to remove from")
        (base + range.lowerBound).deinitialize(count: count - range.lowerBound)
        count = range.lowerBound
    }

    /// Forgets every node, keeping the room.
    func removeAll() {
        removeSubrange(0...)
    }

    @inline(never)
    private func grow(toHold minimum: Int) {
        let newCapacity = Swift.max(minimum, capacity * 2)
        let newBase = UnsafeMutablePointer<NodeRecord>.allocate(capacity: newCapacity)
        newBase.moveInitialize(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }
}
