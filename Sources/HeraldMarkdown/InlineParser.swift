/// Turns the text of a leaf block into inline nodes.
struct InlineParser {
    let tree: SyntaxTree
    let references: LinkReferenceMap
    let footnoteLabels: Set<[UInt8]>

    init(tree: SyntaxTree, references: LinkReferenceMap, footnoteLabels: Set<[UInt8]>) {
        self.tree = tree
        self.references = references
        self.footnoteLabels = footnoteLabels
    }

    /// Parses `input` and appends the inline nodes to `parent`.
    mutating func parse(_ input: InlineInput, into parent: NodeIndex) {
        guard !input.bytes.isEmpty else { return }
        let node = tree.makeNode(.text, range: SourceRange(start: input.location(of: 0), end: input.location(of: input.bytes.count - 1)))
        tree[node].literal = tree.store(input.bytes)
        tree.append(node, to: parent)
    }
}
