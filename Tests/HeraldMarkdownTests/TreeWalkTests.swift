import HeraldMarkdown
import Testing

/// `children`, `descendants` and `walk()`: document order, balanced events, and subtrees that
/// stay inside themselves.
@Suite("Tree walking")
struct TreeWalkTests {
    static let sample = """
        # Title *em*

        Some `code` and a [link](/u).

        - one
        - two
          > quoted

        Last.

        """

    @Test("descendants lists every node in document order, the root first")
    func descendantsInDocumentOrder() {
        let root = MarkdownDocument(parsing: Self.sample).root
        let kinds: [MarkdownNode.Kind] = [
            .document,
            .heading, .text, .emphasis, .text,
            .paragraph, .text, .code, .text, .link, .text, .text,
            .list,
            .item, .paragraph, .text,
            .item, .paragraph, .text, .blockQuote, .paragraph, .text,
            .paragraph, .text,
        ]
        #expect(root.descendants.map(\.kind) == kinds)
        let texts = root.descendants.filter { $0.kind == .text || $0.kind == .code }.map(\.literal)
        #expect(texts == ["Title ", "em", "Some ", "code", " and a ", "link", ".", "one", "two", "quoted", "Last."])
    }

    @Test("literalContains answers as literal does, for every node of the sample")
    func literalContainsAgreesWithLiteral() {
        let root = MarkdownDocument(parsing: Self.sample + "An `open backtick.\n\n<b>tag</b>\n").root
        for byte in Array("`*o<".utf8) {
            for node in root.descendants {
                #expect(node.literalContains(byte) == node.literal.utf8.contains(byte))
            }
        }
        #expect(root.descendants.contains { $0.literalContains(UInt8(ascii: "`")) })
    }

    @Test("Block ranges never go backwards in document order")
    func rangesFollowDocumentOrder() {
        let root = MarkdownDocument(parsing: Self.sample).root
        let blocks = root.descendants.filter { $0.kind.isBlock && $0.kind != .document }
        for (earlier, later) in zip(blocks, blocks.dropFirst()) {
            #expect(
                earlier.range.start <= later.range.start,
                "\(earlier.kind) at \(earlier.range) comes before \(later.kind) at \(later.range)"
            )
        }
        for node in root.descendants {
            #expect(node.range.start <= node.range.end, "\(node.kind) has range \(node.range)")
            if let parent = node.parent {
                #expect(parent.range.start <= node.range.start, "\(node.kind) starts before its \(parent.kind)")
            }
        }
    }

    @Test("children are the direct children, in order, and agree with the sibling links")
    func childrenAndSiblings() throws {
        let root = MarkdownDocument(parsing: Self.sample).root
        #expect(root.children.map(\.kind) == [.heading, .paragraph, .list, .paragraph])

        for node in root.descendants {
            let children = Array(node.children)
            #expect(node.firstChild == children.first)
            #expect(node.lastChild == children.last)
            for child in children {
                #expect(child.parent == node)
            }
            for (left, right) in zip(children, children.dropFirst()) {
                #expect(left.nextSibling == right)
                #expect(right.previousSibling == left)
            }
            #expect(children.first?.previousSibling == nil)
            #expect(children.last?.nextSibling == nil)
        }
        #expect(root.parent == nil)

        let list = try #require(root.children.first { $0.kind == .list })
        #expect(list.children.map { $0.firstChild?.plainText } == ["one", "two"])
    }

    @Test("walk enters each node before its children and exits it after them, once each")
    func walkIsBalanced() {
        let root = MarkdownDocument(parsing: Self.sample).root
        let events = Array(root.walk())
        #expect(events.first == .enter(root))
        #expect(events.last == .exit(root))

        var open: [MarkdownNode] = []
        var entered: [MarkdownNode] = []
        for event in events {
            switch event {
            case .enter(let node):
                #expect(node.parent == open.last, "\(node.kind) entered outside its parent")
                open.append(node)
                entered.append(node)
            case .exit(let node):
                #expect(open.last == node, "\(node.kind) exited out of order")
                open.removeLast()
                // Every child was visited between entering and leaving.
                let visitedChildren = entered.filter { $0.parent == node }
                #expect(visitedChildren == Array(node.children))
            }
        }
        #expect(open.isEmpty)
        #expect(entered == Array(root.descendants))
        #expect(events.count == 2 * entered.count)
    }

    @Test("walk and descendants of a subtree stay inside it")
    func subtreeWalk() throws {
        let root = MarkdownDocument(parsing: Self.sample).root
        let list = try #require(root.children.first { $0.kind == .list })
        let events = Array(list.walk())
        #expect(events.first == .enter(list))
        #expect(events.last == .exit(list))
        let kinds: [MarkdownNode.Kind] = [
            .list, .item, .paragraph, .text, .item, .paragraph, .text, .blockQuote, .paragraph, .text,
        ]
        #expect(list.descendants.map(\.kind) == kinds)

        let firstItem = try #require(list.firstChild)
        #expect(firstItem.descendants.map(\.kind) == [.item, .paragraph, .text])
        #expect(Array(firstItem.walk()).count == 6)
    }

    @Test("A leaf is entered and exited with nothing between")
    func leafWalk() throws {
        let root = MarkdownDocument(parsing: "***\n").root
        let rule = try #require(root.firstChild)
        #expect(rule.kind == .thematicBreak)
        #expect(Array(rule.walk()) == [.enter(rule), .exit(rule)])
        #expect(Array(rule.descendants) == [rule])
        #expect(Array(rule.children).isEmpty)
    }

    @Test("An empty document is only its root")
    func emptyDocument() {
        let root = MarkdownDocument(parsing: "").root
        #expect(root.kind == .document)
        #expect(Array(root.walk()) == [.enter(root), .exit(root)])
        #expect(Array(root.children).isEmpty)
    }

    @Test("Walking 50,000 nested block quotes needs no recursion")
    func deepWalk() {
        let depth = 50_000
        let root = MarkdownDocument(parsing: String(repeating: ">", count: depth) + " a").root
        var deepest = 0
        var current = 0
        var events = 0
        for event in root.walk() {
            events += 1
            switch event {
            case .enter: current += 1
            case .exit: current -= 1
            }
            deepest = max(deepest, current)
        }
        // document, 50,000 quotes, a paragraph and its text.
        #expect(deepest == depth + 3)
        #expect(events == 2 * (depth + 3))
        #expect(current == 0)
    }

    @Test("plainText joins text and code, with a space for each line break")
    func plainText() throws {
        let root = MarkdownDocument(parsing: "# A *b* `c`\n\nx\ny  \nz\n").root
        #expect(root.children.map(\.plainText) == ["A b c", "x y z"])
    }
}
