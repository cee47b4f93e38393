/// How the inline phase of a long document may use more than one thread.
///
/// The engine makes no threads of its own (it needs nothing but the standard library), so a
/// caller that wants a long document's inlines parsed on every core lends it a way to run work
/// at once. Each leaf's inlines depend only on its own text and on the reference definitions,
/// which the block phase has all read, so runs of leaves parse independently; each run but the
/// first builds its nodes apart and is joined in order afterwards, which gives the tree, node for
/// node, that one run would.
package struct ParseSplitting: Sendable {
    /// Documents with fewer lines parse their inlines in one run: below this, waking other threads
    /// costs more than it saves.
    package var minimumLines: Int
    /// How many runs the leaves are cut into, by their text's length.
    package var runs: Int
    /// Calls the body with every index below `count`, possibly at once on several threads, and
    /// returns once every call has.
    package var perform: @Sendable (_ count: Int, _ body: @Sendable (Int) -> Void) -> Void
    /// Calls `body` with every index below `count` as ``perform`` does, and `finish` with every
    /// index in order, each once `body` for it and `finish` for the index before it have returned,
    /// never two at once; returns once every call has. A run's result is thus handed on as soon
    /// as the runs before it are, not all at the end: `herald markdown` writes a later run's HTML
    /// and lets it go while the runs after it are still parsed. The body may ask, through its
    /// second argument, whether every index before its own is finished: from then on nothing
    /// else is handed on until it is, so it may hand on its result itself as it makes it.
    package var performInOrder: PerformInOrder
    /// How many runs a streamed document keeps from its first reading, to be written as they
    /// are, the others read again in their turn (see
    /// ``HTMLRenderer/streamHTML(parsingMapped:options:pieceSize:splitting:release:to:)``).
    package var keptRuns: Int

    package typealias PerformInOrder =
        @Sendable (
            _ count: Int, _ body: @Sendable (_ index: Int, _ earlierAreFinished: () -> Bool) -> Void,
            _ finish: @Sendable (Int) -> Void
        ) -> Void

    /// Without `performInOrder`, the indices are finished in order once `perform` has returned
    /// (which needs no lock, the one thing the engine cannot make), and a body never hears that
    /// the ones before it are.
    package init(
        minimumLines: Int, runs: Int, keptRuns: Int = 0,
        perform: @escaping @Sendable (_ count: Int, _ body: @Sendable (Int) -> Void) -> Void,
        performInOrder: PerformInOrder? = nil
    ) {
        self.minimumLines = minimumLines
        self.runs = runs
        self.keptRuns = keptRuns
        self.perform = perform
        self.performInOrder =
            performInOrder ?? { count, body, finish in
                perform(count) { body($0, { false }) }
                for index in 0..<count { finish(index) }
            }
    }

    /// Whether a document of `lineCount` lines has its inlines parsed in runs.
    func splits(lineCount: Int) -> Bool {
        runs > 1 && lineCount >= minimumLines
    }
}

extension ParseSplitting {
    /// At most `count` runs of consecutive indices of `sizes`, none empty, cut where the running
    /// total reaches each equal share (one size past several shares makes fewer runs).
    static func runBounds(of sizes: [Int], count: Int) -> [Range<Int>] {
        let total = sizes.reduce(0, +)
        let runs = max(1, min(count, sizes.count))
        var bounds: [Range<Int>] = []
        var start = 0
        var sum = 0
        // Never cut after the last size, which would leave the last run empty.
        for (index, size) in sizes.enumerated().dropLast() {
            sum += size
            if bounds.count < runs - 1, sum >= total * (bounds.count + 1) / runs {
                bounds.append(start..<index + 1)
                start = index + 1
            }
        }
        bounds.append(start..<sizes.count)
        return bounds
    }
}

extension SyntaxTree {
    /// Appends the nodes and text of `scratch`, whose first `leaves.count` nodes stand in for
    /// `leaves` of this tree: their children follow the leaves' own children (a run of inlines
    /// fills an empty leaf; a run of blocks follows the document's earlier blocks), and every
    /// other index, text span and table number moves past what this tree already holds.
    func join(_ scratch: SyntaxTree, standingInFor leaves: [NodeIndex]) {
        let standIns = NodeIndex(leaves.count)
        let nodeShift = NodeIndex(nodes.count) - standIns
        let textShift = Int32(text.count)
        let tableShift = Int32(tableAlignments.count)
        func moved(_ index: NodeIndex) -> NodeIndex {
            index == SyntaxTree.none ? index : index < standIns ? leaves[Int(index)] : index + nodeShift
        }
        // Leaves' last children before the join, each to be linked back from the first joined one.
        var earlierLastChildren: [NodeIndex] = []
        for (offset, leaf) in leaves.enumerated() {
            let first = moved(scratch.nodes[offset].firstChild)
            guard first != SyntaxTree.none else { continue }
            let last = self[leaf].lastChild
            if last == SyntaxTree.none {
                self[leaf].firstChild = first
            } else {
                self[last].next = first
                earlierLastChildren.append(last)
            }
            self[leaf].lastChild = moved(scratch.nodes[offset].lastChild)
        }
        nodes.reserveCapacity(nodes.count + scratch.nodes.count - leaves.count)
        for (offset, var record) in scratch.nodes[leaves.count...].enumerated() {
            if record.compactRange == nil {
                takeWideRange(of: standIns + NodeIndex(offset), in: scratch, as: NodeIndex(nodes.count))
            }
            record.parent = moved(record.parent)
            record.firstChild = moved(record.firstChild)
            record.lastChild = moved(record.lastChild)
            record.next = moved(record.next)
            record.previous = moved(record.previous)
            record.moveText(by: textShift)
            if record.kind == .table { record.number += tableShift }
            nodes.append(record)
        }
        for last in earlierLastChildren { self[self[last].next].previous = last }
        text.append(contentsOf: scratch.text)
        tableAlignments.append(contentsOf: scratch.tableAlignments)
    }
}
