/// GFM's footnote order: notes are numbered by their first reference, and the referenced definitions
/// move to the end of the document in that order; definitions never referenced are dropped.
///
/// The references are counted block by block (``numberReferences(under:)``), so that a renderer that
/// writes each top-level block as soon as it is parsed numbers them exactly as a whole-tree walk does.
struct FootnoteArrangement {
    private let tree: SyntaxTree
    /// The first definition of each normalized label.
    private var definitions: [[UInt8]: NodeIndex] = [:]
    /// Every definition, by the top-level block it sits in (itself, when it is one).
    private var definitionsByTopLevelBlock: [NodeIndex: [NodeIndex]] = [:]
    private var order: [NodeIndex] = []
    private var referenceCounts: [NodeIndex: Int32] = [:]

    /// Finds the definitions, which the block phase has made; nil when there are none, since
    /// then no reference can exist either.
    init?(tree: SyntaxTree) {
        self.tree = tree
        for index in tree.nodes.indices where tree.nodes[index].kind == .footnoteDefinition {
            let node = NodeIndex(index)
            let label = tree.withBytes(of: tree.nodes[index].literal) { LinkReferenceMap.normalize($0) }
            if definitions[label] == nil { definitions[label] = node }
            definitionsByTopLevelBlock[tree.topLevelAncestor(of: node), default: []].append(node)
        }
        if definitions.isEmpty { return nil }
    }

    /// Numbers the references under `root` in document order, continuing from the blocks before it.
    mutating func numberReferences(under root: NodeIndex) {
        for event in MarkdownNode(tree: tree, index: root).walk() {
            guard case .enter(let node) = event, node.kind == .footnoteReference else { continue }
            let reference = node.index
            let label = tree.withBytes(of: tree[reference].literal) { LinkReferenceMap.normalize($0) }
            guard let definition = definitions[label] else { continue }
            if tree[definition].number == 0 {
                order.append(definition)
                tree[definition].number = Int32(order.count)
            }
            let count = referenceCounts[definition, default: 0] + 1
            referenceCounts[definition] = count
            tree[reference].number = tree[definition].number
            tree[reference].marker = count
            tree[reference].literal = tree[definition].literal
        }
    }

    /// Takes the definitions inside top-level block `block` out of the tree, to be written at the end;
    /// returns whether there were any (their nodes must then be kept).
    mutating func detachDefinitions(under block: NodeIndex) -> Bool {
        guard let found = definitionsByTopLevelBlock.removeValue(forKey: block) else { return false }
        for definition in found { tree.unlink(definition) }
        return true
    }

    /// Detaches every definition still in the tree and appends the referenced ones to the document
    /// in order of first reference; returns them in that order.
    mutating func appendReferencedDefinitions() -> [NodeIndex] {
        for found in definitionsByTopLevelBlock.values {
            for definition in found { tree.unlink(definition) }
        }
        definitionsByTopLevelBlock = [:]
        for definition in order {
            tree[definition].marker = referenceCounts[definition] ?? 0
            tree.append(definition, to: 0)
        }
        return order
    }
}
