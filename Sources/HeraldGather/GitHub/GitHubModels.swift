import Foundation
import HeraldCore

/// The parts of GitHub's `GET /search/issues` answer Herald reads.
struct GitHubSearchResult: Decodable, Sendable {
    var totalCount: Int
    /// True when GitHub's search timed out and the items may be only some of the matches.
    var incompleteResults: Bool?
    var items: [GitHubIssue]
}

/// The parts of `GET /rate_limit` Herald reads: the hourly core bucket.
struct GitHubRateLimits: Decodable, Sendable {
    struct Bucket: Decodable, Sendable {
        var limit: Int
        var remaining: Int
        var reset: TimeInterval
    }

    struct Resources: Decodable, Sendable {
        var core: Bucket
    }

    var resources: Resources
}

/// An issue or pull request as the search and issues APIs give it.
struct GitHubIssue: Decodable, Sendable, Hashable {
    struct Label: Decodable, Sendable, Hashable {
        var name: String
    }

    var number: Int
    var title: String
    var htmlUrl: String
    var labels: [Label]
}

/// One entry of `GET /repos/{owner}/{repo}/issues/{number}/events`.
struct GitHubIssueEvent: Decodable, Sendable {
    var event: String
    var label: GitHubIssue.Label?
    var createdAt: String
}

/// GitHub's error body: `{"message": "Validation Failed", …}`.
struct GitHubMessage: Decodable, Sendable {
    var message: String
}

extension IssueDate {
    /// The day of a GitHub timestamp (`2025-06-20T12:34:56Z`), in UTC as GitHub gives it.
    init?(timestamp: String) {
        self.init(parsing: timestamp.prefix(10))
    }
}
