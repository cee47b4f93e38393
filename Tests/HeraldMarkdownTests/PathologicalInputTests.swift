import Foundation
import HeraldMarkdown
import Testing

/// The shapes of `shared/spec/README.md` ("Pathological inputs") that make naive Markdown parsers
/// quadratic or blow the stack. Sizes keep a debug build fast; speed itself is measured by the
/// benchmark, not here. Each test checks the output exactly (every expected string was checked
/// against `cmark-gfm` at these sizes), so an engine that survives by giving up shows up too.
@Suite("Pathological inputs")
struct PathologicalInputTests {
    /// Repetitions for the shapes that are about time.
    static let n = 3_000
    /// Depth for the shapes that are about recursion: far beyond what a recursive parser or
    /// renderer survives on a thread's stack.
    static let depth = 50_000

    @Test("Nested strong and emphasis")
    func nestedEmphasis() {
        let n = Self.n
        let markdown = repeated("*a **a ", n) + "b" + repeated(" a** a*", n)
        let expected = "<p>" + repeated("<em>a <strong>a ", n) + "b" + repeated(" a</strong> a</em>", n) + "</p>\n"
        expectHTML(render(markdown), expected)
    }

    @Test(
        "Delimiters and brackets that never match stay literal text",
        arguments: [
            "a_ ",  // closers with no openers
            "_a ",  // openers with no closers
            "a]",  // link closers alone
            "[a",  // link openers alone
            "*a_ ",  // mismatched openers and closers
            "[ a_",
            "[ (](",
            "[a](<b",  // unclosed link destinations
            "[a](b",
        ]
    )
    func unmatched(pattern: String) {
        let markdown = repeated(pattern, Self.n)
        expectHTML(render(markdown), paragraph(ofLiteral: markdown))
    }

    @Test("The multiple-of-3 rule: `**` that can open and close never pairs with `*`")
    func multipleOfThree() {
        let markdown = "a**b" + repeated("c* ", Self.n)
        expectHTML(render(markdown), paragraph(ofLiteral: markdown))
    }

    @Test("Nested brackets, 50,000 deep, are literal text")
    func nestedBrackets() {
        let depth = Self.depth
        let markdown = repeated("[", depth) + "a" + repeated("]", depth)
        expectHTML(render(markdown), "<p>" + markdown + "</p>\n")
    }

    @Test("Nested brackets with a destination make one link around the innermost text")
    func nestedBracketsAsLink() {
        // Links may not contain links, so only the innermost `[a](/u)` is one; the rest stays text.
        let depth = Self.depth
        let markdown = repeated("[", depth) + "a](/u)" + repeated("]", depth - 1)
        let expected = "<p>" + repeated("[", depth - 1) + "<a href=\"/u\">a</a>" + repeated("]", depth - 1) + "</p>\n"
        expectHTML(render(markdown), expected)
    }

    @Test("Block quotes nested 50,000 deep")
    func nestedBlockQuotes() {
        let depth = Self.depth
        let document = MarkdownDocument(parsing: repeated("> ", depth) + "a")
        let html = HTMLRenderer(options: HTMLRenderOptions(headingIDs: false)).render(document)
        expectHTML(html, repeated("<blockquote>\n", depth) + "<p>a</p>\n" + repeated("</blockquote>\n", depth))

        let quotes = document.root.descendants.filter { $0.kind == .blockQuote }.count
        #expect(quotes == depth)
    }

    @Test("Lists nested 1,000 deep")
    func nestedLists() {
        let depth = 1_000
        var markdown = ""
        for level in 0..<depth {
            markdown += String(repeating: " ", count: 2 * level) + "* a\n"
        }
        let expected =
            repeated("<ul>\n<li>a\n", depth - 1) + "<ul>\n<li>a</li>\n</ul>\n" + repeated("</li>\n</ul>\n", depth - 1)
        expectHTML(render(markdown), expected)
    }

    @Test("Backtick runs of every length from 1 to 1,000 never close each other")
    func backtickRuns() {
        var markdown = ""
        for length in 1...1_000 {
            markdown += "e" + String(repeating: "`", count: length)
        }
        expectHTML(render(markdown), paragraph(ofLiteral: markdown))
    }

    @Test("Backtick runs still pair with a run of the same length after thousands of others")
    func backtickRunsPairAcrossDistance() {
        var markdown = "`x"
        for length in 2...1_000 {
            markdown += "e" + String(repeating: "`", count: length)
        }
        markdown += " y`"
        let html = render(markdown)
        #expect(html.prefix(10) == "<p><code>x")
        #expect(html.suffix(14) == " y</code></p>\n")
    }

    @Test("Link reference definitions whose labels collide in a naive hash")
    func collidingReferenceLabels() {
        // Anagrams of one another: the same bytes in another order, so a byte-sum hash gives them all one bucket.
        let labels = Array(permutations(of: Array("abcdefg")).prefix(Self.n)).map { String($0) }
        var markdown = ""
        var expected = ""
        for (index, label) in labels.enumerated() {
            markdown += "[\(label)]: /u\(index)\n\n[\(label)]\n\n"
            expected += "<p><a href=\"/u\(index)\">\(label)</a></p>\n"
        }
        #expect(Set(labels).count == Self.n)
        expectHTML(render(markdown), expected)
    }

    @Test("Tables with odd line endings (GFM)")
    func tablesWithOddLineEndings() {
        let n = Self.n
        let html = render(repeated("aaa\rbbb\n-\u{0B}\n", n), options: .gfm)
        // Whatever becomes a table, every line's text must come out, in order.
        #expect(html.components(separatedBy: "aaa").count - 1 == n)
        #expect(html.components(separatedBy: "bbb").count - 1 == n)
        #expect(html.components(separatedBy: "<table>").count - 1 <= 1)
    }

    @Test("A vertical tab counts as space around a delimiter cell, as in cmark-gfm")
    func verticalTabInDelimiterRow() {
        let html = render("aaa\rbbb\n-\u{0B}\naaa\rbbb\n-\u{0B}\n", options: .gfm)
        let expected = """
            <p>aaa</p>
            <table>
            <thead>
            <tr>
            <th>bbb</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td>aaa</td>
            </tr>
            <tr>
            <td>bbb</td>
            </tr>
            <tr>
            <td>-\u{0B}</td>
            </tr>
            </tbody>
            </table>

            """
        expectHTML(html, expected)
    }

    @Test("NUL becomes U+FFFD in text, code and link attributes")
    func nulBytes() {
        let markdown = "a\0b\n\n```\nx\0y\n```\n\n[l\0](/u\0 \"t\0\")\n"
        let expected = """
            <p>a\u{FFFD}b</p>
            <pre><code>x\u{FFFD}y
            </code></pre>
            <p><a href="/u%EF%BF%BD" title="t\u{FFFD}">l\u{FFFD}</a></p>

            """
        expectHTML(render(markdown), expected)
        #expect(render(bytes: Array("a\0b".utf8)) == "<p>a\u{FFFD}b</p>\n")
    }

    @Test("Invalid UTF-8 becomes U+FFFD, one per maximal invalid subpart")
    func invalidUTF8() {
        // A lone 0xFF; a lead byte cut short by `(`; a truncated 3-byte sequence; an encoded
        // surrogate; a code point above U+10FFFF; an overlong `/`. Same result as cmark-gfm, and the
        // substitution Unicode recommends (and Swift's own decoding performs).
        let bytes: [UInt8] =
            [0x61, 0xFF, 0x62, 0xC3, 0x28, 0x63, 0xE2, 0x82, 0x64, 0xED, 0xA0, 0x80, 0x65]
            + [0xF4, 0x90, 0x80, 0x80, 0x66, 0xC0, 0xAF, 0x67]
        let r = "\u{FFFD}"
        let expected = "<p>a\(r)b\(r)(c\(r)d\(r)\(r)\(r)e\(r)\(r)\(r)\(r)f\(r)\(r)g</p>\n"
        #expect(render(bytes: bytes) == expected)
    }

    @Test("NUL, invalid bytes and line ends are found at every position of the eight-byte scans")
    func scansAtEveryAlignment() {
        // The validation and the line splitting test eight bytes at a time; a byte of interest at
        // each offset within and across a word, after runs of ASCII and of multi-byte text.
        for prefix in ["", "é"] {
            for length in 0..<20 {
                let run = prefix + String(repeating: "a", count: length)
                #expect(render(run + "\0b") == "<p>\(run)\u{FFFD}b</p>\n", "NUL after \(length)")
                #expect(render(bytes: Array(run.utf8) + [0xFF, 0x62]) == "<p>\(run)\u{FFFD}b</p>\n")
                #expect(render(run + "é") == "<p>\(run)é</p>\n")
                #expect(render(bytes: Array(run.utf8) + [0x62]) == "<p>\(run)b</p>\n")
                #expect(render(run + "x\ny") == "<p>\(run)x\ny</p>\n")
                #expect(render(run + "x\r\n\r\ny") == "<p>\(run)x</p>\n<p>y</p>\n")
                #expect(render(run + "x\ry") == "<p>\(run)x\ny</p>\n")
            }
        }
    }

    @Test("An invalid byte at the very end of the input is replaced too")
    func invalidUTF8AtEnd() {
        #expect(render(bytes: [0x61, 0xFF]) == "<p>a\u{FFFD}</p>\n")
        #expect(render(bytes: [0x61, 0xE2, 0x82]) == "<p>a\u{FFFD}</p>\n")
    }

    @Test(
        "Inputs that crashed the engine under scripts/fuzz.sh render as cmark-gfm renders them",
        arguments: fuzzRegressions
    )
    func fuzzRegression(_ regression: FuzzRegression) async {
        // In a child process, so that a crash fails this case instead of ending the whole run.
        await #expect(processExitsWith: .success) {
            [markdown = regression.markdown as String, html = regression.html as String] in
            let rendered = render(markdown)
            precondition(rendered == html, "rendered as \(rendered.debugDescription), not \(html.debugDescription)")
        }
    }

    @Test("Rendering to bytes gives valid UTF-8 for any input")
    func renderedBytesAreValidUTF8() {
        let bytes: [UInt8] = [0x2A, 0xFF, 0x2A, 0x0A, 0x3E, 0x20, 0xC0, 0x00, 0x0A, 0x60, 0xED, 0xBF, 0xBF, 0x60]
        let rendered = HTMLRenderer(options: HTMLRenderOptions(headingIDs: false))
            .renderBytes(MarkdownDocument(parsing: bytes, options: .gfm))
        #expect(String(validating: rendered, as: UTF8.self) != nil)
        #expect(!rendered.contains(0))
    }
}

// MARK: - Helpers

/// An input `scripts/fuzz.sh` found crashing, with the HTML cmark-gfm gives for it.
struct FuzzRegression: Sendable, CustomTestStringConvertible {
    let markdown: String
    let html: String

    var testDescription: String { markdown.debugDescription }
}

private let fuzzRegressions: [FuzzRegression] = [
    // A last line of spaces with no line ending (index out of range in the thematic-break check).
    FuzzRegression(markdown: " ", html: ""),
    FuzzRegression(markdown: "  ", html: ""),
    FuzzRegression(markdown: "a\n ", html: "<p>a</p>\n"),
    FuzzRegression(markdown: "``E``\n\n\n ", html: "<p><code>E</code></p>\n"),
    FuzzRegression(markdown: "- a\n  ", html: "<ul>\n<li>a</li>\n</ul>\n"),
    FuzzRegression(markdown: "> a\n> ", html: "<blockquote>\n<p>a</p>\n</blockquote>\n"),
]

/// Compares HTML and, when it differs, reports where and a little context rather than both
/// strings in full: these are hundreds of kilobytes.
private func expectHTML(
    _ actual: String,
    _ expected: String,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
    guard actual != expected else { return }
    let got = Array(actual.utf8)
    let want = Array(expected.utf8)
    var offset = 0
    while offset < min(got.count, want.count), got[offset] == want[offset] { offset += 1 }
    func context(_ bytes: [UInt8]) -> String {
        let start = max(0, offset - 40)
        let end = min(bytes.count, offset + 80)
        return String(decoding: bytes[start..<end], as: UTF8.self).debugDescription
    }
    Issue.record(
        """
        HTML differs at byte \(offset) (got \(got.count) bytes, expected \(want.count)):
             got: …\(context(got))…
        expected: …\(context(want))…
        """,
        sourceLocation: sourceLocation
    )
}

private func repeated(_ text: String, _ count: Int) -> String {
    String(repeating: text, count: count)
}

private func render(_ markdown: String, options: ParseOptions = .commonMark) -> String {
    HTMLRenderer(options: HTMLRenderOptions(headingIDs: false))
        .render(MarkdownDocument(parsing: markdown, options: options))
}

private func render(bytes: [UInt8]) -> String {
    HTMLRenderer(options: HTMLRenderOptions(headingIDs: false))
        .render(MarkdownDocument(parsing: bytes, options: .commonMark))
}

/// The HTML of a single paragraph holding `text` with no markup: trailing spaces dropped, `<` escaped.
private func paragraph(ofLiteral text: String) -> String {
    var text = Substring(text)
    while text.last == " " { text.removeLast() }
    return "<p>" + text.replacingOccurrences(of: "<", with: "&lt;") + "</p>\n"
}

/// Permutations of `elements` in lexicographic order of positions, generated lazily.
private func permutations<Element>(of elements: [Element]) -> UnfoldSequence<[Element], [Int]?> {
    sequence(state: Optional(Array(elements.indices))) { state -> [Element]? in
        guard var indices = state else { return nil }
        let current = indices.map { elements[$0] }
        // Next permutation of `indices`, or the end.
        guard let pivot = indices.indices.dropLast().last(where: { indices[$0] < indices[$0 + 1] }) else {
            state = nil
            return current
        }
        let successor = indices.indices.last(where: { indices[$0] > indices[pivot] })!
        indices.swapAt(pivot, successor)
        indices[(pivot + 1)...].reverse()
        state = indices
        return current
    }
}
