import Foundation
import HeraldCheck
import HeraldCore
import HeraldMarkdown
import Testing

@Suite("herald check reports control characters in the header")
struct ControlCharacterTests {
    @Test("U+0001 in a Title is a metadata error at the Title line")
    func titleWithControlCharacter() throws {
        let fixture = try CheckFixture(draftBody: "Body.\n")
        try fixture.writeDraft(
            bytes: Array("Title: This Week in Quill 12\u{1}\nNumber: 12\nDate: 2026-03-04\n\nBody.\n".utf8))
        let report = try fixture.check()
        let found = report.findings(of: .metadata).filter { $0.problem.message.contains("U+0001") }
        #expect(found.count == 1)
        #expect(found.first?.problem.location?.line == 1)
        #expect(found.first?.severity == .error)
    }

    @Test("Number: 9223372036854775807 is reported at its line, not trapped on")
    func hugeNumber() throws {
        let fixture = try CheckFixture(draftBody: "Body.\n")
        try fixture.writeDraft(
            bytes: Array("Title: This Week in Quill 12\nNumber: 9223372036854775807\nDate: 2026-03-04\n\nBody.\n".utf8))
        let report = try fixture.check()
        #expect(
            report.findings(of: .metadata).contains {
                $0.problem.location?.line == 2 && $0.problem.message.contains("too large")
            })
    }
}
