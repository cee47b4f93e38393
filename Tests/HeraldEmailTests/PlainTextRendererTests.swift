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
