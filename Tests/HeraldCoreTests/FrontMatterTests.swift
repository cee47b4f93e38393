import Foundation
import HeraldMarkdown
import Testing

@testable import HeraldCore

/// YAML (`---`) and TOML (`+++`) front matter, read as the generators that write them read it.
@Suite struct FrontMatterTests {
    private func problems(_ text: String) -> [Problem] {
        do {
            _ = try IssueFile(path: "issue.md", text: text)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func readsYAMLBlockScalarsAndNestedMappings() throws {
        let file = try IssueFile(
            path: "_posts/2025-03-12-quill.md",
            text: """
                ---
                layout: post
                title: >-
                  This Week in Quill:
                  number 4
                date: 2025-03-12 09:30:00 +0100
                summary: |
                  First line.
                  Second line.
                params:
                  issue: 4
                  editors: [Ada, Grace]
                draft:
                ---
                Body
                """)
        #expect(file.metadata.title == "This Week in Quill: number 4")
        #expect(file.metadata.number == 4)
        #expect(file.metadata.date.description == "2025-03-12")
        #expect(file.metadata.time == IssueTime(hour: 9, minute: 30))
        #expect(file.metadata.summary == "First line.\nSecond line.")
        #expect(
            file.metadata.extra == ["layout": "post", "params.issue": "4", "params.editors": "Ada, Grace", "draft": ""])
        #expect(file.metadata.lines["title"] == 3)
        #expect(file.metadata.lines["params.issue"] == 11)
        #expect(file.bodyStartLine == 15)
        #expect(file.body == "Body")
    }

    @Test func aYAMLSyntaxErrorNamesTheLineAndTheKey() throws {
        let problem = try #require(
            problems("---\ntitle: Quill 4\ndate: 2025-03-12\nsummary: one: two\n---\n").first)
        #expect(problem.code == .invalidMetadata)
        #expect(problem.file == "issue.md")
        #expect(problem.location?.line == 4)
        #expect(problem.message.hasPrefix("front matter is not valid YAML in the value of 'summary' ("))
    }

    /// A file's first lines are read first; a header that does not end among them is read from
    /// the whole file, with the same result as any other.
    @Test func aHeaderLongerThanTheFirstLinesReadIsReadWhole() throws {
        let tags = (1...100).map { "  - tag\($0)" }.joined(separator: "\n")
        let body = (1...100).map { "Line \($0) of the body." }.joined(separator: "\n\n")
        let file = try IssueFile(
            path: "issue.md", text: "---\ntitle: Quill 4\ntags:\n\(tags)\ndate: 2025-03-12\n---\n\n\(body)\n")
        #expect(file.metadata.title == "Quill 4")
        #expect(file.metadata.date.description == "2025-03-12")
        #expect(file.bodyStartLine == 106)
        let unclosed = problems("---\ntitle: Quill 4\ntags:\n\(tags)\n\n\(body)\n")
        #expect(
            unclosed.map(\.description) == [
                "issue.md:1:1: front matter opened with '---' on line 1 is never closed; add a line '---' after the last metadata line"
            ])
        let blankAfterHeader = String(repeating: "\n", count: 100)
        let heading = try IssueFile(
            path: "issue.md", text: "---\ndate: 2025-03-12\n---\n\(blankAfterHeader)# Quill 5\n\nText.\n")
        #expect(heading.metadata.title == "Quill 5")
    }

    @Test func aYAMLKeyGivenTwiceIsAnError() throws {
        let problem = try #require(problems("---\ntitle: Quill 4\ndate: 2025-03-12\ntitle: Quill 5\n---\n").first)
        #expect(problem.description == "issue.md:2:1: front matter gives 'title' twice; keep one of them")
    }

    @Test func aliasesCannotMultiplyValuesWithoutBound() throws {
        var lines = [
            "---", "title: Laughs", "date: 2025-01-01", "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]",
        ]
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            lines.append(
                "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]")
            previous = name
        }
        let problem = try #require(problems((lines + ["---", ""]).joined(separator: "\n")).first)
        #expect(
            problem.description
                == "issue.md:7:1: front matter holds more than 10000 values by the value of 'd'; write the values out; aliases that repeat lists of aliases multiply them"
        )
    }

    @Test func aliasesCannotMultiplyEmptyMappingsWithoutBound() throws {
        var lines = ["---", "title: Laughs", "date: 2025-01-01", "a: &a {}"]
        var previous = "a"
        for name in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            let pairs = (0..<10).map { "k\($0): *\(previous)" }.joined(separator: ", ")
            lines.append("\(name): &\(name) {\(pairs)}")
            previous = name
        }
        let problem = try #require(problems((lines + ["---", ""]).joined(separator: "\n")).first)
        #expect(problem.message.hasPrefix("front matter holds more than 10000 values"))
    }

    @Test func yamlFrontMatterMustBeKeysAndValues() throws {
        let problem = try #require(problems("---\n- Quill 4\n---\n").first)
        #expect(problem.message == "front matter is a YAML list, not 'key: value' lines")
        #expect(problem.location == SourceLocation(line: 2, column: 1))
    }

    @Test func readsTOMLFrontMatter() throws {
        let file = try IssueFile(
            path: "content/issue-4/index.md",
            text: """
                +++
                title = "This Week in Quill"
                date = 2025-03-12
                number = 4
                authors = ["Ada", "Grace"]

                [extra]
                issue = 4
                lead = \"\"\"
                Two
                lines\"\"\"

                [taxonomies]
                tags = ["quill", "weekly news"]
                +++

                Body
                """)
        #expect(file.metadata.title == "This Week in Quill")
        #expect(file.metadata.number == 4)
        #expect(!file.metadata.numberIsFromTitle)
        #expect(file.metadata.date.description == "2025-03-12")
        #expect(file.metadata.authors == ["Ada", "Grace"])
        #expect(
            file.metadata.extra == [
                "extra.issue": "4", "extra.lead": "Two\nlines", "taxonomies.tags": "quill, weekly news",
            ])
        #expect(file.metadata.lines["date"] == 3)
        #expect(file.metadata.lines["taxonomies.tags"] == 14)
        #expect(file.bodyStartLine == 16)
        #expect(file.body == "\nBody")
    }

    @Test func tomlDateTimesKeepTheTimeAsWritten() throws {
        let metadata = try IssueFile(
            path: "a.md", text: "+++\ntitle = \"Quill 4\"\ndate = 2025-03-12T23:45:10-05:00\n+++\n"
        ).metadata
        #expect(metadata.date.description == "2025-03-12")
        #expect(metadata.time == IssueTime(hour: 23, minute: 45))
    }

    @Test func aTOMLSyntaxErrorNamesTheLineAndTheKey() throws {
        let problem = try #require(
            problems("+++\ntitle = \"Quill 4\"\ndate = 2025-03-12\nsummary = plain words\n+++\n").first)
        #expect(problem.code == .invalidMetadata)
        #expect(problem.location?.line == 4)
        #expect(problem.message.hasPrefix("front matter is not valid TOML in the value of 'summary' ("))
    }

    @Test func tomlFrontMatterMustClose() throws {
        let problem = try #require(problems("+++\ntitle = \"x\"\n").first)
        #expect(problem.code == .unterminatedFrontMatter)
        #expect(
            problem.description
                == "issue.md:1:1: front matter opened with '+++' on line 1 is never closed; add a line '+++' after the last metadata line"
        )
    }

    @Test func aWrongValueNamesItsKey() throws {
        let problem = try #require(problems("+++\ntitle = \"Quill 4\"\ndate = \"soon\"\n+++\n").first)
        #expect(problem.description.hasPrefix("issue.md:3:1: date 'soon' is not a date"))
    }

    @Test(arguments: [
        ("2025-03-12T09:30:00Z", "09:30"), ("2025-03-12T09:30:15.250+01:00", "09:30"),
        ("2025-03-12 09:30:00 +0100", "09:30"), ("2025-03-12T09:30", "09:30"), ("2025-03-12 09:30 -05", "09:30"),
    ])
    func readsTheDateFormsFrontMatterCarries(_ text: String, _ time: String) throws {
        let metadata = try IssueFile(path: "a.md", text: "---\ntitle: Quill 4\ndate: \(text)\n---\n").metadata
        #expect(metadata.date.description == "2025-03-12")
        #expect(metadata.time?.description == time)
    }

    @Test(arguments: ["2025-03-12T", "2025-03-12 09:30:61", "2025-03-12T09:30+1", "2025-03-12 09:30 CET"])
    func rejectsMalformedLongDates(_ text: String) {
        #expect(problems("Title: Quill 4\nDate: \(text)\n").map(\.code) == [.invalidDate])
    }
}
