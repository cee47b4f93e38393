import Foundation
import HeraldTestSupport
import Testing

/// `herald gather github`, the built program, against recorded answers for the week of This Week
/// in Rust 603 (2025-06-11), printing that issue's gathered sections byte for byte as published.
///
/// The published text is read from the corpus when the test runs (it is not copied into the
/// repository); the newsletter is configured as TWiR wrote its sections in 2025 (groups, links,
/// `### ` call-for-testing headings, the note as a list item, `[new] ` before new RFCs), which
/// is what the `[gather.github]` format keys are for.
@Suite struct GitHubGoldenTests {
    static let herald = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        .appendingPathComponent("herald")

    @Test func printsIssue603sSectionsAsPublished() async throws {
        guard let issue = SharedFolder.twirIssue("2025-06-11-this-week-in-rust.md") else {
            if SharedFolder.isCI { Issue.record("the TWiR corpus is missing: set HERALD_SHARED") }
            return
        }
        try #require(FileManager.default.isExecutableFile(atPath: Self.herald.path), "build herald first")
        let published = try String(contentsOf: issue, encoding: .utf8).split(
            separator: "\n", omittingEmptySubsequences: false
        ).map(String.init)
        let expected =
            [
                ("calls-for-testing", Self.lines(of: published, from: "* *No calls for testing", through: ".*")),
                ("approved-rfcs", Self.list(in: published, after: "### [Approved RFCs]")),
                ("final-comment-period", Self.lines(of: published, from: "##### [Rust]", through: ".*")),
                ("new-rfcs", Self.list(in: published, after: "#### [New and Updated RFCs]")),
                ("project-updates", Self.mergedCount(in: published)),
            ].map { "<!-- \($0.0) -->\n" + $0.1.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"

        let base = BaseBox()
        let server = try await FixtureServer.start { request in
            TWiRWeekFixtures.answer(request, base: await base.value)
        }
        await base.set(server.baseURL)
        let weekly = try Newsletter(files: ["herald.toml": Self.configuration(api: server.baseURL)])
        try weekly.makeFolder("content")
        let run = try await Self.run(["gather", "github", "--date", "2025-06-10", "--folder", weekly.folder.path])
        await server.stop()
        #expect(run.error.contains("GitHub API quota: 4896 of 5000 requests left"))
        #expect(run.status == 0, "\(run.error)")
        #expect(run.output == expected)
    }

    @Test func anIncompleteSearchIsAWarningAndExitStatusOne() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.herald.path), "build herald first")
        let server = try await FixtureServer.start { request in
            if request.path == "/rate_limit" { return FixtureServer.Reply(status: 404) }
            return TWiRWeekFixtures.json(
                #"{"total_count": 0, "incomplete_results": true, "items": []}"#, headers: TWiRWeekFixtures.searchQuota)
        }
        let configuration = """
            [gather.github]
            api = "\(server.baseURL)"
            organisation = "quill-lang"

            [[gather.github.queries]]
            section = "new-rfcs"
            repositories = ["quill-lang/qeps"]
            """
        let weekly = try Newsletter(files: ["herald.toml": configuration])
        try weekly.makeFolder("content")
        let run = try await Self.run(["gather", "github", "--date", "2025-06-10", "--folder", weekly.folder.path])
        await server.stop()
        #expect(run.status == 1)
        #expect(run.error.contains("warning: GitHub's search for group 'quill-lang/qeps' timed out three times"))
        #expect(run.output.contains("* *No New or Updated RFCs were created this week.*"))
    }

    /// The lines from the first starting with `start` through the next ending with `end`.
    static func lines(of lines: [String], from start: String, through end: String) -> [String] {
        guard let first = lines.firstIndex(where: { $0.hasPrefix(start) }),
            let last = lines[first...].firstIndex(where: { $0.hasSuffix(end) })
        else { return [] }
        return Array(lines[first...last])
    }

    /// The list after the heading starting with `heading`.
    static func list(in lines: [String], after heading: String) -> [String] {
        guard let start = lines.firstIndex(where: { $0.hasPrefix(heading) }),
            let first = lines[start...].firstIndex(where: { $0.hasPrefix("* ") })
        else { return [] }
        return Array(lines[first...].prefix { $0.hasPrefix("* ") })
    }

    /// `N pull requests were [merged in the last week][merged]`, a blank line and its reference.
    static func mergedCount(in lines: [String]) -> [String] {
        guard let count = lines.first(where: { $0.hasSuffix(" pull requests were [merged in the last week][merged]") }),
            let reference = lines.first(where: { $0.hasPrefix("[merged]: ") })
        else { return [] }
        return [count, "", reference]
    }

    /// `[gather.github]` as This Week in Rust wrote its sections in June 2025.
    static func configuration(api: String) -> String {
        let fcp = "is%3Aopen+label%3Afinal-comment-period+sort%3Aupdated-desc"
        func group(_ section: String, _ name: String, _ url: String, _ repository: String, _ label: String?) -> String {
            """

            [[gather.github.queries]]
            section = "\(section)"
            name = "\(name)"
            url = "\(url)"
            repositories = ["rust-lang/\(repository)"]
            labels = [\(label.map { "\"\($0)\"" } ?? "")]

            """
        }
        return """
            [gather.github]
            api = "\(api)"
            web = "https://github.com"
            testing_heading_level = 3
            new_rfc_prefix = "[new] "
            no_calls_for_testing = "* *No calls for testing were issued this week by {groups}.*"

            """
                + group(
                    "calls-for-testing", "Rust", "https://github.com/rust-lang/rust/labels/call-for-testing", "rust",
                    "call-for-testing")
                + group(
                    "calls-for-testing", "Rust language RFCs",
                    "https://github.com/rust-lang/rfcs/issues?q=label%3Acall-for-testing", "rfcs", "call-for-testing")
                + group(
                    "calls-for-testing", "Cargo", "https://github.com/rust-lang/cargo/labels/call-for-testing", "cargo",
                    "call-for-testing")
                + group(
                    "calls-for-testing", "Rustup", "https://github.com/rust-lang/rustup/labels/call-for-testing",
                    "rustup", "call-for-testing")
                + group(
                    "approved-rfcs", "Approved RFCs", "https://github.com/rust-lang/rfcs/commits/master", "rfcs", nil)
                + group(
                    "final-comment-period", "Rust", "https://github.com/rust-lang/rust/issues?q=\(fcp)", "rust",
                    "final-comment-period")
                + group(
                    "final-comment-period", "Cargo", "https://github.com/rust-lang/cargo/issues?q=\(fcp)", "cargo",
                    "final-comment-period")
                + group(
                    "final-comment-period", "Language Reference",
                    "https://github.com/rust-lang/reference/issues?q=\(fcp)",
                    "reference", "final-comment-period")
                + group(
                    "final-comment-period", "Language Team", "https://github.com/rust-lang/lang-team/issues?q=\(fcp)+",
                    "lang-team", "final-comment-period")
                + group(
                    "final-comment-period", "Rust RFCs",
                    "https://github.com/rust-lang/rfcs/labels/final-comment-period",
                    "rfcs", "final-comment-period")
                + group(
                    "final-comment-period", "Unsafe Code Guidelines",
                    "https://github.com/rust-lang/unsafe-code-guidelines/issues?q=\(fcp)", "unsafe-code-guidelines",
                    "final-comment-period")
                + group("new-rfcs", "New and Updated RFCs", "https://github.com/rust-lang/rfcs/pulls", "rfcs", nil)
    }

    /// Runs the built `herald` without blocking the test's threads, which serve its requests.
    static func run(_ arguments: [String]) async throws -> (status: Int32, output: String, error: String) {
        let result = try await TestProcess.running(herald, arguments, environment: ["GITHUB_TOKEN": "recorded"])
        return (result.status, result.standardOutput, result.standardError)
    }
}
