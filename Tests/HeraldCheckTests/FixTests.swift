import Foundation
import HeraldCheck
import HeraldCore
import HeraldMarkdown
import Testing

@Suite("herald check --fix")
struct FixTests {
    private let links = "## Updates from Rust Community\n\n### Observations/Thoughts\n\n"

    private func fixed(_ body: String) throws -> (text: String, left: CheckReport) {
        let fixture = try CheckFixture(draftBody: body)
        let linter = try fixture.linter()
        _ = try linter.applyFixes(from: linter.check(paths: [fixture.draftPath]))
        return (try fixture.draftText(), try fixture.check())
    }

    @Test("tracking parameters are removed and the rest of the address kept")
    func tracking() throws {
        let result = try fixed(links + "* [Ink](https://example.org/ink?utm_source=x&id=3&fbclid=y#part)\n")
        #expect(result.text == CheckFixture.header + links + "* [Ink](https://example.org/ink?id=3#part)\n")
        #expect(result.left.findings.isEmpty)
    }

    @Test("simpler addresses replace redirects, mobile hosts, http and highlight fragments")
    func simplifiable() throws {
        let body =
            links + "* [A](https://www.google.com/url?q=https%3A%2F%2Fexample.org%2Fa&sa=D)\n"
            + "* [B](https://m.youtube.com/watch?v=abc)\n* [C](http://docs.rs/ink/latest/ink/)\n"
            + "* [D](https://example.org/d#:~:text=ink)\n"
        let result = try fixed(body)
        #expect(
            result.text == CheckFixture.header + links + "* [A](https://example.org/a)\n"
                + "* [B](https://www.youtube.com/watch?v=abc)\n* [C](https://docs.rs/ink/latest/ink/)\n"
                + "* [D](https://example.org/d)\n")
    }

    @Test("mojibake is restored to the characters it once was; Latin text is untouched")
    func mojibake() throws {
        let result = try fixed("Ink â€” Ã©tÃ© Â\u{A0}ok ðŸ¦€ and a café in São Paulo.\n")
        #expect(result.text == CheckFixture.header + "Ink — été \u{A0}ok 🦀 and a café in São Paulo.\n")
        #expect(result.left.findings.isEmpty)
    }

    /// The folder read the draft with its byte-order mark dropped; the check reads its bytes again
    /// rather than take that text, whose offsets are three bytes short of the file's.
    @Test("a draft that starts with a byte-order mark keeps it, and the fix lands on the address")
    func byteOrderMark() throws {
        let fixture = try CheckFixture(draftBody: "")
        let text = CheckFixture.header + links + "* [Ink](https://example.org/ink?utm_source=x&id=3)\n"
        try fixture.writeDraft(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let linter = try fixture.linter()
        let report = linter.check(paths: [fixture.draftPath])
        let linkLine = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex {
            $0.hasPrefix("* [Ink]")
        }
        #expect(report.findings.map(\.problem.location?.line) == [linkLine.map { $0 + 1 }])
        _ = try linter.applyFixes(from: report)
        let expected = CheckFixture.header + links + "* [Ink](https://example.org/ink?id=3)\n"
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: fixture.draftPath))
                == Data([0xEF, 0xBB, 0xBF] + Array(expected.utf8)))
    }

    @Test("a file is replaced whole: no temporary file is left beside it")
    func atomic() throws {
        let fixture = try CheckFixture(draftBody: links + "* [Ink](https://example.org/?utm_source=x)\n")
        let linter = try fixture.linter()
        let results = try linter.applyFixes(from: linter.check(paths: [fixture.draftPath]))
        #expect(results.map(\.fixed.count) == [1])
        let siblings = try FileManager.default.contentsOfDirectory(
            atPath: fixture.root.appendingPathComponent("draft").path)
        #expect(siblings == ["2026-03-04-issue-12.md"])
    }
}
