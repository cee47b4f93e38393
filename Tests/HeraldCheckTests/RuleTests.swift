import HeraldCheck
import HeraldCore
import HeraldMarkdown
import Testing

/// One rule's pair of examples: a draft body that must make it fire and the same thing in
/// the good form, which must keep it quiet.
struct RuleCase: CustomTestStringConvertible, Sendable {
    let rule: ProblemCode
    let bad: String
    let good: String
    var configuration: String?
    var options = CheckOptions()

    var testDescription: String { rule.rawValue }
}

private let links = "## Updates from Rust Community\n\n### Observations/Thoughts\n\n"
private let events = "## Upcoming Events\n\nRusty Events between 2026-03-04 - 2026-04-01\n\n### Virtual\n\n"
private let speakers = "## Call for Participation; projects and speakers\n\n### CFP - Events\n\n"
private let event =
    "* 2026-03-05 | Virtual (Berlin, DE) | [Quill Berlin](https://example.org/berlin)\n"
    + "    * [**Ink and Learn**](https://example.org/berlin/1)\n"

let ruleCases: [RuleCase] = [
    RuleCase(
        rule: .duplicateLink, bad: links + "* [Old news](https://www.example.org/featured-before/)\n",
        good: links + "* [New news](https://example.org/new)\n"),
    RuleCase(
        rule: .trackingParameter, bad: links + "* [Ink](https://example.org/ink?utm_source=twiq&id=3)\n",
        good: links + "* [Ink](https://example.org/ink?id=3)\n"),
    RuleCase(
        rule: .malformedURL, bad: links + "* [Ink](ftp://example.org/ink)\n* [Pens](github.com/quill/pens)\n",
        good: links + "* [Ink](https://example.org/ink)\n"),
    RuleCase(
        rule: .simplifiableURL, bad: links + "* [Ink](http://github.com/quill/ink/releases/tag/v1)\n",
        good: links + "* [Ink](https://github.com/quill/ink/releases/tag/v1)\n"),
    RuleCase(
        rule: .suspiciousLink, bad: links + "* [Quill ink](https://github.com/quill/ink)\n",
        good: links + "* [Quill ink 1.0 released](https://github.com/quill/ink/releases/tag/v1.0)\n"),
    RuleCase(
        rule: .linkFormat, bad: links + "* Read [this](https://example.org/ink) now\n",
        good: links + "* [Read this](https://example.org/ink)\n"),
    RuleCase(
        rule: .unknownPrefix, bad: links + "* [vid] [Ink talk](https://example.org/talk)\n",
        good: links + "* [video] [DE] [Ink talk](https://example.org/talk)\n"),
    RuleCase(
        rule: .truncatedTitle,
        bad: links
            + "* [Why every calligrapher should learn to mix their own iron gall ink at…](https://example.org/a)\n",
        good: links + "* [Why every calligrapher should learn to mix ink](https://example.org/a)\n"),
    RuleCase(
        rule: .unknownSection, bad: "## Upcomming Evnts\n\nNothing.\n", good: "## Upcoming Events\n\nNothing.\n"),
    RuleCase(
        rule: .untypedContent,
        bad: links + "* [Ink](https://example.org/ink)\n\nAnd a thread on [nibs](https://example.org/nibs).\n",
        good: links + "Two links this week:\n\n* [Ink](https://example.org/ink)\n* [Nibs](https://example.org/nibs)\n"),
    RuleCase(
        rule: .eventFormat,
        bad: events + event + "* 2026-03-06 | [Quill Paris](https://example.org/paris)\n",
        good: events + event),
    RuleCase(
        rule: .eventOutOfWindow,
        bad: events + event.replacingOccurrences("2026-03-05", "2026-05-20"), good: events + event),
    RuleCase(
        rule: .eventOrder,
        bad: events + event.replacingOccurrences("2026-03-05", "2026-03-09") + event,
        good: events + event + event.replacingOccurrences("2026-03-05", "2026-03-09")),
    RuleCase(
        rule: .eventRegion, bad: events.replacingOccurrences("### Virtual", "### Atlantis") + event,
        good: events + event),
    RuleCase(
        rule: .cfpEventFormat,
        bad: speakers + "* [**InkConf**](https://example.org/cfp) | Deadline: 30 November | Oslo, NO | spring\n",
        good: speakers
            + "* [**InkConf**](https://example.org/cfp) | Closes 2026-03-20 | Oslo, NO | Event date: 2026-05-02\n"),
    RuleCase(
        rule: .codeSpan, bad: "Use `ink::mix() to mix.\n", good: "Use `ink::mix()` to mix, and write \\` for a tick.\n"),
    RuleCase(
        rule: .rawHTML, bad: "Ink <script>alert(1)</script> here.\n", good: "Ink<br>here, <sup>1</sup>.\n"),
    RuleCase(
        rule: .foreignSyntax, bad: "Ink {{< figure src=\"ink.png\" >}} here.\n",
        good: "Ink `{{< figure >}}` and {{ title }} here.\n"),
    RuleCase(rule: .mojibake, bad: "Ink â€” the good kind.\n", good: "Ink — the good kind, café crème.\n"),
    RuleCase(
        rule: .bannedHost, bad: links + "* [Paywalled](https://paywall.example.com/ink)\n",
        good: links + "* [Free](https://example.org/ink)\n",
        configuration: "[check.sections.\"Observations/Thoughts\"]\nbanned_hosts = [\"example.com\"]\n"),
    RuleCase(
        rule: .closedSection,
        bad:
            "## Updates from Rust Community\n\n### Project/Tooling Updates\n\n* [Ink 2.0](https://example.org/ink-2)\n",
        good: links + "* [Ink 2.0](https://example.org/ink-2)\n", options: CheckOptions(contributor: .outside)),
]

@Suite("herald check rules")
struct RuleTests {
    @Test("each rule fires on its bad example", arguments: ruleCases)
    func fires(_ example: RuleCase) throws {
        let report = try CheckFixture.check(example.bad, configuration: example.configuration, options: example.options)
        #expect(report.rules.contains(example.rule.rawValue), "\(report.rules)")
    }

    @Test("each rule stays quiet on the good form", arguments: ruleCases)
    func quiet(_ example: RuleCase) throws {
        let report = try CheckFixture.check(
            example.good, configuration: example.configuration, options: example.options)
        #expect(report.findings.isEmpty, "\(report.findings.map(\.problem.description))")
    }

    @Test("every rule has a case here, except those with tests of their own")
    func everyRuleCovered() {
        let covered = Set((ruleCases + dialectCases).map(\.rule)).union([.metadata, .invalidUTF8, .deadLink])
        #expect(Set(CheckRule.all.map(\.id)) == covered)
    }

    @Test("an organiser whose name holds a '|' is still a linked organiser")
    func pipeInOrganiser() throws {
        let report = try CheckFixture.check(
            events + "* 2026-03-05 | Berlin, DE | [Quill | Berlin](https://example.org/berlin)\n"
                + "    * [**Ink**](https://example.org/berlin/2)\n")
        #expect(report.findings.isEmpty, "\(report.findings.map(\.problem.description))")
    }

    @Test("text after links is the issue's style when over a fifth of the entries have it, and not reported")
    func describedStyle() throws {
        let described =
            links + "* [Ink](https://example.org/ink). A crate for ink.\n* [Pens](https://example.org/pens). Pens.\n"
            + "* [Nibs](https://example.org/nibs)\n"
        #expect(try CheckFixture.check(described).findings.isEmpty)
        let modern =
            links + "* [Ink](https://example.org/ink). A crate for ink.\n* [Pens](https://example.org/pens)\n"
            + "* [Nibs](https://example.org/nibs)\n* [Caps](https://example.org/caps)\n* [Pots](https://example.org/pots)\n"
        #expect(
            try CheckFixture.check(modern).findings(of: .linkFormat).map(\.problem.message) == [
                "entry has text after its link"
            ])
    }

    @Test("a duplicate names the earlier issue and its line")
    func duplicateMessage() throws {
        let report = try CheckFixture.check(links + "* [Again](http://example.org//featured-before?utm_medium=rss)\n")
        let finding = try #require(report.findings(of: .duplicateLink).first)
        #expect(finding.problem.message == "link already featured in issue 11 (2026-02-25), line 10")
        #expect(finding.problem.location?.line == 10)
        #expect(finding.problem.location?.column == 3)
    }

    @Test("a link twice in one issue is a duplicate")
    func duplicateInIssue() throws {
        let report = try CheckFixture.check(
            links + "* [One](https://example.org/x)\n\n### Rust Walkthroughs\n\n* [Two](https://example.org/x/)\n")
        #expect(report.findings(of: .duplicateLink).map(\.problem.message) == ["link already in this issue, line 10"])
    }

    @Test("metadata: a number that disagrees with the title, or that another issue has")
    func metadata() throws {
        let fixture = try CheckFixture(draftBody: "Hello.\n")
        try fixture.writeDraft(
            bytes: Array("Title: This Week in Quill 12\nNumber: 11\nDate: 2026-03-04\n\nHello.\n".utf8))
        let messages = try fixture.check().findings(of: .metadata).map(\.problem.message)
        #expect(messages.contains("Number is 11, but the title ends with 12"))
        #expect(messages.contains { $0.hasPrefix("issue number 11 is also used by") })
        try fixture.writeDraft(bytes: Array("Title: This Week in Quill 12\n\nHello.\n".utf8))
        let missing = try fixture.check().findings(of: .metadata)
        #expect(missing.count == 1)
        #expect(missing.first?.problem.message == "the issue has no date")
    }

    @Test("metadata: a slug that would put the page or the email files outside their folder, at its line")
    func slugThatEscapes() throws {
        let fixture = try CheckFixture(draftBody: "Hello.\n")
        try fixture.writeDraft(
            bytes: Array("Title: Special\nDate: 2026-03-04\nSlug: ../../../../tmp/x\n\nHello.\n".utf8))
        let findings = try fixture.check().findings(of: .metadata)
        #expect(findings.count == 1)
        #expect(findings.first?.problem.location?.line == 3)
        #expect(findings.first?.problem.message.contains("would leave its folder") == true)
        try fixture.writeDraft(bytes: Array("Title: Special\nDate: 2026-03-04\nSlug: a/b\n\nHello.\n".utf8))
        let emailName = try fixture.check().findings(of: .metadata)
        #expect(emailName.map(\.problem.location?.line) == [3], "no number, so the slug names the .eml: no '/'")
        try fixture.writeDraft(bytes: Array("Title: Special\nDate: 2026-03-04\nSlug: special-edition\n\nHello.\n".utf8))
        #expect(try fixture.check().findings(of: .metadata).isEmpty)
    }

    @Test("invalid UTF-8 is reported at its byte, and the rest of the file is still checked")
    func invalidUTF8() throws {
        let fixture = try CheckFixture(draftBody: "")
        let text = CheckFixture.header + "Ink \u{FFFF}\n* [Ink](https://example.org/?fbclid=1)\n"
        var bytes = Array(text.utf8)
        let position = bytes.firstIndex(of: 0xEF)!
        bytes.replaceSubrange(position..<position + 3, with: [0xC3, 0x28])
        try fixture.writeDraft(bytes: bytes)
        let report = try fixture.check()
        let invalid = try #require(report.findings(of: .invalidUTF8).first)
        #expect(invalid.problem.message == "byte \(position) (0xC3) is not valid UTF-8")
        #expect(invalid.problem.location?.line == 6)
        #expect(invalid.problem.location?.column == 5)
        #expect(report.rules.contains("tracking-parameter"))
        #expect(report.findings.allSatisfy { $0.edit == nil })
    }

    @Test("herald-ignore silences one rule on the next line only")
    func ignoreDirective() throws {
        let report = try CheckFixture.check(
            links + "<!-- herald-ignore suspicious-link -->\n* [Ink](https://github.com/quill/ink)\n"
                + "* [Pens](https://github.com/quill/pens)\n")
        #expect(report.findings(of: .suspiciousLink).map { $0.problem.location?.line } == [12])
    }

    @Test("[check.rules] turns a rule off or changes its severity, and unknown rules are reported")
    func ruleSettings() throws {
        let body = links + "* [Ink](https://github.com/quill/ink)\n* [vid] [Pens](https://example.org/pens)\n"
        let report = try CheckFixture.check(
            body,
            configuration:
                "[check.rules]\nsuspicious-link = \"off\"\nunknown-prefix = \"warning\"\nno-such-rule = \"error\"\n")
        #expect(report.findings(of: .suspiciousLink).isEmpty)
        #expect(report.findings(of: .unknownPrefix).map(\.severity) == [.warning])
        #expect(report.problems.map(\.message) == ["[check.rules] names no rule 'no-such-rule'"])
        #expect(report.problems.first?.location?.line == 4)
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        replacing(target, with: replacement)
    }
}
