import Foundation
import HeraldTestSupport

/// GitHub's REST API as it answered for one real week of This Week in Rust, 2025-06-03 to
/// 2025-06-10 (issue 603, published 2025-06-11): the items that issue lists, in the order GitHub
/// gives them sorted by update, plus items a careless gatherer would wrongly list (labelled
/// before the week, closed). Written for these tests in the shape of GitHub's documented
/// examples: `search/issues` items, issue events, `rate_limit`.
enum TWiRWeekFixtures {
    /// An item of a search answer.
    struct Item {
        var repository: String
        var number: Int
        var title: String
        var pull = true
        var labels: [String] = []
        /// When its label of interest was added.
        var labelled = "2025-06-05T14:00:00Z"
        var state = "open"
    }

    /// The final comment period of rust-lang/rust, most recently updated first, as issue 603 lists
    /// it; 139990 and 139991 entered it before the week and are not news.
    static let rustFCP: [Item] = [
        Item(
            repository: "rust-lang/rust", number: 126043,
            title: "Tracking Issue for `mixed_integer_ops_unsigned_sub`", pull: false,
            labels: ["final-comment-period", "disposition-merge", "T-libs-api"]),
        Item(
            repository: "rust-lang/rust", number: 140748, title: "Allow storing `format_args!()` in variable",
            labels: ["final-comment-period", "disposition-merge"]),
        Item(
            repository: "rust-lang/rust", number: 139990, title: "Stabilize `naked_functions` everywhere",
            labels: ["final-comment-period"], labelled: "2025-05-20T08:00:00Z"),
        Item(
            repository: "rust-lang/rust", number: 130994, title: "Tracking Issue for File lock API", pull: false,
            labels: ["final-comment-period", "disposition-merge"]),
        Item(
            repository: "rust-lang/rust", number: 137944, title: "Sized Hierarchy: Part I",
            labels: ["final-comment-period"], labelled: "2025-06-09T09:30:00Z"),
        Item(
            repository: "rust-lang/rust", number: 141260,
            title: "Allow volatile access to non-Rust memory, including address 0", labels: ["final-comment-period"]),
        Item(
            repository: "rust-lang/rust", number: 140942,
            title: "const-eval: allow constants to refer to mutable/external memory, "
                + "but reject such constants as patterns",
            labels: ["final-comment-period", "disposition-merge"]),
        Item(
            repository: "rust-lang/rust", number: 141937, title: "Report never type lints in dependencies",
            labels: ["final-comment-period"]),
        Item(
            repository: "rust-lang/rust", number: 139991, title: "Lint against `&T` to `&mut T` casts",
            labels: ["final-comment-period", "disposition-merge"], labelled: "2025-06-02T23:59:00Z"),
        Item(
            repository: "rust-lang/rust", number: 141352, title: "builtin dyn impl no guide inference",
            labels: ["final-comment-period", "disposition-merge"]),
        Item(
            repository: "rust-lang/rust", number: 140985,
            title: "Change `core::iter::Fuse`'s Default impl to do what its docs say it does",
            labels: ["final-comment-period"], labelled: "2025-06-10T23:10:00Z"),
        Item(
            repository: "rust-lang/rust", number: 133820, title: "Stabilize derive(CoercePointee)",
            labels: ["final-comment-period", "disposition-merge"], labelled: "2025-06-03T00:05:00Z"),
        Item(
            repository: "rust-lang/rust", number: 141574, title: "impl `Default` for `array::IntoIter`",
            labels: ["final-comment-period"]),
        Item(
            repository: "rust-lang/rust", number: 138016, title: "Added `Clone` implementation for `ChunkBy`",
            labels: ["final-comment-period", "disposition-merge"]),
    ]

    /// The open items of each repository and label the week's searches ask for; any other search
    /// finds nothing.
    static let searches: [String: [Item]] = [
        "rust-lang/rust final-comment-period": rustFCP,
        "rust-lang/rfcs final-comment-period": [
            Item(
                repository: "rust-lang/rfcs", number: 3698, title: "Declarative `macro_rules!` derive macros",
                labels: ["final-comment-period", "disposition-merge"], labelled: "2025-04-22T10:00:00Z")
        ],
        "rust-lang/rust call-for-testing": [
            Item(
                repository: "rust-lang/rust", number: 131204,
                title: "Tracking issue for RFC 3695: Allow boolean literals as cfg predicates", pull: false,
                labels: ["call-for-testing"], labelled: "2025-01-03T10:00:00Z")
        ],
        "rust-lang/compiler-team final-comment-period": [
            Item(
                repository: "rust-lang/compiler-team", number: 866,
                title: "Promote tier 3 riscv32 ESP-IDF targets to tier 2", pull: false,
                labels: ["final-comment-period", "major-change", "T-compiler"])
        ],
        "rust-lang/leadership-council final-comment-period": [
            Item(
                repository: "rust-lang/leadership-council", number: 190,
                title: "Retire the <council> alias & its [archive]", pull: false,
                labels: ["final-comment-period", "disposition-close"])
        ],
        "rust-lang/rfcs new": [
            Item(repository: "rust-lang/rfcs", number: 3830, title: "RFC: Dedented String Literals"),
            Item(
                repository: "rust-lang/rfcs", number: 3827, title: "RFC: withdrawn within the week",
                state: "closed"),
        ],
    ]

    /// Where the week's events of rust-lang/rust#137944 begin: its final-comment-period label was
    /// added after more than 1,100 other events, on the twelfth page.
    static let longHistory = 137944
    static let longHistoryPages = 12

    static let searchQuota: [(String, String)] = [
        ("x-ratelimit-limit", "30"), ("x-ratelimit-remaining", "24"), ("x-ratelimit-reset", "1749589260"),
        ("x-ratelimit-resource", "search"), ("x-ratelimit-used", "6"),
    ]

    static let coreQuota: [(String, String)] = [
        ("x-ratelimit-limit", "5000"), ("x-ratelimit-remaining", "4899"), ("x-ratelimit-reset", "1749592800"),
        ("x-ratelimit-resource", "core"), ("x-ratelimit-used", "101"),
    ]

    static func json(_ text: String, headers: [(String, String)]) -> FixtureServer.Reply {
        FixtureServer.Reply(contentType: "application/json; charset=utf-8", text, headers: headers)
    }

    /// Answers every request of a gathering of the week.
    static func answer(_ request: FixtureServer.Request, base: String) -> FixtureServer.Reply {
        switch request.path {
        case "/search/issues":
            return search(request)
        case "/rate_limit":
            return json(
                #"""
                {"resources": {"core": {"limit": 5000, "used": 104, "remaining": 4896, "reset": 1749592800},
                  "search": {"limit": 30, "used": 6, "remaining": 24, "reset": 1749589260},
                  "graphql": {"limit": 5000, "used": 0, "remaining": 5000, "reset": 1749592800}},
                 "rate": {"limit": 5000, "used": 104, "remaining": 4896, "reset": 1749592800}}
                """#, headers: [])
        default:
            return events(request, base: base)
        }
    }

    /// One of the week's 516 merged pull requests, the first page of that count's search.
    private static let rollup = Item(repository: "rust-lang/rust", number: 142001, title: "Rollup of 8 pull requests")

    private static func search(_ request: FixtureServer.Request) -> FixtureServer.Reply {
        let q = request.query["q"] ?? ""
        if q.hasPrefix("org:rust-lang is:pr is:merged merged:2025-06-03..2025-06-10") {
            return json(
                #"{"total_count": 516, "incomplete_results": false, "items": ["# + issue(rollup, updated: 0) + "]}",
                headers: searchQuota)
        }
        let repository = q.split(separator: " ").first { $0.hasPrefix("repo:") }.map { String($0.dropFirst(5)) } ?? ""
        let key: String
        if q.contains("created:2025-06-03..2025-06-10") {
            key = "\(repository) new"
        } else if let label = q.firstMatch(of: #/label:"([^"]+)"/#)?.1 {
            key = "\(repository) \(label)"
        } else {
            key = repository
        }
        var items = (searches[key] ?? []).enumerated().map { ($1, $0) }
        if q.contains("is:open") { items = items.filter { $0.0.state == "open" } }
        // Without `sort=updated` GitHub orders by best match; here, by number.
        if request.query["sort"] != "updated" { items.sort { $0.0.number < $1.0.number } }
        let body = items.map { issue($0.0, updated: $0.1) }.joined(separator: ",\n")
        return json(
            #"{"total_count": \#(items.count), "incomplete_results": false, "items": [\#(body)]}"#,
            headers: searchQuota)
    }

    /// An item in the shape of GitHub's search example, updated `updated` hours before the end of
    /// the week.
    static func issue(_ item: Item, updated: Int) -> String {
        let api = "https://api.github.com/repos/\(item.repository)"
        let labels = item.labels.enumerated().map { index, name in
            #"{"id": \#(208_045_946 + index), "node_id": "MDU6TGFiZWwyMDgwNDU5NDY=", "#
                + #""url": "\#(api)/labels/\#(name)", "name": "\#(name)", "color": "f29513", "default": false, "#
                + #""description": null}"#
        }.joined(separator: ", ")
        let kind = item.pull ? "pull" : "issues"
        let web = "https://github.com/\(item.repository)/pull/\(item.number)"
        let pull =
            item.pull
            ? #", "pull_request": {"url": "\#(api)/pulls/\#(item.number)", "html_url": "\#(web)", "#
                + #""diff_url": "\#(web).diff", "patch_url": "\#(web).patch", "merged_at": null}"#
            : ""
        let hour = 23 - updated % 24
        let day = 10 - updated / 24
        let stamp = String(format: "2025-06-%02ldT%02ld:00:00Z", day, hour)
        return #"""
            {"url": "https://api.github.com/repos/\#(item.repository)/issues/\#(item.number)",
             "repository_url": "https://api.github.com/repos/\#(item.repository)",
             "labels_url": "https://api.github.com/repos/\#(item.repository)/issues/\#(item.number)/labels{/name}",
             "comments_url": "https://api.github.com/repos/\#(item.repository)/issues/\#(item.number)/comments",
             "events_url": "https://api.github.com/repos/\#(item.repository)/issues/\#(item.number)/events",
             "html_url": "https://github.com/\#(item.repository)/\#(kind)/\#(item.number)",
             "id": \#(2_000_000_000 + item.number), "node_id": "MDU6SXNzdWUx", "number": \#(item.number),
             "title": "\#(item.title)", "user": {"login": "octocat", "id": 1, "type": "User", "site_admin": false},
             "labels": [\#(labels)], "state": "\#(item.state)", "assignee": null, "milestone": null,
             "comments": 15, "created_at": "2025-01-20T22:01:12Z", "updated_at": "\#(stamp)",
             "closed_at": null, "author_association": "CONTRIBUTOR", "body": "…", "score": 1\#(pull)}
            """#
    }

    /// `/repos/{owner}/{repo}/issues/{number}/events`, a hundred to a page with `Link` headers.
    private static func events(_ request: FixtureServer.Request, base: String) -> FixtureServer.Reply {
        let parts = request.path.split(separator: "/")
        guard parts.count == 6, parts[0] == "repos", parts[3] == "issues", parts[5] == "events",
            let number = Int(parts[4])
        else {
            return FixtureServer.Reply(
                status: 404, contentType: "application/json",
                #"{"message": "Not Found", "documentation_url": "https://docs.github.com/rest", "status": "404"}"#)
        }
        let repository = "\(parts[1])/\(parts[2])"
        let item = searches.values.joined().first { $0.repository == repository && $0.number == number }
        guard let item else { return json("[]", headers: coreQuota) }
        let label = item.labels.first ?? ""
        let labelled = event(1, "labeled", label: label, at: item.labelled)
        guard number == longHistory else {
            return json(
                "[\(event(0, "labeled", label: "T-lang", at: "2024-11-02T10:00:00Z")), \(labelled)]",
                headers: coreQuota)
        }
        let page = Int(request.query["page"] ?? "1") ?? 1
        var headers = coreQuota
        if page < longHistoryPages {
            let next = "\(base)/repos/\(repository)/issues/\(number)/events?per_page=100&page=\(page + 1)"
            let last = "\(base)/repos/\(repository)/issues/\(number)/events?per_page=100&page=\(longHistoryPages)"
            headers.append(("Link", "<\(next)>; rel=\"next\", <\(last)>; rel=\"last\""))
        }
        let events =
            page < longHistoryPages
            ? (0..<100).map { event(page * 100 + $0, "mentioned", label: nil, at: "2025-03-01T10:00:00Z") }
            : [labelled]
        return json("[" + events.joined(separator: ",\n") + "]", headers: headers)
    }

    private static func event(_ id: Int, _ kind: String, label: String?, at time: String) -> String {
        let labelField = label.map { #", "label": {"name": "\#($0)", "color": "e10c02"}"# } ?? ""
        return #"""
            {"id": \#(6_430_295_168 + id), "node_id": "LE_lADOEEaQ",
             "url": "https://api.github.com/repos/o/r/issues/events/\#(id)",
             "actor": {"login": "rfcbot", "id": 2, "type": "User"}, "event": "\#(kind)", "commit_id": null,
             "commit_url": null, "created_at": "\#(time)"\#(labelField), "performed_via_github_app": null}
            """#
    }
}
