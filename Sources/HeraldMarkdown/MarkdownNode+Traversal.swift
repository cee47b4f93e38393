extension MarkdownNode {
    /// The children of a node.
    public struct Children: Sequence {
        let tree: SyntaxTree
        let first: NodeIndex

        public func makeIterator() -> Iterator { Iterator(tree: tree, current: first) }

        public struct Iterator: IteratorProtocol {
            let tree: SyntaxTree
            var current: NodeIndex

            public mutating func next() -> MarkdownNode? {
                guard current != SyntaxTree.none else { return nil }
                defer { current = tree[current].next }
                return MarkdownNode(tree: tree, index: current)
            }
        }
    }

    /// A subtree in document order (pre-order).
    public struct Descendants: Sequence {
        let tree: SyntaxTree
        let root: NodeIndex

        public func makeIterator() -> Iterator { Iterator(walk: Walk(tree: tree, root: root).makeIterator()) }

        public struct Iterator: IteratorProtocol {
            var walk: Walk.Iterator

            public mutating func next() -> MarkdownNode? {
                while let event = walk.next() {
                    if case .enter(let node) = event { return node }
                }
                return nil
            }
        }
    }

    /// One step of a walk: a node is entered before its children and exited after them.
    public enum WalkEvent: Hashable, Sendable {
        case enter(MarkdownNode)
        case exit(MarkdownNode)
    }

    /// A depth-first walk that needs no recursion, so it is safe on any nesting depth.
    public struct Walk: Sequence {
        let tree: SyntaxTree
        let root: NodeIndex

        public func makeIterator() -> Iterator { Iterator(tree: tree, root: root) }

        public struct Iterator: IteratorProtocol {
            let tree: SyntaxTree
            let root: NodeIndex
            private var current: NodeIndex
            private var entering = true

            init(tree: SyntaxTree, root: NodeIndex) {
                self.tree = tree
                self.root = root
                self.current = root
            }

            public mutating func next() -> WalkEvent? {
                guard current != SyntaxTree.none else { return nil }
                let node = current
                if entering {
                    let child = tree[node].firstChild
                    if child != SyntaxTree.none {
                        current = child
                    } else {
                        entering = false
                    }
                    return .enter(MarkdownNode(tree: tree, index: node))
                }
                if node == root {
                    current = SyntaxTree.none
                } else if tree[node].next != SyntaxTree.none {
                    current = tree[node].next
                    entering = true
                } else {
                    current = tree[node].parent
                }
                return .exit(MarkdownNode(tree: tree, index: node))
            }
        }
    }
}
