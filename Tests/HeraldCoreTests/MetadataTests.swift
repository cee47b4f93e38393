import Foundation
import HeraldMarkdown
import Testing

@testable import HeraldCore

@Suite struct MetadataTests {
    private func problems(_ text: String) -> [Problem] {
        do {
            _ = try IssueFile(path: "issue.md", text: text)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func readsATWiRHeader() throws {
        let file = try IssueFile(
            path: "content/2024-01-31-this-week-in-rust.md",
            text: """
                Title: This Week in Rust 533
                Date: 2024-01-31
                Category: This Week in Rust

                Hello and welcome!
                """)
        let metadata = file.metadata
        #expect(metadata.title == "This Week in Rust 533")
        #expect(metadata.number == 533)
        #expect(metadata.numberIsFromTitle)
        #expect(metadata.date == IssueDate(year: 2024, month: 1, day: 31))
        #expect(metadata.time == nil)
        #expect(metadata.category == "This Week in Rust")
        #expect(metadata.slug == "this-week-in-rust-533")
        #expect(metadata.status == .published)
        #expect(metadata.lines == ["title": 1, "date": 2, "category": 3])
        #expect(file.bodyStartLine == 4)
        #expect(file.body == "\nHello and welcome!")
        #expect(file.warnings.isEmpty)
    }

    /// A title names its number where it is marked as one, anywhere; a trailing number counts
    /// only when it is not the year of a date.
    @Test(
        arguments: [
            ("This Week in Rust 533", 533), ("#1 - August 2019", 1), ("Issue #12: Generics", 12),
            ("Weekly No. 7, spring", 7), ("Rust 周刊 第42期", 42), ("Notes, August 2019", nil),
            ("Quill Weekly, Sep 2024", nil), ("Issue 9 of the year", 9), ("Hello world", nil), ("Advent: Day 1", nil),
            ("Generics, part 2", nil),
        ] as [(String, Int?)])
    func theNumberATitleNames(title: String, number: Int?) throws {
        let file = try IssueFile(path: "a.md", text: "Title: \(title)\nDate: 2024-01-31\n\nHi.\n")
        #expect(file.metadata.number == number)
        #expect(file.metadata.numberIsFromTitle == (number != nil))
    }

    @Test func readsEveryPelicanKey() throws {
        let metadata = try IssueFile(
            path: "a.md",
            text: """
                Title: The State of Quill 0.8
                Number: 12
                Date: 2019-03-05 10:07
                Tags: quill, release;  news
                Slug: state-of-quill
                Summary: What changed,
                    and what is next.
                Status: Draft
                Author: Ada
                Authors: Grace, Linus
                Lang: en
                """
        ).metadata
        #expect(metadata.number == 12)
        #expect(!metadata.numberIsFromTitle)
        #expect(metadata.time == IssueTime(hour: 10, minute: 7))
        #expect(metadata.tags == ["quill, release", "news"])
        #expect(metadata.slug == "state-of-quill")
        #expect(metadata.summary == "What changed, and what is next.")
        #expect(metadata.status == .draft)
        #expect(metadata.authors == ["Ada", "Grace", "Linus"])
        #expect(metadata.extra == ["lang": "en"])
        #expect(metadata.category == nil)
    }

    @Test func specialsWithoutANumberHaveNone() throws {
        let metadata = try IssueFile(path: "a.md", text: "Title: The State of Rust 0.7\nDate: 2013-07-05\n").metadata
        #expect(metadata.number == nil)
        #expect(!metadata.numberIsFromTitle)
        #expect(metadata.slug == "the-state-of-rust-07")
    }

    @Test func readsYAMLFrontMatter() throws {
        let file = try IssueFile(
            path: "a.md",
            text: """
                ---
                # a comment
                title: "This Week in Quill: 4"
                date: 2025-03-12
                tags: [quill, 'weekly news']
                authors:
                  - Ada
                  - "Grace"
                summary: plain text # trailing comment
                ---
                Body
                """)
        #expect(file.metadata.title == "This Week in Quill: 4")
        #expect(file.metadata.number == 4)
        #expect(file.metadata.tags == ["quill", "weekly news"])
        #expect(file.metadata.authors == ["Ada", "Grace"])
        #expect(file.metadata.summary == "plain text")
        #expect(file.bodyStartLine == 11)
        #expect(file.body == "Body")
    }

    @Test func frontMatterMustClose() throws {
        let problem = try #require(problems("---\ntitle: x\ndate: 2025-01-01\n").first)
        #expect(problem.code == .unterminatedFrontMatter)
        #expect(problem.description.hasPrefix("issue.md:1:1: front matter opened with '---'"))
    }

    @Test func missingTitleAndDateAreBothReported() {
        let found = problems("Category: News\n\nBody\n")
        #expect(found.map(\.code) == [.missingTitle, .missingDate])
        #expect(found.allSatisfy { $0.file == "issue.md" && $0.location == SourceLocation(line: 1, column: 1) })
        #expect(found[0].fix == "add a line 'Title: …' to the header at the top of the file")
    }

    @Test func anUnparsableDatePointsAtTheValue() throws {
        let problem = try #require(problems("Title: Quill 1\nDate:  2025-13-01\n").first)
        #expect(problem.code == .invalidDate)
        #expect(problem.location == SourceLocation(line: 2, column: 8))
        #expect(
            problem.description
                == "issue.md:2:8: Date '2025-13-01' is not a date; write the date as YYYY-MM-DD or YYYY-MM-DD HH:MM")
    }

    @Test(arguments: ["2025-02-30", "25-01-01", "2025-01-01 25:00", "2025-01-01 10:00 extra", "2025/01/01", "tomorrow"])
    func rejectsDates(_ text: String) {
        #expect(problems("Title: Quill 1\nDate: \(text)\n").map(\.code) == [.invalidDate])
    }

    @Test func acceptsOneDigitMonthsAndDaysLikePelican() throws {
        let metadata = try IssueFile(path: "a.md", text: "Title: This Week in Rust 362\nDate: 2020-12-2\n").metadata
        #expect(metadata.date.description == "2020-12-02")
    }

    @Test func rejectsBadNumbersAndStatuses() {
        let found = problems("Title: Quill\nNumber: twelve\nDate: 2025-01-01\nStatus: pending\n")
        #expect(found.map(\.code) == [.invalidMetadata, .invalidMetadata])
        #expect(found.map(\.location?.line) == [2, 4])
        #expect(found[1].fix == "use one of 'published', 'draft', 'hidden'")
    }

    @Test func reportsInvalidUTF8WithItsByteOffset() throws {
        var data = Data("Title: Quill 1\nDate: 2025-01-01\n\nCaf".utf8)
        data.append(0xE9)
        data.append(contentsOf: Array(" au lait\n".utf8))
        do {
            _ = try IssueFile(path: "content/bad.md", data: data)
            Issue.record("invalid UTF-8 was accepted")
        } catch {
            let problem = try #require(error.problems.first)
            #expect(problem.code == .invalidUTF8)
            #expect(
                problem.description == "content/bad.md:4:4: byte 36 (0xE9) is not valid UTF-8; save the file as UTF-8")
        }
    }

    @Test func validatesUTF8Sequences() {
        #expect(UTF8Validation.firstInvalidOffset(in: Array("añ€😀".utf8)) == nil)
        #expect(UTF8Validation.firstInvalidOffset(in: [0x61, 0xC0, 0x80]) == 1)
        #expect(UTF8Validation.firstInvalidOffset(in: [0xED, 0xA0, 0x80]) == 0)
        #expect(UTF8Validation.firstInvalidOffset(in: [0x61, 0x62, 0xF0, 0x9F]) == 2)
        #expect(
            UTF8Validation.invalidRanges(in: [0x61, 0xF0, 0x9F, 0x41, 0xC0, 0xED, 0xA0]) == [
                1..<3, 4..<5, 5..<6, 6..<7,
            ])
    }

    @Test func warnsAboutMetadataStrandedAfterTheHeader() throws {
        let file = try IssueFile(
            path: "content/2025-06-18.md",
            text:
                "Title: This Week in Rust 604\nNumber: 604\nDate: 2025-06-18\n\nCategory: This Week in Rust\n\nHello\n")
        #expect(file.metadata.category == nil)
        let warning = try #require(file.warnings.first)
        #expect(warning.severity == .warning)
        #expect(warning.code == .strayMetadata)
        #expect(
            warning.description
                == "content/2025-06-18.md:5:1: warning: 'Category: This Week in Rust' follows the blank line that ends the header, so it is body text; remove the blank line above it to make it metadata"
        )
    }

    @Test func handlesCRLFAndAByteOrderMark() throws {
        let file = try IssueFile(
            path: "a.md", data: Data("\u{FEFF}Title: Quill 2\r\nDate: 2025-01-08\r\n\r\nBody\r\n".utf8))
        #expect(file.metadata.title == "Quill 2")
        #expect(file.metadata.date.description == "2025-01-08")
        #expect(file.lines(4...4) == ["Body"])
    }

    @Test func mapsBodyPositionsToFilePositions() throws {
        let file = try IssueFile(path: "a.md", text: "Title: Quill 2\nDate: 2025-01-08\n\n## News\n")
        #expect(
            file.fileLocation(ofBodyLocation: SourceLocation(line: 2, column: 1)) == SourceLocation(line: 4, column: 1))
        #expect(file.lines(3...9) == ["", "## News", ""])
    }

    @Test func metadataRoundTripsThroughJSON() throws {
        let metadata = try IssueFile(path: "a.md", text: "Title: Quill 2\nDate: 2025-01-08 09:30\nTags: a, b\n")
            .metadata
        let decoded = try JSONDecoder().decode(IssueMetadata.self, from: JSONEncoder().encode(metadata))
        var expected = metadata
        expected.lines = [:]
        #expect(decoded == expected)
    }

    @Test func datesCountDaysAndWeekdays() throws {
        let date = try #require(IssueDate(year: 2025, month: 7, day: 2))
        #expect(date.weekday == .wednesday)
        #expect(date.adding(days: 28).description == "2025-07-30")
        #expect(IssueDate(year: 2024, month: 2, day: 29)?.adding(days: 366).description == "2025-03-01")
        #expect(IssueDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(IssueDate(year: 987, month: 6, day: 5)?.description == "0987-06-05")
        #expect(IssueDate(year: 12025, month: 12, day: 31)?.description == "12025-12-31")
        #expect(IssueDate(year: 1969, month: 12, day: 31)?.daysSinceEpoch == -1)
        #expect(date.next(.wednesday) == date)
        #expect(date.next(.tuesday).description == "2025-07-08")
        #expect(IssueDate(year: 2025, month: 6, day: 25)!.days(to: date) == 7)
        #expect(IssueDate(year: 2023, month: 2, day: 29) == nil)
    }
}

/// Byte-wise search finds what `firstRange(of:)` finds, multi-byte text included.
struct ByteSearchTests {
    @Test func needlesAreFoundByTheirBytes() throws {
        let text = "Zürich – Rust: Thanks to Ana for it"
        let dash = try #require(text.firstByteRange(of: " – "))
        #expect(text[..<dash.lowerBound] == "Zürich")
        #expect(text[dash.upperBound...].hasPrefix("Rust"))
        #expect(text.firstByteRange(of: "Thanks to ").map { text[$0.upperBound...] } == "Ana for it")
        #expect(text.firstByteRange(of: "absent") == nil)
        #expect(text.firstByteRange(of: "") == nil)
        #expect("ab".firstByteRange(of: "abc") == nil)
        let tail = text[text.index(text.startIndex, offsetBy: 8)...]
        #expect(tail.firstByteRange(of: "Z") == nil)
        #expect(tail.firstByteRange(of: "it").map { tail[$0] } == "it")
    }
}

/// Dates are read in one pass over their bytes, as strictly as before.
struct IssueDateParsingTests {
    @Test(arguments: ["2024-02-07", "2020-12-2", "2020-1-02"])
    func datesPelicanAcceptsAreRead(text: String) {
        #expect(IssueDate(parsing: text) != nil)
    }

    @Test(arguments: [
        "2024-02-30", "2024-2-", "24-02-07", "2024-02-07-01", "2024/02/07", "2024-002-07", "２024-02-07", "",
        "99999999999999999999-01-01", "2024-02-07 ",
    ])
    func anythingElseIsNot(text: String) {
        #expect(IssueDate(parsing: text) == nil)
    }
}
