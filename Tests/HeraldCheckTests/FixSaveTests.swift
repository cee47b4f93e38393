import Foundation
import HeraldCheck
import HeraldCore
import Testing

@Suite("herald check --fix and an editor's save")
struct FixSaveTests {
    private let links = "## Updates from Rust Community\n\n### Observations/Thoughts\n\n"

    @Test("a file saved after it was checked is not fixed: the edits name bytes that may have moved")
    func savedAfterTheCheck() throws {
        let fixture = try CheckFixture(draftBody: links + "* [Ink](https://example.org/ink?utm_source=x)\n")
        let linter = try fixture.linter()
        let report = linter.check(paths: [fixture.draftPath])
        #expect(!report.findings.isEmpty)
        let saved =
            CheckFixture.header + "Added by the editor.\n\n" + links
            + "* [Ink](https://example.org/ink?utm_source=x)\n"
        try fixture.writeDraft(bytes: Array(saved.utf8))

        let error = #expect(throws: HeraldError.self) { try linter.applyFixes(from: report) }
        #expect(error?.isDraftChanged == true)
        #expect(try fixture.draftText() == saved)
    }

    @Test("a fix keeps the file's permissions")
    func keepsPermissions() throws {
        let fixture = try CheckFixture(draftBody: links + "* [Ink](https://example.org/ink?utm_source=x)\n")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: fixture.draftPath)
        let linter = try fixture.linter()
        let results = try linter.applyFixes(from: linter.check(paths: [fixture.draftPath]))
        #expect(results.count == 1)
        #expect(try fixture.draftText().contains("(https://example.org/ink)"))
        let permissions = try FileManager.default.attributesOfItem(atPath: fixture.draftPath)[.posixPermissions] as? Int
        #expect(permissions == 0o640)
    }
}
