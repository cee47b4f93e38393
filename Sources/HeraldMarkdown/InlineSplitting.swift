/// How the inline phase of a long document may use more than one thread.
///
/// The engine makes no threads of its own (it needs nothing but the standard library), so a
/// caller that wants a long document's inlines parsed on every core lends it a way to run work
/// at once. Each leaf's inlines depend only on its own text and on the reference definitions,
/// which the block phase has all read, so runs of leaves parse independently; each run but the
/// first builds its nodes apart and is joined in order afterwards, which gives the tree, node for
/// node, that one run would.
package struct InlineSplitting: Sendable {
    /// Documents with fewer lines parse their inlines in one run: below this, waking other threads
    /// costs more than it saves.
    package var minimumLines: Int
    /// How many runs the leaves are cut into, by their text's length.
    package var runs: Int
    /// Calls the body with every index below `count`, possibly at once on several threads, and
    /// returns once every call has.
    package var perform: @Sendable (_ count: Int, _ body: @Sendable (Int) -> Void) -> Void

    package init(
        minimumLines: Int, runs: Int,
        perform: @escaping @Sendable (_ count: Int, _ body: @Sendable (Int) -> Void) -> Void
    ) {
        self.minimumLines = minimumLines
        self.runs = runs
        self.perform = perform
    }

    /// Whether a document of `lineCount` lines has its inlines parsed in runs.
    func splits(lineCount: Int) -> Bool {
        runs > 1 && lineCount >= minimumLines
    }
}

extension BlockParser {
    /// The inline phase in runs (see ``InlineSplitting``): the first run parses into the tree, the
    /// others each into a tree of their own, joined after it in run order.
    mutating func parseInlines(splitting: InlineSplitting) {
        // Task markers change the item around a paragraph, so they are read here, before any run
        // starts; the runs then touch nothing of the tree but what they add.
        if taskLists {
            for index in pendingInlines.indices { markTask(ofPending: index) }
        }
        let runs = InlineSplitting.runBounds(
            of: pendingInlines.map { $0.input.bytes.count }, count: splitting.runs)
        let tree = tree
        // The scratch trees' settings, read once here rather than from the tree run 0 adds to.
        let extensions = tree.extensions
        let references = references
        let footnoteLabels = footnoteLabels
        var scratches = [SyntaxTree?](repeating: nil, count: runs.count)
        pendingInlines.withUnsafeMutableBufferPointer { pending in
            scratches.withUnsafeMutableBufferPointer { scratches in
                nonisolated(unsafe) let pending = pending
                nonisolated(unsafe) let scratches = scratches
                splitting.perform(runs.count) { run in
                    let leaves = runs[run]
                    // The first run adds to the tree itself; a later one gives each of its leaves a
                    // stand-in node (its index among the run's leaves) and adds after those.
                    let target =
                        run == 0
                        ? tree
                        : SyntaxTree(
                            extensions: extensions,
                            sourceSize: leaves.reduce(0) { $0 + pending[$1].input.bytes.count })
                    if run > 0 {
                        for _ in leaves {
                            _ = target.makeNode(
                                .paragraph,
                                range: SourceRange(
                                    start: SourceLocation(line: 0, column: 0), end: SourceLocation(line: 0, column: 0)))
                        }
                    }
                    var parser = InlineParser(tree: target, references: references, footnoteLabels: footnoteLabels)
                    for (offset, index) in leaves.enumerated() {
                        var input = InlineInput()
                        swap(&input, &pending[index].input)
                        parser.parse(input, into: run == 0 ? pending[index].node : NodeIndex(offset))
                    }
                    if run > 0 { scratches[run] = target }
                }
            }
        }
        for run in runs.indices.dropFirst() {
            guard let scratch = scratches[run] else { continue }
            scratches[run] = nil
            tree.join(scratch, standingInFor: runs[run].map { pendingInlines[$0].node })
        }
    }
}

extension InlineSplitting {
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
    /// `leaves` of this tree: their children become the leaves' children, and every other index
    /// and text span moves past what this tree already holds.
    func join(_ scratch: SyntaxTree, standingInFor leaves: [NodeIndex]) {
        let standIns = NodeIndex(leaves.count)
        let nodeShift = NodeIndex(nodes.count) - standIns
        let textShift = Int32(text.count)
        func moved(_ index: NodeIndex) -> NodeIndex {
            index == SyntaxTree.none ? index : index < standIns ? leaves[Int(index)] : index + nodeShift
        }
        for (offset, leaf) in leaves.enumerated() {
            self[leaf].firstChild = moved(scratch.nodes[offset].firstChild)
            self[leaf].lastChild = moved(scratch.nodes[offset].lastChild)
        }
        nodes.reserveCapacity(nodes.count + scratch.nodes.count - leaves.count)
        for var record in scratch.nodes[leaves.count...] {
            record.parent = moved(record.parent)
            record.firstChild = moved(record.firstChild)
            record.lastChild = moved(record.lastChild)
            record.next = moved(record.next)
            record.previous = moved(record.previous)
            if record.literal.count > 0 { record.literal.start += textShift }
            if record.extra.count > 0 { record.extra.start += textShift }
            nodes.append(record)
        }
        text.append(contentsOf: scratch.text)
    }
}
