import Foundation
import HeraldCore
import HeraldMarkdown
import Testing

@testable import HeraldCheck

@Suite("herald check output formats")
struct ReportFormatTests {
    private func report() throws -> CheckReport {
        try CheckFixture.check(
            "## Updates from Rust Community\n\n### Observations/Thoughts\n\n"
                + "* [Ink, 50% off](https://example.org/ink?utm_source=x)\n* [Pens](https://github.com/quill/pens)\n")
    }

    @Test("text: location, severity, rule, the line with a caret, the fix and a summary by rule")
    func text() throws {
        let output = ReportFormat.text.render(try report())
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(
            lines[0].hasSuffix(
                "2026-03-04-issue-12.md:10:3: error: link carries tracking parameter 'utm_source' [tracking-parameter]")
        )
        #expect(lines[1] == " 10 | * [Ink, 50% off](https://example.org/ink?utm_source=x)")
        #expect(lines[2] == "    |   ^")
        #expect(lines[3] == "   = fix: use https://example.org/ink")
        #expect(output.contains("1 error, 1 warning in 1 file (1 checked)"))
        #expect(output.contains("     1  suspicious-link"))
        #expect(!output.contains("\u{1B}["))
        #expect(ReportFormat.text.render(try report(), colour: true).contains("\u{1B}[31;1merror:"))
    }

    @Test("json: an array of {file, line, column, severity, rule, message, fix}")
    func json() throws {
        let data = Data(ReportFormat.json.render(try report()).utf8)
        let array = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(Set(array[0].keys) == ["file", "line", "column", "severity", "rule", "message", "fix"])
        #expect(array[0]["rule"] as? String == "tracking-parameter")
        #expect(array[0]["line"] as? Int == 10)
        #expect(array[0]["column"] as? Int == 3)
        #expect(array[1]["severity"] as? String == "warning")
    }

    @Test("json: every key is present (null when absent) and any text survives escaping")
    func jsonNullsAndEscapes() throws {
        let message = "quote \" backslash \\ tab \t line\nfeed \u{1}\u{1F} é 🦀 </script>"
        let placed = Problem(
            .linkFormat, severity: .error, file: "a \"b\".md",
            location: HeraldMarkdown.SourceLocation(line: 3, column: 7),
            message: message, fix: "use \\n")
        let unplaced = Problem(.unknownRule, severity: .warning, message: "no place")
        let output = ReportFormat.json.render(
            CheckReport(findings: [Finding(problem: placed), Finding(problem: unplaced)]))
        let array = try #require(
            try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
        #expect(array.count == 2)
        #expect(array[0]["message"] as? String == message)
        #expect(array[0]["file"] as? String == "a \"b\".md")
        #expect(array[0]["fix"] as? String == "use \\n")
        #expect(array[0]["line"] as? Int == 3)
        #expect(array[0]["column"] as? Int == 7)
        for key in ["file", "line", "column", "fix"] {
            #expect(array[1][key] is NSNull, "\(key) is null")
        }
        #expect(output.contains(#""message": "quote \" backslash \\ tab \t line\nfeed \u0001\u001f é 🦀 </script>""#))
        #expect(ReportFormat.json.render(CheckReport()) == "[]\n")
    }

    @Test("github: workflow commands with escaped properties and data")
    func github() throws {
        let lines = ReportFormat.github.render(try report()).split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines[0].hasPrefix("::error file="))
        #expect(
            lines[0].contains(
                ",line=10,col=3,title=tracking-parameter::link carries tracking parameter 'utm_source'; use https://example.org/ink"
            ))
        #expect(lines[1].hasPrefix("::warning "))
        #expect(GitHubReport.escapeProperty("a:b,c%\n") == "a%3Ab%2Cc%25%0A")
    }

    @Test("markdown: findings grouped by file in a table, with inert cells")
    func markdown() throws {
        let output = ReportFormat.markdown.render(try report())
        #expect(output.hasPrefix("### herald check: 1 error(s), 1 warning(s)\n"))
        #expect(output.contains("2026-03-04-issue-12.md`\n\n| Line | Severity | Rule | Problem | Fix |"))
        #expect(
            output.contains("| 10 | ❌ error | `tracking-parameter` | link carries tracking parameter 'utm\\_source' |"))
        #expect(MarkdownReport.cell("a|b <i>") == "a\\|b \\<i\\>")
    }

    @Test("every format written out is its text's UTF-8, colour or not")
    func writtenOut() throws {
        let report = try report()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("herald-report-\(UUID())").path
        defer { unlink(path) }
        for format in ReportFormat.allCases {
            for colour in [false, true] {
                let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
                try #require(descriptor >= 0)
                try format.write(report, colour: colour, to: WritableFile(descriptor: descriptor))
                close(descriptor)
                let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
                #expect(!bytes.isEmpty)
                #expect(bytes == Array(format.render(report, colour: colour).utf8), "\(format) colour \(colour)")
            }
        }
    }
}
