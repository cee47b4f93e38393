import Dispatch
import Foundation
import HeraldTestSupport
import Testing

@testable import HeraldMarkdown

/// A long document parsed in runs (``ParseSplitting``), its blocks and then its inlines, gives the
/// tree one run gives: every node with its kind, place, payload and neighbours, and so the same HTML.
@Suite("Parsing in runs")
struct ParseSplittingTests {
    private static let everyExtension = ParseOptions(extensions: [
        .table, .strikethrough, .autolink, .taskList, .tagFilter, .footnotes, .headingAttributes,
    ])

    /// Runs every index on the cores, as Herald does.
    private static func concurrently(runs: Int) -> ParseSplitting {
        ParseSplitting(minimumLines: 0, runs: runs) { count, body in
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
    }

    /// Runs the indices one after another, first first, each finished before the next starts and
    /// told so: every run writes its HTML straight out, a later one after the runs before it.
    private static func inOrder(runs: Int) -> ParseSplitting {
        ParseSplitting(minimumLines: 0, runs: runs) { count, body in
            for index in 0..<count { body(index) }
        } performInOrder: { count, body, finish in
            for index in 0..<count {
                body(index) { true }
                finish(index)
            }
        }
    }

    /// Runs the indices one after another, last first: the joined tree must not depend on
    /// which run finishes first.
    private static func lastFirst(runs: Int) -> ParseSplitting {
        ParseSplitting(minimumLines: 0, runs: runs) { count, body in
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
        var text = Self.pick(from: pieces, count: 1_500, seed: 21) { $0 % 7 == 0 ? "\n\n---\n\n" : "\n\n" }
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

    @Test("blocks read in runs cut at headings join into the tree one run reads")
    func blockRuns() {
        let text = Self.blockDocument(lineBreak: "\n")
        for runs in [2, 3, 8] {
            #expect(Self.readsBlocksInRuns(text, splitting: Self.lastFirst(runs: runs)), "\(runs) runs")
            expectSameTree(text, splitting: Self.concurrently(runs: runs), "\(runs) runs")
            expectSameTree(text, splitting: Self.lastFirst(runs: runs), "\(runs) runs, last first")
        }
        for lineBreak in ["\r\n", "\r"] {
            let other = Self.blockDocument(lineBreak: lineBreak)
            #expect(Self.readsBlocksInRuns(other, splitting: Self.lastFirst(runs: 4)), "line break \(lineBreak.utf8)")
            expectSameTree(other, splitting: Self.lastFirst(runs: 4), "line break \(lineBreak.utf8)")
        }
        let marked = "\u{FEFF}" + text
        #expect(Self.readsBlocksInRuns(marked, splitting: Self.lastFirst(runs: 3)))
        expectSameTree(marked, splitting: Self.lastFirst(runs: 3), "byte-order mark")
        // Without footnote definitions, streamed HTML parses and writes each run on its own thread.
        let noNotes = Self.blockDocument(lineBreak: "\n", footnotes: false)
        for runs in [2, 3, 8] {
            expectSameTree(noNotes, splitting: Self.concurrently(runs: runs), "\(runs) runs, no notes")
            expectSameTree(noNotes, splitting: Self.lastFirst(runs: runs), "\(runs) runs, no notes, last first")
            expectSameTree(noNotes, splitting: Self.inOrder(runs: runs), "\(runs) runs, no notes, written through")
        }
        expectSameTree("\u{FEFF}" + noNotes, splitting: Self.lastFirst(runs: 3), "byte-order mark, no notes")
        #expect(Self.readsBlocksInRuns(noNotes, splitting: Self.lastFirst(runs: 3)))
        expectSameTree(String(noNotes.dropLast()), splitting: Self.lastFirst(runs: 3), "no final line break")
        // Generated heading ids follow the document's order: their runs are joined and written in one thread.
        let renderer = HTMLRenderer(options: HTMLRenderOptions(headingIDs: true))
        var streamed: [UInt8] = []
        renderer.streamHTML(
            parsing: Array(noNotes.utf8), options: Self.everyExtension, splitting: Self.concurrently(runs: 3)
        ) { streamed.append(contentsOf: $0) }
        let whole = renderer.render(MarkdownDocument(parsing: noNotes, options: Self.everyExtension))
        #expect(String(decoding: streamed, as: UTF8.self) == whole)
    }

    @Test("a later run's first block gets the newline one writer would have put after the HTML before it")
    func newlineBetweenRuns() {
        let tree = SyntaxTree(extensions: [])
        let cases: [(before: UInt8?, html: String)] = [
            (nil, "<hr />\n"), (UInt8(ascii: "\n"), "<hr />\n"), (UInt8(ascii: ">"), "\n<hr />\n"),
        ]
        for (before, html) in cases {
            var writer = HTMLWriter(tree: tree, options: HTMLRenderOptions())
            writer.followUnseenOutput()
            writer.newlineIfNeeded()
            writer.put("<hr />\n")
            var lastByte = before
            var written: [UInt8] = []
            writer.takeOutput(after: &lastByte) { written.append(contentsOf: $0) }
            #expect(String(decoding: written, as: UTF8.self) == html, "after \(before.map(String.init) ?? "nothing")")
            #expect(lastByte == UInt8(ascii: "\n"))
        }
    }

    @Test(
        "a cut inside a fenced code block or an HTML block is found out and the document read in one run",
        arguments: ["```sh\n", "~~~\n", "<pre>\n", "<!--\n", "<script>\n", "- item\n\n  ```\n"])
    func openBlockAtACut(opening: String) {
        // One block open over the whole middle, its text full of headings after blank lines.
        var text = "# Start\n\nText.\n\n" + opening
        for index in 0..<400 { text += "\n# comment \(index)\nline \(index)\n" }
        text += "\n## After\n\nMore text, [a link][ref].\n\n[ref]: /ref\n"
        if opening.hasPrefix("- ") {
            // Nested in an item, the fence closes with it at the first heading: cuts are safe.
            #expect(Self.readsBlocksInRuns(text, splitting: Self.lastFirst(runs: 4)))
        } else {
            #expect(!Self.readsBlocksInRuns(text, splitting: Self.lastFirst(runs: 4)))
        }
        expectSameTree(text, splitting: Self.concurrently(runs: 4), opening)
        expectSameTree(text, splitting: Self.lastFirst(runs: 2), opening)
    }

    @Test("every spec example, one after another between headings, in two to eight runs")
    func specExamplesBetweenHeadings() throws {
        try #require(SpecVectors.isAvailable || !SpecVectors.isRequired, "spec vectors missing")
        guard SpecVectors.isAvailable else { return }
        let examples =
            try SpecVectors.load("commonmark-0.31.2.json") + SpecVectors.load("gfm-0.29-extensions.json")
            + SpecVectors.load("cmark-gfm-extensions.json")
        // In groups, so an example that leaves a block open spoils only its group's cuts.
        for group in stride(from: 0, to: examples.count, by: 40) {
            let text = examples[group..<min(group + 40, examples.count)].map {
                "# Example \($0.example)\n\n\($0.markdown)\n\n"
            }.joined()
            for runs in [2, 5, 8] {
                expectSameTree(text, splitting: Self.lastFirst(runs: runs), "examples from \(group), \(runs) runs")
            }
        }
    }

    @Test("the places runs of blocks start: headings in the first column after a blank line")
    func runStarts() {
        func starts(_ text: String, runs: Int) -> [Int] {
            Array(text.utf8).withUnsafeBufferPointer { BlockParser.runStarts(in: $0, from: 0, count: runs) }
        }
        let line = "first line of text"
        #expect(starts(line + "\n\n# b\n", runs: 2) == [0, 20])
        #expect(starts(line + "\r\n\r\n## b\r\n", runs: 2) == [0, 22])
        #expect(starts(line + "\r\r###### b", runs: 2) == [0, 20])
        #expect(starts(line + "\n \t\n# b", runs: 2) == [0, 22])
        #expect(starts(line + "\n\n#", runs: 2) == [0, 20])
        // Not a heading, not in the first column, not after a blank line, or seven marks.
        #expect(starts(line + "\n\n#b\n", runs: 2) == [0])
        #expect(starts(line + "\n\n # b\n", runs: 2) == [0])
        #expect(starts(line + "\nb\n# c\n", runs: 2) == [0])
        #expect(starts(line + "\n\n####### b\n", runs: 2) == [0])
        // Each run starts after the one before, and never more runs than places.
        #expect(starts("# a\n\n# b\n\n# c\n\n# d\n", runs: 8) == [0, 5, 10, 15])
    }

    @Test("a document shorter than the minimum parses in one run")
    func shortDocument() {
        let never = ParseSplitting(minimumLines: 100, runs: 4) { _, _ in
            Issue.record("a short document must not be split")
        }
        let document = MarkdownDocument(parsing: "one *line*\n\ntwo"[...], options: .gfm, splitting: never)
        #expect(HTMLRenderer().render(document) == "<p>one <em>line</em></p>\n<p>two</p>\n")
    }

    @Test("a mapped document's runs are released once counted, once read for their definitions, and once written")
    func mappedRunsAreReleased() {
        let noNotes = Self.blockDocument(lineBreak: "\n", footnotes: false)
        let runs = Array(noNotes.utf8).withUnsafeBufferPointer {
            BlockParser.runStarts(in: $0, from: 0, count: 4).count
        }
        #expect(runs == 4)
        let (html, released) = Self.streamedMapped(noNotes, splitting: Self.inOrder(runs: 4))
        #expect(html == HTMLRenderer().render(MarkdownDocument(parsing: noNotes, options: Self.everyExtension)))
        #expect(released.count == 3 * runs)
        // Every byte is let go at the end, the last stretch last (it is written last).
        let last = Dictionary(grouping: released, by: \.lowerBound)
        #expect(last.count == runs && last.values.allSatisfy { $0.count == 3 })
        #expect(released.last?.upperBound == noNotes.utf8.count)
        #expect(last.values.map { $0[0].count }.reduce(0, +) == noNotes.utf8.count)
        // A footnote definition is found in the first reading: the runs are then read as one tree,
        // their stretches released only by the first two passes.
        let notes = Self.blockDocument(lineBreak: "\n")
        let withNotes = Self.streamedMapped(notes, splitting: Self.inOrder(runs: 4))
        #expect(withNotes.html == HTMLRenderer().render(MarkdownDocument(parsing: notes, options: Self.everyExtension)))
        #expect(withNotes.released.count == 2 * 4)
    }

    @Test("bytes that need repair, in a later run of a mapped document, are repaired as a read one's are")
    func mappedRunNeedingRepair() {
        let text = Self.blockDocument(lineBreak: "\n", footnotes: false)
        var bytes = Array(text.utf8)
        // A NUL and a stray continuation byte near the end, in the last run.
        bytes.insert(0, at: bytes.count - 10)
        bytes.insert(0x80, at: bytes.count - 5)
        let read = HTMLRenderer().render(MarkdownDocument(parsing: bytes, options: Self.everyExtension))
        #expect(read.contains("\u{FFFD}"))
        var streamed: [UInt8] = []
        bytes.withUnsafeBufferPointer { bytes in
            _ = HTMLRenderer().streamHTML(
                parsingMapped: bytes, options: Self.everyExtension, splitting: Self.concurrently(runs: 4),
                release: { _ in }
            ) { streamed.append(contentsOf: $0) }
        }
        #expect(String(decoding: streamed, as: UTF8.self) == read)
    }

    @Test("runs cut the leaves into at most so many consecutive, non-empty shares by length")
    func runBounds() {
        #expect(ParseSplitting.runBounds(of: [10, 10, 10, 10], count: 2) == [0..<2, 2..<4])
        #expect(ParseSplitting.runBounds(of: [100, 1, 1], count: 3) == [0..<1, 1..<2, 2..<3])
        #expect(ParseSplitting.runBounds(of: [1, 2], count: 8) == [0..<1, 1..<2])
        #expect(ParseSplitting.runBounds(of: [], count: 4) == [0..<0])
        #expect(ParseSplitting.runBounds(of: [0, 10], count: 2) == [0..<2])
        #expect(ParseSplitting.runBounds(of: [0, 0, 0], count: 3) == [0..<1, 1..<2, 2..<3])
        var random = SplitMix64(seed: 7)
        for _ in 0..<200 {
            let sizes = (0..<Int(random.next() % 50)).map { _ in Int(random.next() % 1_000) }
            let count = 1 + Int(random.next() % 9)
            let bounds = ParseSplitting.runBounds(of: sizes, count: count)
            #expect(bounds.first?.lowerBound == 0 && bounds.last?.upperBound == sizes.count)
            #expect(zip(bounds, bounds.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
            #expect(sizes.isEmpty || bounds.allSatisfy { !$0.isEmpty })
            #expect(bounds.count >= 1 && bounds.count <= max(1, min(count, sizes.count)))
        }
    }

    /// Whether `text` has its blocks read in runs (and not again in one run after a bad cut).
    private static func readsBlocksInRuns(_ text: String, splitting: ParseSplitting) -> Bool {
        let tree = SyntaxTree(extensions: everyExtension.extensions)
        return Array(text.utf8).withUnsafeBufferPointer { bytes in
            var parser = BlockParser(tree: tree, bytes: bytes)
            return parser.readBlocksInRuns(splitting: splitting)
        }
    }

    /// Every block construct next to headings where runs may start: lists tight and loose, items
    /// left open by a blank line, indented code ending in blank lines, footnote definitions,
    /// tables, quotes, HTML blocks, setext headings, and definitions used before, in and after
    /// the runs that define them (one label defined twice, in two runs).
    private static func blockDocument(lineBreak: String, footnotes: Bool = true) -> String {
        var pieces = [
            "- tight\n- list [ref-a]\n",
            "- loose\n\n- list\n\n",
            "1. item with a blank line after\n\n",
            "    indented code\n\n\n",
            "[^n1]: A footnote definition[^n1].\n\n    with more in it\n",
            "| a | b |\n| :- | -: |\n| [ref-b] | x |\n",
            "> a quote\nlazy line\n",
            "<div>\nhtml block\n</div>\n",
            "<custom-tag>\n",
            "Setext heading\n---\n",
            "[ref-a]: /a-first \"First\"\n",
            "[ref-a]: /a-second\n",
            "[ref-b]: /b\n\nText using [ref-a] and [ref-b].\n",
            "```\nfenced\n```\n",
            "Paragraph *with* `code`.\n",
        ]
        if !footnotes { pieces.removeAll { $0.hasPrefix("[^") } }
        let text = pick(from: pieces, count: 600, seed: 5) { $0 % 3 == 0 ? "\n## Heading \($0)\n\n" : "\n" }
        return lineBreak == "\n" ? text : text.replacingOccurrences(of: "\n", with: lineBreak)
    }

    /// `count` pieces drawn from `pieces` with a seeded generator, each followed by what
    /// `separator` gives for its position.
    private static func pick(
        from pieces: [String], count: Int, seed: UInt64, separator: (Int) -> String
    ) -> String {
        var random = SplitMix64(seed: seed)
        var text = ""
        for index in 0..<count {
            text += pieces[Int(random.next() % UInt64(pieces.count))]
            text += separator(index)
        }
        return text
    }

    private func expectSameTree(
        _ text: String, splitting: ParseSplitting, _ comment: String,
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
        let html = HTMLRenderer().render(whole)
        #expect(html == HTMLRenderer().render(split), "\(comment)", sourceLocation: sourceLocation)
        // Streamed, with the runs parsed and written on their own threads where the document allows.
        for pieceSize in [1, 1 << 16] {
            var streamed: [UInt8] = []
            HTMLRenderer().streamHTML(
                parsing: Array(text.utf8), options: Self.everyExtension, pieceSize: pieceSize, splitting: splitting
            ) { streamed.append(contentsOf: $0) }
            #expect(
                String(decoding: streamed, as: UTF8.self) == html, "\(comment), streamed in pieces of \(pieceSize)",
                sourceLocation: sourceLocation)
        }
        // Streamed from a mapped file's bytes: the runs read twice, none, one or all of them kept
        // from the first reading.
        for kept in [0, 1, splitting.runs] {
            var keeping = splitting
            keeping.keptRuns = kept
            let (html:mapped, _) = Self.streamedMapped(text, splitting: keeping)
            #expect(mapped == html, "\(comment), mapped, \(kept) runs kept", sourceLocation: sourceLocation)
        }
    }

    /// The HTML `text` streams to as a mapped file's bytes, and the stretches released, in order.
    private static func streamedMapped(
        _ text: String, splitting: ParseSplitting, pieceSize: Int = 1 << 16
    ) -> (html: String, released: [Range<Int>]) {
        let released = ReleasedStretches()
        var streamed: [UInt8] = []
        Array(text.utf8).withUnsafeBufferPointer { bytes in
            _ = HTMLRenderer().streamHTML(
                parsingMapped: bytes, options: everyExtension, pieceSize: pieceSize, splitting: splitting,
                release: released.add
            ) { streamed.append(contentsOf: $0) }
        }
        return (String(decoding: streamed, as: UTF8.self), released.stretches)
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

/// The stretches a mapped parse releases, from whichever thread.
private final class ReleasedStretches: Sendable {
    private let lock = NSLock()
    nonisolated(unsafe) private var list: [Range<Int>] = []

    var stretches: [Range<Int>] { lock.withLock { list } }

    @Sendable func add(_ stretch: Range<Int>) {
        lock.withLock { list.append(stretch) }
    }
}
