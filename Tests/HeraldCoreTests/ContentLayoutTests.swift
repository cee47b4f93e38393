import Foundation
import HeraldMarkdown
import HeraldTestSupport
import Testing

@testable import HeraldCore

/// Issue 19: `[content]` reads weeklies in the layouts they already have.
@Suite struct ContentLayoutTests {
    private static func newsletter(_ files: [String: String]) throws -> (NewsletterFolder, Newsletter) {
        let folder = try Newsletter(files: files)
        return (try NewsletterFolder(at: folder.folder), folder)
    }

    @Test func anEleventyWeeklyWithDatesInFileNamesAndTitlesInHeadings() throws {
        let (newsletter, folder) = try Self.newsletter([
            "herald.toml": "[paths]\ncontent = \".\"\n\n[content]\npatterns = [\"issue/{date}.md\"]\n",
            "issue/2025-03-12.md": "# Quill Weekly 4\n\nHello.\n",
            "issue/2025-03-19.md": "---\ntitle: Quill Weekly, the fifth\nnumber: 5\n---\n\n# Ignored heading\n",
            "issue/2025-03-26.md": "Intro first.\n\n# Not a title\n",
            "README.md": "# About this repository\n",
        ])
        #expect(newsletter.issues.map(\.metadata.title) == ["Quill Weekly 4", "Quill Weekly, the fifth"])
        #expect(newsletter.issues.map(\.metadata.number) == [4, 5])
        #expect(newsletter.issues.map(\.metadata.date.description) == ["2025-03-12", "2025-03-19"])
        #expect(newsletter.issues[0].metadata.lines["title"] == 1)
        #expect(newsletter.issues[0].bodyStartLine == 2)
        #expect(newsletter.issues[0].body == "\nHello.\n")
        #expect(newsletter.issues[1].bodyStartLine == 5)
        #expect(
            newsletter.problems.map(\.description) == [
                "\(folder.folder.path)/./README.md: warning: skipped: it fits none of the [content] patterns and include globs; add a pattern or an include glob that fits it, or exclude it",
                "\(folder.folder.path)/./issue/2025-03-26.md:1:1: the issue has no title; add a line 'Title: …' to the header at the top of the file",
            ])
    }

    @Test func numbersFromPathsAndDatesFromTheMetadataTable() throws {
        let (newsletter, folder) = try Self.newsletter([
            "herald.toml": """
            [content]
            patterns = ["{year}/issue-{number}.markdown", "newsletter/{number:03}/index.md"]
            metadata = "issues.toml"
            """,
            "issues.toml": """
            ["2019/issue-1.markdown"]
            date = 2019-08-05
            title = "Quill Digest #1 - August 2019"

            ["2019/issue-9.markdown"]
            date = 2019-09-01
            """,
            "content/2019/issue-1.markdown": "Everything that happened.\n",
            "content/newsletter/007/index.md": "+++\ntitle = \"Seven\"\ndate = 2020-01-01\n+++\n",
        ])
        let issues = newsletter.issues
        #expect(issues.map(\.metadata.number) == [1, 7])
        #expect(issues[0].metadata.title == "Quill Digest #1 - August 2019")
        #expect(issues[0].metadata.date.description == "2019-08-05")
        #expect(!issues[0].metadata.numberIsFromTitle)
        #expect(
            newsletter.problems.map(\.description) == [
                "\(folder.folder.path)/issues.toml:5:1: warning: '2019/issue-9.markdown' is not an issue file in the content folder; name the file by its path inside the content folder, as 'issue-1.md' or '2019/issue-1.md'"
            ])
    }

    @Test func aJekyllWeeklyWhereTheFileStillWins() throws {
        let (newsletter, _) = try Self.newsletter([
            "herald.toml": """
            [paths]
            content = "."
            drafts = "_drafts"

            [content]
            patterns = ["_posts/{date}-{slug}.md"]
            exclude = ["_index.md", "blog/**"]
            """,
            "_posts/2025-03-12-quill-four.md": "---\ntitle: Quill 4\n---\n",
            "_posts/2025-03-19-quill-five.md":
                "---\ntitle: Quill 5\ndate: 2025-03-20 08:00:00 +0000\nslug: five\n---\n",
            "_posts/_index.md": "no header",
            "blog/2025-01-01-hello.md": "no header",
            "_drafts/quill-six.md": "---\ntitle: Quill 6\ndate: 2025-03-26\n---\n",
        ])
        #expect(newsletter.problems.isEmpty, "\(newsletter.problems)")
        #expect(newsletter.issues.map(\.metadata.slug) == ["quill-four", "five"])
        #expect(newsletter.issues.map(\.metadata.date.description) == ["2025-03-12", "2025-03-20"])
        #expect(newsletter.drafts.map(\.metadata.number) == [6])
    }

    @Test func includeGlobsKeyAliasesAndADateFormat() throws {
        let (newsletter, _) = try Self.newsletter([
            "herald.toml": """
            [content]
            include = ["issues/*.md"]
            date_format = "DD.MM.YYYY"

            [content.aliases]
            number = ["issue", "no"]
            date = "published"
            """,
            "content/issues/a.md": "---\ntitle: Wochenblatt\nissue: 12\npublished: 12.03.2025\n---\n",
            "content/issues/b.md": "Title: Wochenblatt\nNo: 13\nDate: 19.03.2025\n",
            "content/about.md": "Title: About\n",
        ])
        #expect(newsletter.issues.map(\.metadata.number) == [12, 13])
        #expect(newsletter.issues.map(\.metadata.date.description) == ["2025-03-12", "2025-03-19"])
        #expect(newsletter.issues[0].metadata.extra.isEmpty)
        #expect(newsletter.skipped.map { $0.file?.hasSuffix("content/about.md") } == [true])
    }

    @Test func theMetadataTableUsesTheSameKeyNames() throws {
        let (newsletter, _) = try Self.newsletter([
            "herald.toml": "[content]\nmetadata = \"issues.toml\"\n\n[content.aliases]\nnumber = \"issue\"\n",
            "issues.toml": "[\"weekly.md\"]\nissue = 3\ndate = 2019-08-19\n",
            "content/weekly.md": "# The weekly\n",
        ])
        #expect(newsletter.problems.isEmpty, "\(newsletter.problems)")
        #expect(newsletter.issues.map(\.metadata.number) == [3])
        #expect(newsletter.issues.first?.metadata.extra == [:])
    }

    @Test func aCheckOfOneFileReadsItAsTheFolderDoes() throws {
        let (newsletter, folder) = try Self.newsletter([
            "herald.toml": "[content]\npatterns = [\"{date}.md\"]\n",
            "content/2025-03-12.md": "# Quill 4\n",
        ])
        let sources = newsletter.metadataSources(forFile: folder.folder.path + "/content/2025-03-12.md")
        #expect(sources.outside == ["date": "2025-03-12"])
        #expect(newsletter.metadataSources(forFile: "content/2025-03-12.md") == sources)
        #expect(newsletter.metadataSources(forFile: "draft/next.md") == .header)
    }

    @Test func configurationMistakesNameTheKeyAndLine() throws {
        let toml = """
            [content]
            patterns = ["{date}-{titel}.md"]
            date_format = "DD.MM"
            exclude = [""]
            """
        #expect {
            try NewsletterConfiguration(toml: toml)
        } throws: { error in
            let problems = (error as? HeraldError)?.problems ?? []
            return problems.map(\.location?.line) == [2, 3, 4]
                && problems[0].message.hasPrefix("[content] patterns: '{titel}' is not a placeholder Herald fills")
                && problems[1].description
                    == "herald.toml:3:1: date format 'DD.MM' needs one YYYY, one MM (or M) and one DD (or D); write it like \"DD.MM.YYYY\" or \"YYYY/M/D\""
                && problems[2].message == "[content] exclude: an empty pattern matches no file"
        }
    }

    @Test func pathPatternsMatchAndFillWithWidths() throws {
        let pattern = try PathPattern("newsletter/{number:03}/index.md")
        #expect(pattern.metadata(matching: "newsletter/042/index.md") == ["number": "42"])
        #expect(pattern.metadata(matching: "newsletter/42/index.md") == nil)
        #expect(pattern.filled(with: ["number": "7"]) == "newsletter/007/index.md")
        let posts = try PathPattern("_posts/{date}-{slug}.md")
        #expect(posts.metadata(matching: "_posts/2025-3-12-a-b.md") == ["date": "2025-3-12", "slug": "a-b"])
        let days = try PathPattern("{year}/{month}/{day}.md")
        #expect(days.metadata(matching: "2025/03/12.md") == ["date": "2025-03-12"])
        #expect(throws: PathPattern.PatternError.self) { try PathPattern("{number:3}") }
    }

    @Test(arguments: [
        ("_index.md", "_index.md", true), ("_index.md", "a/b/_index.md", true), ("blog/**", "blog/x/y.md", true),
        ("blog/**", "blogs/x.md", false), ("*.md", "a/b.md", true), ("issues/*.md", "issues/a/b.md", false),
        ("20??/issue-*.md", "2019/issue-3.md", true), ("**/index.md", "index.md", true), ("a/**/c.md", "a/c.md", true),
    ])
    func globsMatchLikeGitignore(_ glob: String, _ path: String, _ matches: Bool) throws {
        #expect(try Glob(glob).matches(path) == matches)
    }

    @Test func dateFormatsReadTheirDates() throws {
        #expect(try DateFormat("DD.MM.YYYY").date(from: "05.03.2025")?.description == "2025-03-05")
        #expect(try DateFormat("YYYY/M/D").date(from: "2025/3/5")?.description == "2025-03-05")
        #expect(try DateFormat("YYYYMMDD").date(from: "20250305")?.description == "2025-03-05")
        #expect(try DateFormat("DD.MM.YYYY").date(from: "5.3.2025") == nil)
        #expect(try DateFormat("DD.MM.YYYY").date(from: "31.02.2025") == nil)
    }
}
