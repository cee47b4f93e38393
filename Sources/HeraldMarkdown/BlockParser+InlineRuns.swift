extension BlockParser {
    /// The inline phase in runs (see ``ParseSplitting``): the first run parses into the tree, the
    /// others each into a tree of their own, joined after it in run order.
    mutating func parseInlines(splitting: ParseSplitting) {
        // Task markers change the item around a paragraph, so they are read here, before any run
        // starts; the runs then touch nothing of the tree but what they add.
        if taskLists {
            for index in pendingInlines.indices { markTask(ofPending: index) }
        }
        let runs = ParseSplitting.runBounds(
            of: pendingInlines.map { $0.input.count }, count: splitting.runs)
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
                            sourceSize: leaves.reduce(0) { $0 + pending[$1].input.count })
                    if run > 0 {
                        target.lendSource(tree.source)
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
