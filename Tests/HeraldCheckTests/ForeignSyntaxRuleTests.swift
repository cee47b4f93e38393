import Foundation
import HeraldCheck
import HeraldCore
import HeraldMarkdown
import Testing

@Suite("herald check: foreign-syntax")
struct ForeignSyntaxRuleTests {
    @Test("A shortcode is named at its line and column, with what it is and what to do instead")
    func location() throws {
        let report = try CheckFixture.check("Ink:\n\nSee {{< figure src=\"ink.png\" >}} here.\n")
        let finding = try #require(report.findings(of: .foreignSyntax).first)
        let headerLines = CheckFixture.header.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(finding.problem.location == SourceLocation(line: headerLines + 3, column: 5))
        #expect(finding.severity == .warning)
        #expect(
            finding.problem.message
                == "Hugo shortcode 'figure' is left out of the page: Herald does not run other generators' syntax")
        #expect(finding.problem.fix?.hasPrefix("write what it produces in Markdown or HTML") == true)
    }

    @Test("Each construct of a pair is reported; what is between them is not")
    func pairs() throws {
        let report = try CheckFixture.check("{% note() %}\nA note with {{ braces }}.\n{% end %}\n")
        let foreign = report.findings(of: .foreignSyntax)
        #expect(foreign.map { $0.problem.location?.column } == [1, 1])
        #expect(foreign.allSatisfy { $0.problem.message.hasPrefix("Zola shortcode") })
        #expect(report.findings.count == 2, "\(report.findings.map(\.problem.description))")
    }

    @Test("A fix on a line that also holds a shortcode edits the bytes its finding names")
    func fixBesideShortcode() throws {
        let links = "## Updates from Rust Community\n\n### Observations/Thoughts\n\n"
        let fixture = try CheckFixture(
            draftBody: links + "* {{< badge >}} [Ink](https://example.org/ink?utm_source=x&id=3) {{< end >}}\n")
        let linter = try fixture.linter()
        let report = linter.check(paths: [fixture.draftPath])
        let tracking = try #require(report.findings(of: .trackingParameter).first)
        let headerLines = CheckFixture.header.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(tracking.problem.location == SourceLocation(line: headerLines + 5, column: 17))
        _ = try linter.applyFixes(from: report)
        #expect(
            try fixture.draftText()
                == CheckFixture.header + links + "* {{< badge >}} [Ink](https://example.org/ink?id=3) {{< end >}}\n")
    }

    @Test("An MDX file's statements and components are reported, and not as raw HTML")
    func mdx() throws {
        let fixture = try CheckFixture(draftBody: "", configuration: "[content]\ninclude = [\"*.mdx\"]\n")
        let path = fixture.root.appendingPathComponent("content/2026-03-11-ink.mdx").path
        let text = """
            ---
            title: This Week in Quill 13
            number: 13
            date: 2026-03-11
            ---
            import Chart from './Chart'

            <Chart data={[1, 2]} />

            Ink <b>bold</b>.

            """
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        let report = try fixture.linter().check(paths: [path], options: CheckOptions())
        let foreign = report.findings(of: .foreignSyntax)
        #expect(foreign.map { $0.problem.location?.line } == [6, 8])
        #expect(foreign.first?.problem.message.hasPrefix("MDX import statement is left out") == true)
        #expect(foreign.last?.problem.message.hasPrefix("MDX component <Chart> is left out") == true)
        #expect(report.findings(of: .rawHTML).isEmpty)
    }
}
