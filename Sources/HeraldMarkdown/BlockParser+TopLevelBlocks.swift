extension BlockParser {
    /// The inline phase for a caller that uses each top-level block once and forgets it (a renderer
    /// writing HTML as it goes), after ``parseBlocks()`` has read the blocks whole (a link may use a
    /// definition further down): each top-level block gets its inlines and footnote numbers, is
    /// handed to `visit`, and loses its inline nodes and their text again. A large document thus
    /// never holds its whole inline tree, which is most of its nodes.
    ///
    /// - Parameter visit: called with each top-level block in order; it must not keep indices of the
    ///   block's inline nodes, which are reused for the next block.
    /// - Returns: the footnote definitions to write after the last block, in order of first reference
    ///   (now the document's last children).
    mutating func parseInlines(visitingTopLevelBlocks visit: (NodeIndex) throws -> Void) rethrows -> [NodeIndex] {
        var inlines = makeInlineParser()
        var arrangement = footnotes ? FootnoteArrangement(tree: tree) : nil
        let leaves = leavesByTopLevelBlock()
        var block = tree[0].firstChild
        while block != SyntaxTree.none {
            let following = tree[block].next
            let nodeCount = tree.nodes.count
            let textCount = tree.text.count
            var leaf = firstLeaf(of: block, in: leaves)
            while leaf < leaves.count && leaves[leaf].block == block {
                parseInlines(ofPending: leaves[leaf].pending, with: &inlines)
                leaf += 1
            }
            arrangement?.numberReferences(under: block)
            let keepsNodes = arrangement?.detachDefinitions(under: block) ?? false
            if tree[block].parent == 0 { try visit(block) }
            if !keepsNodes {
                tree.nodes.removeSubrange(nodeCount...)
                tree.text.removeSubrange(textCount...)
            }
            block = following
        }
        pendingInlines = []
        return arrangement?.appendReferencedDefinitions() ?? []
    }

    /// The index of the first of `leaves` in `block` (or past them all), by binary search.
    private func firstLeaf(of block: NodeIndex, in leaves: [(block: NodeIndex, pending: Int)]) -> Int {
        var low = 0
        var high = leaves.count
        while low < high {
            let middle = (low + high) / 2
            if leaves[middle].block < block { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// The pending leaves with the top-level block each sits in, ordered by that block's index
    /// (which follows the document's order: a block's node is made when its first line is read),
    /// then by their own order.
    private func leavesByTopLevelBlock() -> [(block: NodeIndex, pending: Int)] {
        var leaves = pendingInlines.indices.map {
            (block: tree.topLevelAncestor(of: pendingInlines[$0].node), pending: $0)
        }
        let ordered = zip(leaves, leaves.dropFirst()).allSatisfy { $0.block <= $1.block }
        if !ordered { leaves.sort { ($0.block, $0.pending) < ($1.block, $1.pending) } }
        return leaves
    }
}
