import Dispatch
import Foundation
import Testing

@testable import HeraldMarkdown

/// ``NodeRecord`` keeps a heading's id, a link's or image's title and a code block's info string
/// in room those kinds leave unused, not in a field every node pays for.
@Suite struct NodeRecordTests {
    @Test("a node is 48 bytes")
    func nodeSize() {
        #expect(MemoryLayout<NodeRecord>.stride == 48)
    }

    /// A range the record cannot hold (a column past 2,047, a block of more than a thousand
    /// lines) is kept by the tree, and reads back the same, in one run or four.
    @Test("ranges too wide for a record read back exactly")
    func wideRangesReadBack() throws {
        let long = String(repeating: "a", count: 3_000) + " [x](/y)"
        let list = (1...1_500).map { "- item \($0)" }.joined(separator: "\n")
        let text = long + "\n\n" + list + "\n\n# End\n"
        let inRuns = ParseSplitting(minimumLines: 0, runs: 4) { count, body in
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
        func at(_ line: Int, _ column: Int) -> HeraldMarkdown.SourceLocation {
            HeraldMarkdown.SourceLocation(line: line, column: column)
        }
        for document in [
            MarkdownDocument(parsing: text),
            MarkdownDocument(parsing: text[...], options: .commonMark, splitting: inRuns),
        ] {
            let nodes = Array(document.root.descendants)
            let link = try #require(nodes.first { $0.kind == .link })
            #expect(link.range == SourceRange(start: at(1, 3_002), end: at(1, 3_008)))
            #expect(nodes.first { $0.kind == .paragraph }?.range == SourceRange(start: at(1, 1), end: at(1, 3_008)))
            let listNode = try #require(nodes.first { $0.kind == .list })
            #expect(listNode.range == SourceRange(start: at(3, 1), end: at(1_502, 11)))
            let items = nodes.filter { $0.kind == .item }
            #expect(items.last?.range == SourceRange(start: at(1_502, 1), end: at(1_502, 11)))
            #expect(nodes.last { $0.kind == .heading }?.range == SourceRange(start: at(1_504, 1), end: at(1_504, 5)))
            #expect(document.root.range.end.line == 1_504)
        }
    }

    @Test("ids, titles and info strings read back beside levels, destinations and code, in one run or four")
    func extraTextReadsBack() throws {
        let block = """
            ### Heading {#the-id}

            A [link](/destination "Link title") and ![image](/picture.png 'Image title') and [plain](/p).

            ```rust title
            let code = 1;
            ```

            ## Second
            """
        let text = (0..<40).map { block.replacingOccurrences(of: "the-id", with: "id-\($0)") }
            .joined(separator: "\n\n")
        let options = ParseOptions(extensions: [.headingAttributes])
        let inRuns = ParseSplitting(minimumLines: 0, runs: 4) { count, body in
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        }
        for document in [
            MarkdownDocument(parsing: text, options: options),
            MarkdownDocument(parsing: text[...], options: options, splitting: inRuns),
        ] {
            let nodes = Array(document.root.descendants)
            let headings = nodes.filter { $0.kind == .heading }
            #expect(headings.map(\.headingLevel) == Array(repeating: [3, 2], count: 40).flatMap { $0 })
            #expect(headings.map(\.headingID) == (0..<40).flatMap { ["id-\($0)", nil] })
            let links = nodes.filter { $0.kind == .link || $0.kind == .image }
            #expect(
                links.map(\.destination)
                    == Array(repeating: ["/destination", "/picture.png", "/p"], count: 40).flatMap { $0 })
            #expect(
                links.map(\.title) == Array(repeating: ["Link title", "Image title", ""], count: 40).flatMap { $0 })
            let code = nodes.filter { $0.kind == .codeBlock }
            #expect(code.map(\.info) == Array(repeating: "rust title", count: 40))
            #expect(code.map(\.literal) == Array(repeating: "let code = 1;\n", count: 40))
        }
    }
}
