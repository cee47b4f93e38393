import Dispatch
import Foundation
import HeraldTestSupport
import Testing

@testable import HeraldMarkdown

/// A long document's inlines parsed in runs (``InlineSplitting``) give the tree one run gives:
/// every node with its kind, place, payload and neighbours, and so the same HTML.
@Suite("Inline phase in runs")
struct InlineSplittingTests {
    private static let everyExtension = ParseOptions(extensions: [
        .table, .strikethrough, .autolink, .taskList, .tagFilter, .footnotes, .headingAttributes,
    ])

    /// Runs every index on the cores, as Herald does.
    private static func concurrently(runs: Int) -> InlineSplitting {
        InlineSplitting(minimumLines: 0, runs: runs) { count, body in
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }

    /// Runs the indices one after another, last first: the joined tree must not depend on
    /// which run finishes first.
    private static func lastFirst(runs: Int) -> InlineSplitting {
        InlineSplitting(minimumLines: 0, runs: runs) { count, body in
            for index in (0..<count).reversed() { body(index) }
        }
    }

    @Test("every spec example, in two to five runs, as one run parses it")
    func specExamples() throws {
        try #require(SpecVectors.isAvailable || !SpecVectors.isRequired, "spec vectors missing")
        guard SpecVectors.isAvailable else { return }
        let examples =
            try SpecVectors.load("commonmark-0.31.2.json") + SpecVectors.load("gfm-0.29-extensions.json")
            + SpecVectors.load("cmark-gfm-extensions.json")
        for example in examples {
            let runs = 2 + example.example % 4
            let splitting = example.example % 2 == 0 ? Self.concurrently(runs: runs) : Self.lastFirst(runs: runs)
            expectSameTree(example.markdown, splitting: splitting, "example \(example.example)")
        }
    }

    @Test("a generated document of every construct, definitions after their uses")
    func generatedDocument() {
        var random = SplitMix64(seed: 21)
        let pieces = [
            "A [reference link][ref-\(0)] and a [collapsed one][] and [shortcut].",
            "- [ ] an open task\n- [x] a done task with *emphasis* and `code`",
            "Footnote use[^note] and an undefined one[^missing].",
            "| a | b |\n| - | :-: |\n| *x* | [y](https://example.com/y \"title\") |",
            "www.example.com/path and someone@example.org and https://example.net.",
            "***strong emphasis*** with _under_scores_ and ~~struck~~ text&amp;entities&#x41;.",
            "<span class=\"x\">inline html</span> and <script>filtered</script>",
            "# Heading with [link](/a) {#custom-id}",
            "> quoted [collapsed one][] text\n> over two lines\\\n> with a hard break",
            "1. ordered\n2. list with **strong\n   continued** text",
            "Line with trailing spaces  \nand a soft\nbreak, `` code with ` backtick ``",
            "[![image](/i.png \"t\")](/target) and ![alt *text*][ref-1]",
        ]
        var text = ""
        for index in 0..<1_500 {
            text += pieces[Int(random.next() % UInt64(pieces.count))]
            text += index % 7 == 0 ? "\n\n---\n\n" : "\n\n"
        }
        text += "[ref-0]: /first \"First\"\n[ref-1]: /second\n[collapsed one]: /collapsed\n[shortcut]: <>\n\n"
        text += "[^note]: The note, with [a link](/note).\n"
        for runs in [2, 3, 8] {
            expectSameTree(text, splitting: Self.concurrently(runs: runs), "\(runs) runs")
            expectSameTree(text, splitting: Self.lastFirst(runs: runs), "\(runs) runs, last first")
        }
    }

    @Test("the real archive joined into one document, in runs, as one run parses it")
    func corpus() throws {
        try #require(SharedFolder.twirCorpus != nil || !SharedFolder.isCI, "corpus missing")
        guard let corpus = SharedFolder.twirCorpus else { return }
        let content = corpus.appendingPathComponent("content")
        let names = try FileManager.default.contentsOfDirectory(atPath: content.path).sorted()
            .filter { $0.hasSuffix(".md") || $0.hasSuffix(".markdown") }
        let text = try names.prefix(120).map {
            try String(contentsOf: content.appendingPathComponent($0), encoding: .utf8)
        }.joined(separator: "\n\n")
        expectSameTree(text, splitting: Self.concurrently(runs: 4), "120 issues")
    }

    @Test("a document shorter than the minimum parses in one run")
    func shortDocument() {
        let never = InlineSplitting(minimumLines: 100, runs: 4) { _, _ in
            Issue.record("a short document must not be split")
        }
        let document = MarkdownDocument(parsing: "one *line*\n\ntwo"[...], options: .gfm, splitting: never)
        #expect(HTMLRenderer().render(document) == "<p>one <em>line</em></p>\n<p>two</p>\n")
    }

    @Test("runs cut the leaves into at most so many consecutive, non-empty shares by length")
    func runBounds() {
        #expect(InlineSplitting.runBounds(of: [10, 10, 10, 10], count: 2) == [0..<2, 2..<4])
        #expect(InlineSplitting.runBounds(of: [100, 1, 1], count: 3) == [0..<1, 1..<2, 2..<3])
        #expect(InlineSplitting.runBounds(of: [1, 2], count: 8) == [0..<1, 1..<2])
        #expect(InlineSplitting.runBounds(of: [], count: 4) == [0..<0])
        #expect(InlineSplitting.runBounds(of: [0, 10], count: 2) == [0..<2])
        #expect(InlineSplitting.runBounds(of: [0, 0, 0], count: 3) == [0..<1, 1..<2, 2..<3])
        var random = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let sizes = (0..<Int(random.next() % 50)).map { _ in Int(random.next() % 1_000) }
            let count = 1 + Int(random.next() % 9)
            let bounds = InlineSplitting.runBounds(of: sizes, count: count)
            #expect(bounds.first?.lowerBound == 0 && bounds.last?.upperBound == sizes.count)
            #expect(zip(bounds, bounds.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(sizes.isEmpty || bounds.allSatisfy { !$0.isEmpty })
            #expect(bounds.count >= 1 && bounds.count <= max(1, min(count, sizes.count)))
        }
    }

    private func expectSameTree(
        _ text: String, splitting: InlineSplitting, _ comment: String,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let whole = MarkdownDocument(parsing: text[...], options: Self.everyExtension)
        let split = MarkdownDocument(parsing: text[...], options: Self.everyExtension, splitting: splitting)
        let wholeNodes = Self.describe(whole)
        let splitNodes = Self.describe(split)
        #expect(wholeNodes.count == splitNodes.count, "\(comment)", sourceLocation: sourceLocation)
        if let first = zip(wholeNodes, splitNodes).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset {
            Issue.record(
                "\(comment): node \(first) differs: \(wholeNodes[first]) vs \(splitNodes[first])",
                sourceLocation: sourceLocation)
        }
        #expect(
            HTMLRenderer().render(whole) == HTMLRenderer().render(split), "\(comment)", sourceLocation: sourceLocation)
    }

    /// Every node in storage order (which the split must keep too) with what it holds and the
    /// storage indices of its neighbours.
    private static func describe(_ document: MarkdownDocument) -> [String] {
        let tree = document.tree
        return tree.nodes.indices.map { index in
            let node = MarkdownNode(tree: tree, index: NodeIndex(index))
            let record = tree.nodes[index]
            return [
                "\(node.kind) \(node.range)", node.literal, node.destination ?? "-", node.title ?? "-",
                node.info ?? "-", node.headingID ?? "-", node.footnoteLabel ?? "-",
                "\(record.flags) \(record.number) \(record.marker)",
                "\(record.parent) \(record.firstChild) \(record.lastChild) \(record.next) \(record.previous)",
            ].joined(separator: " | ")
        }
    }
}
