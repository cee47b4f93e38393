import Dispatch
import Foundation
import Testing

@testable import HeraldMarkdown

/// ``NodeRecord`` keeps a heading's id, a link's or image's title and a code block's info string
/// in room those kinds leave unused, not in a field every node pays for.
@Suite struct NodeRecordTests {
    @Test("a node is 56 bytes")
    func nodeSize() {
        #expect(MemoryLayout<NodeRecord>.stride == 56)
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
