import Foundation
import HeraldMarkdown
import Testing

@testable import HeraldEmail

/// The plain-text edition's blocks, one shape at a time.
struct PlainTextRendererTests {
    private func render(_ markdown: String) -> (lines: [String], references: [String]) {
        var renderer = PlainTextRenderer { $0.hasPrefix("/") ? "https://example.org" + $0 : $0 }
        let lines = renderer.lines(of: MarkdownDocument(parsing: markdown, options: .gfm))
        return (lines, renderer.referenceLines)
    }

    @Test func linksBecomeNumberedReferencesAndRepeatsShareANumber() {
        let (lines, references) = render(
            "Read [the post](https://a.example/post), [the notes](/notes) and [the post again](https://a.example/post)."
        )
        #expect(lines == ["Read the post [1], the notes [2] and the post again [1]."])
        #expect(references == ["[1] https://a.example/post", "[2] https://example.org/notes"])
    }

    @Test func autolinksStayInlineAndEmptyLinksKeepTheirWords() {
        let (lines, references) = render("See <https://b.example> and [a stub]().")
        #expect(lines == ["See https://b.example and a stub."])
        #expect(references.isEmpty)
    }

    /// Chinese has no spaces between words: lines break between characters by display width
    /// (two columns each), never before closing punctuation; the heading's rule is as wide as
    /// the heading looks.
    @Test func wideTextIsWrappedByDisplayWidth() {
        let sentence = "本周的社区更新包括新的编译器版本、异步运行时的改进，以及一篇关于所有权的长文。"
        let (lines, _) = render("## 社区更新\n\n" + String(repeating: sentence, count: 4))
        #expect(lines[0] == "社区更新")
        #expect(lines[1] == "========")
        let body = lines.dropFirst(3)
        #expect(body.count > 3)
        for line in body {
            #expect(TextWrapping.columns(of: line) <= 72, "\(line)")
            #expect(!line.hasPrefix("。") && !line.hasPrefix("，") && !line.hasPrefix("、"), "\(line)")
        }
        #expect(body.joined() == String(repeating: sentence, count: 4))
        #expect(TextWrapping.wrap("Rust 周报：第1期（二〇二五年）", width: 12) == ["Rust 周报：", "第1期（二〇", "二五年）"])
    }

    @Test func listsAreIndentedAndWrappedUnderTheirMarker() {
        let long = String(repeating: "word ", count: 20).trimmingCharacters(in: .whitespaces)
        let (lines, _) = render("1. first\n2. \(long)\n   - nested")
        #expect(lines[0] == "1. first")
        #expect(lines[1].hasPrefix("2. word"))
        #expect(lines.dropFirst(2).allSatisfy { $0.hasPrefix("   ") })
        #expect(lines.last == "   * nested")
        #expect(lines.allSatisfy { $0.count <= 72 })
    }

    @Test func headingsQuotesCodeAndTablesAreMarked() {
        let (lines, _) = render(
            """
            # Top

            ### Sub

            > quoted &amp; kept

                let x = 1

            | a | b |
            | - | - |
            | 1 | 2 |
            """)
        #expect(
            lines == [
                "Top", "===", "", "Sub", "---", "", "> quoted & kept", "", "    let x = 1", "", "a | b", "-----",
                "1 | 2",
            ])
    }

    @Test func rawHTMLBlocksKeepTheirWordsWithoutTagsCommentsOrEntities() {
        #expect(
            PlainTextRenderer.textOfHTML("<!-- hidden --><p align=\"center\">Fish &amp; chips</p>") == "Fish & chips")
        #expect(PlainTextRenderer.textOfHTML("<!-- only a comment -->").isEmpty)
    }

    @Test func aMailboxNameIsQuotedOrEncodedWhenItMustBe() {
        #expect(MailHeader.mailboxValue("Quill, Inc. <q@example.org>") == "\"Quill, Inc.\" <q@example.org>")
        #expect(MailHeader.mailboxValue("Quill <q@example.org>") == "Quill <q@example.org>")
        #expect(MailHeader.mailboxValue("Équipe <q@example.org>") == "=?UTF-8?B?w4lxdWlwZQ==?= <q@example.org>")
    }
}
