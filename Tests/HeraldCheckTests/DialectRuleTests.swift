import Foundation
import HeraldCheck
import HeraldCore
import HeraldMarkdown
import HeraldTestSupport
import Testing

private let migrating = CheckOptions(migrating: true)

/// Each `dialect-*` rule's bad and good forms, checked with `--migrating`.
let dialectCases: [RuleCase] = [
    RuleCase(
        rule: .dialectListStart, bad: "Read these:\n* [Ink](https://example.org/ink)\n",
        good: "Read these:\n\n* [Ink](https://example.org/ink)\n", options: migrating),
    RuleCase(
        rule: .dialectListIndent, bad: "* Ink\n  * Pens\n", good: "* Ink\n    * Pens\n", options: migrating),
    RuleCase(
        rule: .dialectOverIndent, bad: "* Ink\n      * Pens\n", good: "* Ink\n    * Pens\n", options: migrating),
    RuleCase(
        rule: .dialectEmptyReference, bad: "See [ink].\n\n[ink]:\n[pens]: https://example.org/pens\n",
        good: "See [ink].\n\n[ink]:\n    https://example.org/ink\n[pens]: https://example.org/pens\n",
        options: migrating),
    RuleCase(
        rule: .dialectDuplicateReference,
        bad: "See [ink].\n\n[ink]: https://example.org/ink\n[Ink]: https://example.org/pens\n",
        good: "See [ink].\n\n[ink]: https://example.org/ink\n[Ink]: https://example.org/ink\n", options: migrating),
    RuleCase(
        rule: .dialectSplitLink, bad: "See [the ink]\n(https://example.org/ink).\n",
        good: "See [the ink](https://example.org/ink) [today] (not a link).\n", options: migrating),
    RuleCase(
        rule: .dialectScript, bad: "<script>alert(1)</script>\n\nInk.\n", good: "Ink `<script>`.\n",
        configuration: "[check]\nallowed_html = [\"script\"]\n", options: migrating),
    RuleCase(
        rule: .dialectAttributes, bad: "## Ink {.wide}\n\n[Pens](https://example.org/pens){: .new}\n",
        good: "## Ink {#ink}\n\n## Ink {#ink} and pens\n\n[Pens](https://example.org/pens) {in braces}\n",
        configuration: "[check.rules]\nunknown-section = \"off\"\n", options: migrating),
]

@Suite("herald check --migrating: the dialect-* rules")
struct DialectRuleTests {
    @Test("each dialect rule fires on its bad example", arguments: dialectCases)
    func fires(_ example: RuleCase) throws {
        let report = try CheckFixture.check(
            example.bad, configuration: example.configuration, options: example.options)
        #expect(Set(report.rules) == [example.rule.rawValue], "\(report.findings.map(\.problem.description))")
    }

    @Test("each dialect rule stays quiet on the good form", arguments: dialectCases)
    func quiet(_ example: RuleCase) throws {
        let report = try CheckFixture.check(
            example.good, configuration: example.configuration, options: example.options)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.problem.description))")
    }

    @Test("without --migrating the dialect rules are off", arguments: dialectCases)
    func offByDefault(_ example: RuleCase) throws {
        let report = try CheckFixture.check(example.bad, configuration: example.configuration)
        #expect(report.findings(of: example.rule).isEmpty)
    }

    @Test("a finding names the line and column of the place")
    func location() throws {
        let report = try CheckFixture.check("* Ink\n* Pens\n  * Nibs\n", options: migrating)
        let finding = try #require(report.findings(of: .dialectListIndent).first)
        let headerLines = CheckFixture.header.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(finding.problem.location?.line == headerLines + 3)
        #expect(finding.problem.location?.column == 3)
        #expect(finding.severity == .warning)
    }

    @Test("a list in a list item, a list after a heading, two markers on a line and code are left alone")
    func quietPlaces() throws {
        let body = """
            ## Ink
            * [Ink](https://example.org/ink)
                * four spaces deep
                    * eight spaces deep

            ```
            Text
            * in code {#id}
            [a]:
            ```

            [Pens][pens] and [^1]
            (an aside), then [pens]
            (another aside)

            * * *emphasis in an item in an item*

            [pens]: https://example.org/pens
            [^1]: A footnote.

            """
        let report = try CheckFixture.check(body, options: migrating)
        let dialect = report.findings.filter { $0.rule.rawValue.hasPrefix("dialect-") }
        #expect(dialect.isEmpty, "\(dialect.map(\.problem.description))")
    }

    @Test(
        "the fixes make both dialects agree",
        arguments: [
            ("Read:\n* Ink\n", "Read:\n\n* Ink\n"),
            ("* Ink\n  * Pens\n    more pens\n  * Nibs\n", "* Ink\n    * Pens\n      more pens\n    * Nibs\n"),
            ("1. Ink\n   * Pens\n", "1. Ink\n    * Pens\n"),
            ("* Ink\n      * Pens\n", "* Ink\n    * Pens\n"),
            ("See [ink]\n(https://example.org/ink).\n", "See [ink](https://example.org/ink).\n"),
            ("See [ink] [i]\n\n[i]: https://example.org/ink\n", "See [ink][i]\n\n[i]: https://example.org/ink\n"),
            ("See [ink][\ni]\n\n[i]: https://example.org/ink\n", "See [ink][i]\n\n[i]: https://example.org/ink\n"),
        ])
    func fixes(_ example: (bad: String, fixed: String)) throws {
        let fixture = try CheckFixture(draftBody: example.bad)
        let linter = try fixture.linter()
        var report = linter.check(paths: [fixture.draftPath], options: migrating)
        // A nested list's items are fixed in one run each, parents first.
        for _ in 0..<3 where report.findings.contains(where: { $0.edit != nil }) {
            _ = try linter.applyFixes(from: report)
            report = linter.check(paths: [fixture.draftPath], options: migrating)
        }
        #expect(try fixture.draftText() == CheckFixture.header + example.fixed)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.problem.description))")
    }

    @Test(
        "the whole This Week in Rust archive is checked, with plausible counts",
        .enabled(if: SharedFolder.url != nil || SharedFolder.isCI, "needs ../shared/corpus/twir"))
    func corpus() throws {
        let shared = try #require(SharedFolder.url, "../shared is missing; CI needs it")
        let folder = try NewsletterFolder(at: shared.appendingPathComponent("corpus/twir"))
        let report = Linter(folder: folder).check(files: folder.allIssues, options: migrating)
        var counts: [String: Int] = [:]
        for finding in report.findings where finding.rule.rawValue.hasPrefix("dialect-") {
            counts[finding.rule.rawValue, default: 0] += 1
        }
        print("dialect findings over \(folder.allIssues.count) issues: \(counts.sorted { $0.key < $1.key })")
        #expect(folder.allIssues.count > 600)
        for rule in CheckRule.all where rule.isForMigration {
            let count = counts[rule.id.rawValue, default: 0]
            #expect(count < 2_000, "\(rule.id.rawValue): \(count)")
        }
        for rule in [
            ProblemCode.dialectListStart, .dialectListIndent, .dialectEmptyReference,
            .dialectDuplicateReference, .dialectOverIndent,
        ] {
            #expect(counts[rule.rawValue, default: 0] > 0, "\(rule.rawValue) found nothing")
        }
    }
}
