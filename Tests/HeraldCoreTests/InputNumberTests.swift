import Foundation
import HeraldMarkdown
import HeraldTestSupport
import Testing

@testable import HeraldCore

/// Numbers read from input are bounded where they are read, so no sum made with them traps.
@Suite("Numbers from input never trap")
struct InputNumberTests {
    @Test("Number: 9223372036854775807 is an error at its line, not a number")
    func hugeNumber() throws {
        let text = "Title: This Week in Rust 1\nNumber: 9223372036854775807\nDate: 2025-06-25\n\nBody.\n"
        let error = #expect(throws: HeraldError.self) { try IssueFile(path: "content/huge.md", text: text) }
        let problem = try #require(error?.problems.first)
        #expect(problem.code == .invalidMetadata)
        #expect(problem.file == "content/huge.md")
        #expect(problem.location?.line == 2)
        #expect(problem.message.contains("too large"))
    }

    @Test("a title ending in a number too large to be an issue's gives no number")
    func hugeTitleNumber() throws {
        let file = try IssueFile(path: "a.md", text: "Title: Week 9223372036854775807\nDate: 2025-06-25\n\nBody.\n")
        #expect(file.metadata.number == nil)
        let big = try IssueFile(path: "b.md", text: "Title: Week 99999999999999999999999\nDate: 2025-06-25\n\nBody.\n")
        #expect(big.metadata.number == nil)
    }

    @Test("the largest number Herald takes makes no next draft, with an error naming the issue")
    func nextDraftPastTheLargestNumber() throws {
        let last = IssueMetadata.numbers.upperBound
        let folder = try Newsletter(files: [
            "draft/DRAFT_TEMPLATE": "Title: W {{number}}\nNumber: {{number}}\nDate: {{date}}\n\nBody.\n",
            "content/2025-06-18-w.md": "Title: W \(last)\nNumber: \(last)\nDate: 2025-06-18\n\nBody.\n",
        ])
        let newsletter = try NewsletterFolder(at: folder.folder)
        let error = #expect(throws: HeraldError.self) {
            try newsletter.nextDraft(on: IssueDate(parsing: "2025-06-25"), today: IssueDate(parsing: "2025-06-20")!)
        }
        #expect(error?.problems.first?.code == .cannotMakeDraft)
        #expect(error?.problems.first?.location?.line == 2)
    }
}
