import Foundation
import HeraldCore
import HeraldTestSupport

/// A stand-in for GitHub's REST API: search and issue events for the fictional quill-lang
/// organisation, answering in the shape GitHub does (snake_case fields, `Link` pagination,
/// rate-limit headers).
enum GitHubFixtures {
    /// An item of `/search/issues`, with the fields GitHub sends.
    static func item(
        _ repository: String, _ number: Int, _ title: String, labels: [String], pull: Bool = true,
        merged: String? = nil, created: String = "2025-06-18T09:12:44Z"
    ) -> String {
        let labelList = labels.enumerated().map { index, name in
            #"{"id": \#(7_000 + index), "name": "\#(name)", "color": "e4e669", "default": false}"#
        }.joined(separator: ", ")
        let kind = pull ? "pull" : "issues"
        let pullRequest =
            pull
            ? #", "pull_request": {"url": "https://api.github.com/repos/\#(repository)/pulls/\#(number)", "html_url": "https://github.com/\#(repository)/pull/\#(number)", "merged_at": \#(merged.map { "\"\($0)\"" } ?? "null")}"#
            : ""
        return #"""
            {"url": "https://api.github.com/repos/\#(repository)/issues/\#(number)",
             "repository_url": "https://api.github.com/repos/\#(repository)",
             "html_url": "https://github.com/\#(repository)/\#(kind)/\#(number)",
             "id": \#(900_000 + number), "number": \#(number), "title": "\#(title)",
             "user": {"login": "quill-dev", "id": 4242, "type": "User"},
             "labels": [\#(labelList)], "state": "open", "locked": false, "comments": 3,
             "created_at": "\#(created)", "updated_at": "2025-06-21T10:00:00Z", "closed_at": null,
             "author_association": "MEMBER", "body": "Details in the thread."\#(pullRequest),
             "score": 1.0}
            """#
    }

    static func search(total: Int, items: [String]) -> String {
        #"{"total_count": \#(total), "incomplete_results": false, "items": [\#(items.joined(separator: ",\n"))]}"#
    }

    /// `/repos/{owner}/{repo}/issues/{number}/events`: an old label, then the label of interest.
    static func events(label: String, on date: String) -> String {
        #"""
        [{"id": 1, "event": "labeled", "actor": {"login": "bot"}, "label": {"name": "T-lang", "color": "bfd4f2"},
          "created_at": "2024-01-05T08:00:00Z"},
         {"id": 2, "event": "commented", "actor": {"login": "quill-dev"}, "created_at": "2025-01-01T08:00:00Z"},
         {"id": 3, "event": "labeled", "actor": {"login": "bot"}, "label": {"name": "\#(label)", "color": "e4e669"},
          "created_at": "\#(date)T16:30:00Z"}]
        """#
    }

    static let quota: [(String, String)] = [
        ("x-ratelimit-limit", "5000"), ("x-ratelimit-remaining", "4321"), ("x-ratelimit-reset", "1750780800"),
        ("x-ratelimit-resource", "search"),
    ]

    static func json(_ text: String, headers: [(String, String)] = quota) -> FixtureServer.Reply {
        FixtureServer.Reply(contentType: "application/json; charset=utf-8", text, headers: headers)
    }

    /// Answers every request of a gathering for the week 2025-06-17..2025-06-24.
    static func answer(_ request: FixtureServer.Request, base: String) -> FixtureServer.Reply {
        let q = request.query["q"] ?? ""
        switch request.path {
        case "/search/issues" where q.contains("repo:quill-lang/cargo"):
            if request.query["page"] == "2" {
                return json(
                    search(
                        total: 3,
                        items: [
                            item(
                                "quill-lang/cargo", 90, "cargo publish --dry-run for workspaces",
                                labels: ["call-for-testing"], pull: false)
                        ]))
            }
            let next =
                "\(base)/search/issues?q=\(q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&per_page=100&page=2"
            return json(
                search(
                    total: 3,
                    items: [
                        item(
                            "quill-lang/cargo", 101, "Tracking issue for `-Zbuild-dir`",
                            labels: ["call-for-testing", "C-tracking-issue"], pull: false),
                        item(
                            "quill-lang/cargo", 55, "Sparse registry protocol", labels: ["call-for-testing"],
                            pull: false),
                    ]),
                headers: quota + [("Link", "<\(next)>; rel=\"next\", <\(next)>; rel=\"last\"")])
        case "/search/issues" where q.contains("repo:quill-lang/quill") && q.contains("final-comment-period"):
            return json(
                search(
                    total: 3,
                    items: [
                        item(
                            "quill-lang/quill", 300, "Stabilize `let chains`",
                            labels: ["final-comment-period", "disposition-merge", "T-lang"]),
                        item(
                            "quill-lang/quill", 280, "Remove the `box` keyword",
                            labels: ["disposition-close", "final-comment-period"]),
                        item(
                            "quill-lang/quill", 250, "Tracking issue for inline consts",
                            labels: ["final-comment-period"], pull: false),
                    ]))
        case "/search/issues"
        where q.contains("is:merged merged:2025-06-17..2025-06-24") && q.contains("org:quill-lang"):
            return json(
                search(
                    total: 448,
                    items: [
                        item(
                            "quill-lang/quill", 999, "Rollup of 9 pull requests", labels: [],
                            merged: "2025-06-20T12:00:00Z")
                    ]))
        case "/search/issues" where q.contains("repo:quill-lang/qeps") && q.contains("is:merged"):
            return json(
                search(
                    total: 1,
                    items: [
                        item(
                            "quill-lang/qeps", 3698, "QEP: Declarative derive macros", labels: ["T-lang"],
                            merged: "2025-06-19T12:00:00Z")
                    ]))
        case "/search/issues" where q.contains("repo:quill-lang/qeps") && q.contains("created:"):
            return json(
                search(
                    total: 2,
                    items: [
                        item("quill-lang/qeps", 3834, "QEP: export visibility attribute", labels: []),
                        item("quill-lang/qeps", 3830, "QEP: Dedented string literals", labels: []),
                    ]))
        case "/search/issues":
            return json(search(total: 0, items: []))
        case "/rate_limit":
            return json(
                #"{"resources": {"core": {"limit": 5000, "used": 13, "remaining": 4987, "reset": 1750780800}}}"#,
                headers: [])
        case "/repos/quill-lang/cargo/issues/101/events":
            return json(events(label: "call-for-testing", on: "2025-06-20"))
        case "/repos/quill-lang/cargo/issues/90/events":
            return json(events(label: "call-for-testing", on: "2025-06-24"))
        case "/repos/quill-lang/cargo/issues/55/events":
            return json(events(label: "call-for-testing", on: "2024-11-02"))
        case "/repos/quill-lang/quill/issues/300/events":
            return json(events(label: "final-comment-period", on: "2025-06-17"))
        case "/repos/quill-lang/quill/issues/280/events":
            return json(events(label: "final-comment-period", on: "2025-06-22"))
        case "/repos/quill-lang/quill/issues/250/events":
            return json(events(label: "final-comment-period", on: "2025-05-30"))
        default:
            return FixtureServer.Reply(
                status: 404, contentType: "application/json",
                #"{"message": "Not Found", "documentation_url": "https://docs.github.com/rest"}"#)
        }
    }

    /// The groups of the fixtures: two calls-for-testing groups, approved and new QEPs, and two
    /// final comment period groups.
    static func configuration(api: String) -> NewsletterConfiguration.Gather.GitHub {
        typealias Query = NewsletterConfiguration.Gather.GitHub.Query
        return NewsletterConfiguration.Gather.GitHub(
            api: api, organisation: "quill-lang",
            queries: [
                Query(
                    section: .callsForTesting, name: "Quill",
                    url: "https://github.com/quill-lang/quill/labels/call-for-testing",
                    repositories: ["quill-lang/quill"], labels: ["call-for-testing"]),
                Query(
                    section: .callsForTesting, name: "Cargo",
                    url: "https://github.com/quill-lang/cargo/labels/call-for-testing",
                    repositories: ["quill-lang/cargo"], labels: ["call-for-testing"]),
                Query(section: .approvedRFCs, name: "Approved QEPs", repositories: ["quill-lang/qeps"]),
                Query(
                    section: .finalCommentPeriod, name: "Quill",
                    url: "https://github.com/quill-lang/quill/labels/final-comment-period",
                    repositories: ["quill-lang/quill"], labels: ["final-comment-period"]),
                Query(
                    section: .finalCommentPeriod, name: "QEPs",
                    url: "https://github.com/quill-lang/qeps/labels/final-comment-period",
                    repositories: ["quill-lang/qeps"], labels: ["final-comment-period"]),
                Query(section: .newRFCs, name: "New QEPs", repositories: ["quill-lang/qeps"]),
            ])
    }
}
