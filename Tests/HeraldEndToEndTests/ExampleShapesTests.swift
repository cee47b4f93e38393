import Foundation
import HeraldTestSupport
import Testing

/// Issue 19, item 8: the example weeklies in other shapes than This Week in Quill's, each read
/// with nothing but its `herald.toml` and run through the verbs every newsletter runs: `build`,
/// `check`, `export` and `email`, by the real `herald` in a fresh copy of the example.
@Suite struct ExampleShapesTests {
    /// What one example holds, as its files say it.
    struct Shape: Sendable, CustomTestStringConvertible {
        let example: String
        let baseURL: String
        let titles: [String]
        let numbers: [Int]
        let dates: [String]
        /// The first issue's tags, from its front matter.
        let firstTags: [String]
        /// Each issue's page in the built site, oldest first, as written to disk.
        let pages: [String]
        /// How the home page links the newest issue: percent-encoded where the path is not ASCII.
        let newestLink: String
        /// The newest issue's date as the site's language writes it for readers.
        let newestDateForReaders: String

        var testDescription: String { example }
    }

    static let shapes = [
        Shape(
            example: "kettle-weekly", baseURL: "https://weekly.kettle-home.example",
            titles: [
                "Kettle Weekly #1: Hello", "Kettle Weekly #2: Sensors that sleep",
                "Kettle Weekly #3: Kettle 0.4 is out",
                "Kettle Weekly #4: Notes from the community call",
            ],
            numbers: [1, 2, 3, 4], dates: ["2025-09-05", "2025-09-12", "2025-09-19", "2025-09-26"],
            firstTags: ["kettle", "welcome"],
            pages: [
                "2025/09/05/hello-kettle-weekly/index.html", "2025/09/12/sensors-that-sleep/index.html",
                "2025/09/19/kettle-0-4/index.html", "2025/09/26/community-call/index.html",
            ],
            newestLink: "/2025/09/26/community-call/", newestDateForReaders: "26 September 2025"),
        Shape(
            example: "burrow-monthly", baseURL: "https://burrow-sync.example",
            titles: ["Burrow Monthly 1", "Burrow Monthly 2", "Burrow Monthly 3"],
            numbers: [1, 2, 3], dates: ["2025-07-12", "2025-08-12", "2025-09-12"], firstTags: ["burrow", "welcome"],
            pages: ["newsletter/001/index.html", "newsletter/002/index.html", "newsletter/003/index.html"],
            newestLink: "/newsletter/003/", newestDateForReaders: "12 September 2025"),
        Shape(
            example: "qingshi-weekly", baseURL: "https://weekly.qingshi.example",
            titles: ["青石周刊：第 1 期", "青石周刊：第 2 期", "青石周刊：第 3 期", "青石周刊：第 4 期"],
            numbers: [1, 2, 3, 4], dates: ["2025-10-10", "2025-10-17", "2025-10-24", "2025-10-31"], firstTags: [],
            pages: (1...4).map { "issues/青石周刊第-\($0)-期/index.html" },
            newestLink: "/issues/" + "青石周刊第-4-期".addingPercentEncoding(withAllowedCharacters: .urlPathAllowed)! + "/",
            newestDateForReaders: "2025年10月31日"),
    ]

    @Test(arguments: shapes)
    func buildsEveryIssueWithOnlyItsConfiguration(shape: Shape) throws {
        let copy = try Newsletter(copying: Newsletter.example(shape.example))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: copy.folder.path).filter { $0.hasSuffix(".toml") } == [
                "herald.toml"
            ])
        let build = try copy.herald(["build"])
        #expect(build.status == 0, "\(build.standardError)")
        #expect(!build.standardError.contains("warning"), "\(build.standardError)")
        for (page, title) in zip(shape.pages, shape.titles) {
            #expect(try copy.read("_site/" + page).contains(title), "\(page)")
        }
        let home = try copy.read("_site/index.html")
        #expect(home.contains("href=\"\(shape.newestLink)\""), "the home page links the newest issue")
        #expect(home.contains(shape.newestDateForReaders))
    }

    @Test(arguments: shapes)
    func checksCleanly(shape: Shape) throws {
        let copy = try Newsletter(copying: Newsletter.example(shape.example))
        let check = try copy.herald(["check", "--recent", "10", "--strict"])
        #expect(check.status == 0, "\(check.standardOutput)\(check.standardError)")
        #expect(check.standardOutput == "checked \(shape.numbers.count) files: no problems\n")
    }

    @Test(arguments: shapes)
    func exportsEveryIssueWithItsMetadata(shape: Shape) throws {
        let copy = try Newsletter(copying: Newsletter.example(shape.example))
        let export = try copy.herald(["export", "--out", "issues.json"])
        #expect(export.status == 0, "\(export.standardError)")
        let document = try JSONSerialization.jsonObject(
            with: Data(contentsOf: copy.folder.appendingPathComponent("issues.json")))
        let issues = try #require((document as? [String: Any])?["issues"] as? [[String: Any]])
        let metadata = issues.compactMap { $0["metadata"] as? [String: Any] }
        #expect(metadata.compactMap { $0["title"] as? String } == shape.titles)
        #expect(metadata.compactMap { $0["number"] as? Int } == shape.numbers)
        #expect(metadata.compactMap { $0["date"] as? String } == shape.dates)
        #expect(metadata.first?["tags"] as? [String] == shape.firstTags)
        let kinds = issues.map { (($0["sections"] as? [[String: Any]]) ?? []).compactMap { $0["kind"] as? String } }
        #expect(
            kinds.allSatisfy { $0.filter { $0 == "links" }.count >= 2 },
            "the sections [sections] names are links: \(kinds)")
    }

    @Test(arguments: shapes)
    func emailsTheNewestIssue(shape: Shape) throws {
        let copy = try Newsletter(copying: Newsletter.example(shape.example))
        let email = try copy.herald(["email", "--latest", "--out", "mail"])
        #expect(email.status == 0, "\(email.standardError)")
        let number = shape.numbers.last!
        let title = shape.titles.last!
        let page = shape.baseURL + shape.newestLink
        let html = try copy.read("mail/\(number).html")
        #expect(html.contains(title))
        #expect(html.contains("href=\"\(page)\""), "the email links the issue's page as the site does")
        let text = try copy.read("mail/\(number).txt")
        #expect(text.contains(title))
        let viewInBrowser = shape.example.hasSuffix("qingshi-weekly") ? "在浏览器中查看" : "View in browser"
        #expect(text.contains("\(viewInBrowser): \(page)\n"), "the link is labelled in the newsletter's language")
        let message = try copy.read("mail/\(number).eml")
        let subject = message.split(separator: "\r\n").first { $0.hasPrefix("Subject: ") }.map(String.init)
        let expected =
            title.allSatisfy(\.isASCII)
            ? "Subject: \(title)" : "Subject: =?UTF-8?B?"
        #expect(subject?.hasPrefix(expected) == true, "\(subject ?? "no subject")")
    }

    /// The page bundle's image is beside its page, where the issue's relative link finds it.
    @Test func theBundlesImageIsCopiedBesideItsPage() throws {
        let copy = try Newsletter(copying: Newsletter.example("burrow-monthly"))
        let build = try copy.herald(["build"])
        #expect(build.status == 0, "\(build.standardError)")
        let image = "newsletter/002/sync-times.png"
        let copied = try Data(contentsOf: copy.folder.appendingPathComponent("_site/" + image))
        #expect(copied == (try Data(contentsOf: copy.folder.appendingPathComponent("content/" + image))))
        #expect(try copy.read("_site/newsletter/002/index.html").contains("src=\"sync-times.png\""))
        #expect(!FileManager.default.fileExists(atPath: copy.folder.appendingPathComponent("_site/_index.md").path))
    }

    /// The monthly's next draft comes a month after its latest issue, on the twelfth like every
    /// issue before it, numbered one after it.
    @Test func theMonthlysNextDraftKeepsItsDayOfTheMonth() throws {
        let copy = try Newsletter(copying: Newsletter.example("burrow-monthly"))
        let new = try copy.herald(["new"])
        #expect(new.status == 0, "\(new.standardError)")
        let draft = try copy.read("draft/newsletter/004/index.md")
        #expect(draft.contains("title = \"Burrow Monthly 4\""))
        let date = try #require(draft.firstMatch(of: /date = (\d{4})-(\d{2})-(\d{2})/))
        #expect(date.3 == "12")
        #expect(!new.standardError.contains("warning"), "\(new.standardError)")
    }

    /// Publishing the monthly's draft, a page bundle with a chart, moves the chart with it, and
    /// the next draft is dated a month later.
    @Test func publishingTheMonthlyMovesItsBundleAndDatesTheNextDraftAMonthLater() throws {
        let copy = try Newsletter(copying: Newsletter.example("burrow-monthly"))
        let new = try copy.herald(["new", "--date", "2025-10-12"])
        #expect(new.status == 0, "\(new.standardError)")
        let chart = try Data(contentsOf: copy.folder.appendingPathComponent("content/newsletter/002/sync-times.png"))
        try chart.write(to: copy.folder.appendingPathComponent("draft/newsletter/004/chart.png"))
        let publish = try copy.herald(["publish"])
        #expect(publish.status == 0, "\(publish.standardError)")
        #expect(
            publish.standardOutput.contains(
                "move      draft/newsletter/004/chart.png → content/newsletter/004/chart.png"))
        let moved = try Data(contentsOf: copy.folder.appendingPathComponent("content/newsletter/004/chart.png"))
        #expect(moved == chart)
        #expect(
            !FileManager.default.fileExists(
                atPath: copy.folder.appendingPathComponent("draft/newsletter/004").path + "/chart.png"))
        let next = try copy.read("draft/newsletter/005/index.md")
        #expect(next.contains("title = \"Burrow Monthly 5\"\ndate = 2025-11-12\n"))
        let build = try copy.herald(["build"])
        #expect(build.status == 0, "\(build.standardError)")
        #expect(
            FileManager.default.fileExists(
                atPath: copy.folder.appendingPathComponent("_site/newsletter/004/chart.png").path))
    }
}
