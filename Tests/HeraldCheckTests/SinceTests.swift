import Foundation
import HeraldCheck
import HeraldCore
import HeraldMarkdown
import HeraldTestSupport
import Testing

@Suite("herald check --since")
struct SinceTests {
    private func git(_ arguments: [String], in folder: URL) throws {
        let result = try TestProcess.run(
            program: "git",
            ["-C", folder.path, "-c", "user.name=Test", "-c", "user.email=test@example.org"] + arguments)
        try #require(result.status == 0, "git \(arguments.joined(separator: " ")) failed: \(result.standardError)")
    }

    @Test("only problems added since the revision are reported, though lines moved")
    func newOnly() throws {
        let links = "## Updates from Rust Community\n\n### Observations/Thoughts\n\n"
        let fixture = try CheckFixture(draftBody: links + "* [Old](https://example.org/old?utm_source=a)\n")
        try git(["init", "-q"], in: fixture.root)
        try git(["add", "."], in: fixture.root)
        try git(["commit", "-q", "-m", "draft"], in: fixture.root)
        try fixture.writeDraft(
            bytes: Array(
                (CheckFixture.header + links + "* [New](https://example.org/new?fbclid=b)\n"
                    + "* [Old](https://example.org/old?utm_source=a)\n").utf8))
        let linter = try fixture.linter()
        let all = linter.check(paths: [fixture.draftPath])
        #expect(all.findings(of: .trackingParameter).count == 2)
        let new = try linter.check(paths: [fixture.draftPath], since: GitRevision("HEAD"))
        #expect(new.findings.map(\.problem.message) == ["link carries tracking parameter 'fbclid'"])
        #expect(new.findings.first?.problem.location?.line == 10)
    }

    @Test("a file that did not exist at the revision is new throughout")
    func newFile() throws {
        let fixture = try CheckFixture(draftBody: "Ink â€” ok.\n")
        try git(["init", "-q"], in: fixture.root)
        try git(["commit", "-q", "--allow-empty", "-m", "empty"], in: fixture.root)
        let report = try fixture.linter().check(paths: [fixture.draftPath], since: GitRevision("HEAD"))
        #expect(report.rules == ["mojibake"])
    }

    @Test("an unknown revision is an error naming it")
    func unknownRevision() throws {
        let fixture = try CheckFixture(draftBody: "Hello.\n")
        try git(["init", "-q"], in: fixture.root)
        #expect {
            try fixture.linter().check(paths: [fixture.draftPath], since: GitRevision("no-such-branch"))
        } throws: { error in
            (error as? HeraldError)?.problems.first?.message.hasPrefix("'no-such-branch' is not a git revision") == true
        }
    }
}
