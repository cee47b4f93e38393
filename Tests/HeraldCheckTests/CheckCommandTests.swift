import Foundation
import HeraldTestSupport
import Testing

/// `herald check` as a user runs it: the built executable, its exit status and its output.
@Suite("herald check on the command line")
struct CheckCommandTests {
    private func run(_ arguments: [String]) throws -> ProcessRun {
        try HeraldBinary.run(arguments)
    }

    @Test("exit 1 on an error, 0 with only warnings, 1 with warnings under --strict, 2 on bad usage")
    func exitCodes() throws {
        _ = try HeraldBinary.locatedExecutable()
        let links = "## Updates from Rust Community\n\n### Observations/Thoughts\n\n"
        let bad = try CheckFixture(draftBody: links + "* [Ink](https://example.org/?utm_source=x)\n")
        #expect(try run(["check", "--folder", bad.root.path]).status == 1)

        let warned = try CheckFixture(draftBody: links + "* [Ink](https://github.com/quill/ink)\n")
        let quiet = try run(["check", "--folder", warned.root.path])
        #expect(quiet.status == 0)
        #expect(quiet.standardOutput.contains("warning: entry links to a bare repository"))
        #expect(try run(["check", "--folder", warned.root.path, "--strict"]).status == 1)
        #expect(try run(["check", "--folder", warned.root.path, "--format", "yaml"]).status == 2)
        #expect(try run(["check", "--folder", warned.root.path, "--recent", "0"]).status == 2)
    }

    @Test("a report that cannot be written out is a problem of its own, exit 2, in every format")
    func unwritableOutput() throws {
        try #require(FileManager.default.fileExists(atPath: "/dev/full"))
        let links = "## Updates from Rust Community\n\n### Observations/Thoughts\n\n"
        let fixture = try CheckFixture(draftBody: links + "* [Ink](https://example.org/?utm_source=x)\n")
        let herald = try HeraldBinary.locatedExecutable().path
        for format in ["json", "text"] {
            let result = try TestProcess.run(
                program: "sh",
                ["-c", #"exec "$0" check --folder "$1" --format "$2" > /dev/full"#, herald, fixture.root.path, format])
            #expect(result.status == 2, "\(format): \(result.standardError)")
            #expect(result.standardError.contains("cannot write to standard output (No space left on device)"))
        }
    }

    @Test("a folder given stands for the Markdown issues in it, hidden and other files left out")
    func aFolderIsCheckedAsItsIssues() throws {
        let links = "## Updates from Rust Community\n\n### Observations/Thoughts\n\n"
        let fixture = try CheckFixture(draftBody: links + "* [Ink](https://example.org/?utm_source=x)\n")
        try fixture.newsletter.write(["draft/notes.txt": "not an issue", "draft/.hidden.md": "Title: x\n"])
        let result = try HeraldBinary.run(["check", "--folder", ".", "draft"], in: fixture.root)
        #expect(result.status == 1, "\(result.standardError)")
        #expect(result.standardOutput.contains("tracking parameter 'utm_source'"))
        #expect(result.standardOutput.contains("(1 checked)"), "\(result.standardOutput)")
    }

    @Test("a file in a format Herald does not read is named, not left out quietly")
    func unsupportedFilesAreNamed() throws {
        let fixture = try CheckFixture(draftBody: "## Updates from Rust Community\n")
        try fixture.newsletter.write("State of Quill\n==============\n", to: "content/state-of-quill.rst")
        let result = try run(["check", "--folder", fixture.root.path])
        #expect(result.status == 0)
        #expect(
            result.standardError.contains(
                "state-of-quill.rst: warning: skipped: reStructuredText is not a format Herald reads"))
    }

    @Test("an issue the folder cannot read is checked, not left out, when no paths are given")
    func unreadableIssuesAreChecked() throws {
        let fixture = try CheckFixture(draftBody: "## Updates from Rust Community\n")
        let issue = "Title: This Week in Rust 9\nNumber: 9223372036854775807\nDate: 2025-01-01\n\nHello.\n"
        try fixture.newsletter.write(issue, to: "content/2025-01-01-huge.md")
        let result = try run(["check", "--folder", fixture.root.path])
        #expect(result.status == 1)
        #expect(
            result.standardOutput.contains("2025-01-01-huge.md:2:9: error: Number 9223372036854775807 is too large"))
    }

    @Test("--fix rewrites the draft, says what it fixed, and reports only what is left")
    func fix() throws {
        let links = "## Updates from Rust Community\n\n### Observations/Thoughts\n\n"
        let fixture = try CheckFixture(
            draftBody: links + "* [Ink](https://example.org/?utm_source=x)\n* [Pens](https://github.com/quill/pens)\n")
        let result = try run(["check", "--folder", fixture.root.path, "--fix", "--format", "json", fixture.draftPath])
        #expect(result.status == 0)
        #expect(result.standardError.contains("fixed 1 problem(s) in \(fixture.draftPath)"))
        let findings = try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]]
        #expect(findings?.map { $0["rule"] as? String } == ["suspicious-link"])
        #expect(try fixture.draftText().contains("* [Ink](https://example.org/)\n"))
    }
}
