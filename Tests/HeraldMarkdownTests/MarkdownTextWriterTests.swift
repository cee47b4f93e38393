import Testing

@testable import HeraldMarkdown

/// The writer checked by the engine itself: what it writes must parse back to the text it was given.
@Suite struct MarkdownTextWriterTests {
    private let writer = MarkdownTextWriter()

    /// Pieces that are markup somewhere: delimiters, brackets, code, entities, tags, escapes.
    private static let pieces = [
        "*", "**", "_", "__", "~", "~~", "`", "``", "[", "]", "(", ")", "<", ">", "&", "\\", "!", "#", "|", ":",
        "a", "b", "word", "x_y", " ", " ", "é", "1.", "&amp;", "&#65;", "&#x41;", "&bogus", "<a>", "</b>",
        "<!--", "<?", "<http://e.org>", "[x](y)", "[r]", "![i](j)", "\\*", "\\\\", "\"", "'", "\u{A0}", "—",
    ]

    /// Deterministic strings of up to twelve pieces: a failure is reproduced by its seed.
    private static func samples(count: Int) -> [String] {
        var state: UInt64 = 0x5EED_2026_C0FF_EE00
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (value ^ (value >> 31)) >> 1)
        }
        return (0..<count).map { _ in
            (0..<(1 + next() % 12)).map { _ in pieces[next() % pieces.count] }.joined()
        }
    }

    /// The one paragraph of `markdown`, parsed as the site parses.
    private func paragraph(_ markdown: String, options: ParseOptions = .gfm) -> MarkdownNode? {
        let root = MarkdownDocument(parsing: markdown, options: options).root
        guard let block = root.firstChild, block.nextSibling == nil, block.kind == .paragraph else { return nil }
        return block
    }

    /// The text of `node`'s inline children when they are all text, else `nil`.
    private func onlyText(_ node: MarkdownNode) -> String? {
        var text = ""
        for child in node.children {
            guard child.kind == .text else { return nil }
            text += child.literal
        }
        return text
    }

    @Test func linkTextReadsBackAsTheSameText() {
        for sample in Self.samples(count: 3000) {
            let expected = MarkdownTextWriter.oneLine(sample)
            let markdown = "* [" + writer.linkText(sample) + "](https://example.org/)"
            let root = MarkdownDocument(parsing: markdown, options: .gfm).root
            let link = root.descendants.first { $0.kind == .link }
            #expect(link?.destination == "https://example.org/", "\(sample.debugDescription) → \(markdown)")
            #expect(link.flatMap(onlyText) == expected, "\(sample.debugDescription) → \(markdown)")
        }
    }

    @Test func plainTextReadsBackAsTheSameText() {
        // Bare addresses become links under the autolink extension whatever is escaped.
        let options = ParseOptions(extensions: MarkdownExtension.gfm.subtracting([.autolink]))
        for sample in Self.samples(count: 3000) {
            let expected = "Said: " + MarkdownTextWriter.oneLine(sample) + " (end)"
            let markdown = "Said: " + writer.text(sample) + " (end)"
            let text = paragraph(markdown, options: options).flatMap(onlyText)
            #expect(text == expected, "\(sample.debugDescription) → \(markdown)")
        }
    }

    @Test func codeSpansKeepTheirContentAsItIs() {
        for content in Self.samples(count: 2000) + ["`", " a ", "  ", "``a`"] {
            let markdown = "x " + writer.codeSpan(content) + " y"
            let code = paragraph(markdown)?.children.first { $0.kind == .code }
            #expect(code?.literal == content, "\(content.debugDescription) → \(markdown)")
        }
    }

    @Test func linkTitlesReadBackAsTheSameTitle() {
        for sample in Self.samples(count: 2000) {
            let markdown = "[a](https://example.org/ " + writer.linkTitle(sample) + ")"
            let link = paragraph(markdown)?.firstChild
            #expect(link?.kind == .link, "\(sample.debugDescription) → \(markdown)")
            #expect(link?.title == MarkdownTextWriter.oneLine(sample), "\(sample.debugDescription) → \(markdown)")
        }
    }

    @Test func destinationsReadBackAsTheSameAddress() {
        for url in [
            "https://e.org/a_(b)", "https://e.org/a)b", "https://e.org/a b", "https://e.org/?a=1&amp;b",
            "https://e.org/<x>", "https://e.org/a\\*", "https://e.org/`x`",
        ] {
            let markdown = "[a](" + writer.destination(url) + ")"
            let link = paragraph(markdown)?.firstChild
            #expect(link?.kind == .link, "\(url) → \(markdown)")
            #expect(link?.destination?.removingPercentEncodingForTest == url, "\(url) → \(markdown)")
        }
    }

    @Test func titlesAreWrittenAsEditorsWriteThem() {
        #expect(
            writer.linkText(keepingCodeSpans: "Tracking Issue for `dropping_{references,copy_types}`")
                == "Tracking Issue for `dropping_{references,copy_types}`")
        #expect(
            writer.linkText(keepingCodeSpans: "Allow #[must_use] on associated types")
                == "Allow #[must_use] on associated types")
        let raw = "Fix proc_macro::Ident 's handling of $crate"
        #expect(writer.linkText(raw) == raw)
        #expect(writer.linkText("impl *const T for <T as Trait>") == "impl *const T for \\<T as Trait>")
        #expect(writer.linkText("a *b* c") == "a \\*b\\* c")
        #expect(writer.linkText("see [docs](x) and ]") == "see \\[docs\\](x) and \\]")
        #expect(writer.linkText("a & b &amp; c") == "a & b \\&amp; c")
        #expect(writer.linkText("`code` span") == "\\`code\\` span")
        #expect(writer.codeSpan("a`b") == "``a`b``")
        #expect(writer.link("Rust", to: nil) == "Rust")
    }

    @Test func titlesKeepTheirCodeSpansAsCode() throws {
        let title = "Stabilize `*const T` and *pointers* with `a\\b`"
        let markdown = "[" + writer.linkText(keepingCodeSpans: title) + "](https://e.org/)"
        let link = try #require(paragraph(markdown)?.firstChild)
        // Adjacent text nodes (the parser may split text at an escape) read as one.
        var parts: [(kind: MarkdownNode.Kind, text: String)] = []
        for child in link.children {
            if child.kind == .text, parts.last?.kind == .text {
                parts[parts.count - 1].text += child.literal
            } else {
                parts.append((child.kind, child.literal))
            }
        }
        #expect(parts.map(\.kind) == [.text, .code, .text, .code])
        #expect(parts.map(\.text) == ["Stabilize ", "*const T", " and *pointers* with ", "a\\b"])
    }
}

extension String {
    /// The address with `%XX` turned back into the characters the writer encoded.
    fileprivate var removingPercentEncodingForTest: String {
        var result = ""
        var rest = self[...]
        while let percent = rest.firstIndex(of: "%") {
            result += rest[..<percent]
            let hex = rest[rest.index(after: percent)...].prefix(2)
            if hex.count == 2, let value = UInt8(hex, radix: 16) {
                result.unicodeScalars.append(Unicode.Scalar(value))
                rest = rest[rest.index(percent, offsetBy: 3)...]
            } else {
                result.append("%")
                rest = rest[rest.index(after: percent)...]
            }
        }
        return result + rest
    }
}
