import Foundation
import HeraldMarkdown
import HeraldTestSupport
import Testing

@testable import HeraldCore

@Suite struct NewsletterFolderTests {
    private static func issue(_ number: Int, _ date: String) -> String {
        "Title: This Week in Rust \(number)\nDate: \(date)\n\n## Jobs\n"
    }

    @Test func findsIssuesAndDraftsAndReportsWhatItSkips() throws {
        let folder = try Newsletter(files: [
            "content/2025-06-18-this-week-in-rust.md": Self.issue(604, "2025-06-18"),
            "content/2025/2025-06-11-this-week-in-rust.markdown": Self.issue(603, "2025-06-11"),
            "content/state-of-rust.rst": "State of Rust\n=============\n",
            "content/pages/about.md": "Title: About\nDate: 2015-07-08\n",
            "content/images/logo.png": "not really a PNG",
            "content/.hidden.md": "ignored",
            "content/broken.md": "Title: This Week in Rust 1\n\nNo date.\n",
            "draft/DRAFT_TEMPLATE": "Title: This Week in Rust $twir_issue_number\n",
            "draft/2025-06-25-this-week-in-rust.md": Self.issue(605, "2025-06-25"),
        ])
        let newsletter = try NewsletterFolder(at: folder.folder)
        #expect(newsletter.issues.map(\.metadata.number) == [603, 604])
        #expect(newsletter.drafts.map(\.metadata.number) == [605])
        #expect(newsletter.allIssues.map(\.metadata.number) == [603, 604, 605])
        #expect(newsletter.issue(numbered: 604)?.metadata.date.description == "2025-06-18")
        #expect(newsletter.problems.map(\.code) == [.missingDate, .unsupportedFormat])
        #expect(newsletter.problems.map(\.severity) == [.error, .warning])
        #expect(newsletter.problems[0].file == folder.folder.path + "/content/broken.md")
        #expect(newsletter.problems[1].message == "skipped: reStructuredText is not a format Herald reads")
    }

    @Test func reportsANumberUsedTwiceOnTheLaterFile() throws {
        let folder = try Newsletter(files: [
            "content/a.md": Self.issue(7, "2025-01-01"),
            "content/b.md": "Title: Special\nNumber: 7\nDate: 2025-01-08\n",
        ])
        let newsletter = try NewsletterFolder(at: folder.folder)
        let problem = try #require(newsletter.problems.first)
        #expect(problem.code == .duplicateNumber)
        #expect(
            problem.description
                == "\(folder.folder.path)/content/b.md:2:1: issue number 7 is also used by \(folder.folder.path)/content/a.md; correct one of the numbers"
        )
        #expect(newsletter.issues.count == 2)
    }

    @Test func aNumberReadFromTwoTitlesSaysWhereToSetOne() throws {
        let folder = try Newsletter(files: [
            "content/a.md": "Title: Quill Notes 7\nDate: 2025-01-01\n",
            "content/b.md": "Title: Quill Notes #7\nDate: 2025-01-08\n",
        ])
        let problem = try #require(try NewsletterFolder(at: folder.folder).problems.first)
        #expect(problem.code == .duplicateNumber)
        #expect(problem.location?.line == 1)
        #expect(
            problem.fix
                == "the number was read from the title; give one of them a 'number' key in its header (or {number} in [content] patterns)"
        )
    }

    /// Every step of a run that asks for an issue's reading gets the same one: the folder parses
    /// each file once, whichever copy of the folder asks, and a changed file is parsed anew.
    @Test func eachFileIsParsedOnceAndSharedByEveryCopyOfTheFolder() throws {
        let folder = try Newsletter(files: [
            "content/a.md": Self.issue(7, "2025-01-01"),
            "content/b.md": Self.issue(8, "2025-01-08"),
        ])
        let newsletter = try NewsletterFolder(at: folder.folder)
        let copy = newsletter
        let file = newsletter.issues[0]
        #expect(newsletter.parsed(file) === copy.parsed(file))
        #expect(newsletter.parsed(file).keptReading == nil)
        let readings = copy.readings(of: copy.issues)
        #expect(readings.map(\.issue.metadata.number) == [7, 8])
        #expect(newsletter.parsed(file).keptReading?.issue == readings[0].issue)
        let edited = try IssueFile(path: file.path, text: file.text + "\nOne more line.\n")
        #expect(newsletter.parsed(edited) !== newsletter.parsed(file))
    }

    /// With next week's draft started early, every verb still works on this week's.
    @Test func theCurrentDraftIsTheNextToBePublished() throws {
        let folder = try Newsletter(files: [
            "content/a.md": Self.issue(7, "2025-01-01"),
            "draft/c.md": Self.issue(9, "2025-01-15"),
            "draft/b.md": Self.issue(8, "2025-01-08"),
        ])
        let newsletter = try NewsletterFolder(at: folder.folder)
        #expect(newsletter.currentDraft?.metadata.number == 8)
    }

    @Test func pathsInProblemsStayRelativeWhenTheRootIs() throws {
        let folder = try Newsletter(files: ["content/broken.md": "Title: x\n"])
        let previous = FileManager.default.currentDirectoryPath
        try #require(FileManager.default.changeCurrentDirectoryPath(folder.folder.path))
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previous) }
        let newsletter = try NewsletterFolder(at: URL(fileURLWithPath: "."))
        #expect(
            newsletter.problems.first?.description
                == "content/broken.md:1:1: the issue has no date; add a line 'Date: YYYY-MM-DD' to the header at the top of the file"
        )
        #expect(newsletter.displayPath("draft/x.md") == "draft/x.md")
    }

    @Test func honoursConfiguredFolders() throws {
        let folder = try Newsletter(files: [
            "herald.toml": "[paths]\ncontent = \"issues\"\ndrafts = \"next\"\npages = \"issues/static\"\n",
            "issues/1.md": Self.issue(1, "2025-01-01"),
            "issues/static/about.md": "no header",
            "next/2.md": Self.issue(2, "2025-01-08"),
            "content/ignored.md": Self.issue(9, "2025-01-01"),
        ])
        let newsletter = try NewsletterFolder(at: folder.folder)
        #expect(newsletter.problems.isEmpty)
        #expect(newsletter.issues.map(\.metadata.number) == [1])
        #expect(newsletter.drafts.map(\.metadata.number) == [2])
        #expect(newsletter.templatePath == "next/DRAFT_TEMPLATE")
    }

    @Test func reportsEachSkippedFileOnceWithItsReason() throws {
        let folder = try Newsletter(files: [
            "content/1.md": Self.issue(1, "2025-01-01"),
            "content/blog/welcome.mdx": "---\ntitle: Welcome\n---\n",
            "content/notes.rst": "Notes\n=====\n",
        ])
        let newsletter = try NewsletterFolder(at: folder.folder)
        #expect(newsletter.skipped == newsletter.problems)
        #expect(
            newsletter.skipped.map(\.message) == [
                "skipped: MDX (Markdown with JSX) is read only where a [content] pattern or include glob names it",
                "skipped: reStructuredText is not a format Herald reads",
            ])
        #expect(newsletter.nothingRead == nil)
    }

    @Test func anMDXFileIsReadWhereContentNamesItWithoutItsStatementsAndComponents() throws {
        let folder = try Newsletter(files: [
            "herald.toml": "[content]\ninclude = [\"*.md\", \"*.mdx\"]\n",
            "content/1.md": Self.issue(1, "2025-01-01"),
            "content/blog/2.mdx":
                "---\ntitle: Two\nnumber: 2\ndate: 2025-01-08\n---\nimport X from 'x'\n\n<X />\nText.\n",
        ])
        let newsletter = try NewsletterFolder(at: folder.folder)
        #expect(newsletter.problems.isEmpty, "\(newsletter.problems)")
        #expect(newsletter.issues.map(\.metadata.number) == [1, 2])
        #expect(newsletter.issues.last?.body == "\n\n\nText.\n")
    }

    @Test func nothingReadSaysWhereHeraldLookedAndWhatToSet() throws {
        let emptyFolder = try Newsletter(files: ["herald.toml": ""])
        let empty = try NewsletterFolder(at: emptyFolder.folder)
        let problem = try #require(empty.nothingRead)
        #expect(problem.code == .noIssues)
        #expect(problem.severity == .error)
        #expect(problem.file?.hasSuffix("/herald.toml") == true)
        #expect(
            problem.message
                == "no issue was read: Herald looked for Markdown files (.md, .markdown) in "
                + "'\(empty.root.path)/content/' and '\(empty.root.path)/draft/' and found no files")
        #expect(
            problem.fix
                == "set [paths] content in herald.toml to the folder that holds the issues, and [content] patterns to the shape of their file names"
        )

        let unreadFolder = try Newsletter(files: ["content/a.mdx": "", "content/b.md": "no header"])
        let unread = try NewsletterFolder(at: unreadFolder.folder)
        #expect(
            unread.nothingRead?.message.hasSuffix("found 2 files but read none as an issue (see the problems above)")
                == true)
    }

    @Test func anInvalidConfigurationStopsLoading() throws {
        let folder = try Newsletter(files: ["herald.toml": "[site]\ntitel = \"x\"\n"])
        #expect(throws: HeraldError.self) { try NewsletterFolder(at: folder.folder) }
    }

    @Test func aMissingFolderIsAnError() {
        #expect {
            try NewsletterFolder(at: URL(fileURLWithPath: "/nonexistent/herald"))
        } throws: { error in
            (error as? HeraldError)?.problems.first?.code == .unreadable
        }
    }

    @Test(.enabled(if: SharedFolder.exampleWeekly != nil || SharedFolder.isCI))
    func theExampleNewsletterLoadsCleanly() throws {
        let newsletter = try NewsletterFolder(at: try #require(SharedFolder.exampleWeekly))
        #expect(newsletter.problems.isEmpty)
        #expect(newsletter.issues.count >= 4)
        let numbers = newsletter.issues.compactMap(\.metadata.number)
        #expect(numbers == Array(numbers.first!...numbers.last!))
        var kinds: Set<SectionKind> = []
        for file in newsletter.issues {
            let reading = newsletter.parsed(file).reading
            #expect(reading.problems.isEmpty, "\(file.path): \(reading.problems)")
            kinds.formUnion(reading.issue.allSections.map(\.kind))
        }
        #expect(kinds.isSuperset(of: SectionKind.allKinds.filter { $0 != .generic }))
    }

    @Test(.enabled(if: SharedFolder.twirCorpus != nil || SharedFolder.isCI))
    func loadsTheWholeTWiRArchive() throws {
        let newsletter = try NewsletterFolder(at: try #require(SharedFolder.twirCorpus))
        #expect(newsletter.issues.count == 607)
        #expect(newsletter.drafts.isEmpty)
        #expect(newsletter.issues.last?.metadata.number == 605)
        #expect(newsletter.issues.filter { $0.metadata.number == nil }.count == 3)
        let reported = newsletter.problems.map { "\(URL(fileURLWithPath: $0.file ?? "").lastPathComponent) \($0.code)" }
        #expect(
            reported == [
                "2025-06-18-this-week-in-rust.md stray-metadata", "state-of-rust-0-11-0.rst unsupported-format",
            ])
    }
}
