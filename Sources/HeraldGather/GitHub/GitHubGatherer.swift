import HeraldCore

/// `herald gather github`: the week's calls for testing, approved RFCs, final comment periods,
/// new RFCs and merged pull request count, from the groups in `[gather.github]`.
///
/// The week is the seven days before the given date and the date itself, as This Week in
/// Rust's merged-PR link counts it. Label-based groups (calls for testing, final comment
/// period) search the open items carrying the labels, then read each item's events to keep
/// those labelled during the week; a label added months ago is not news.
public struct GitHubGatherer: Sendable {
    public var api: GitHubAPI
    public var configuration: NewsletterConfiguration.Gather.GitHub

    public init(api: GitHubAPI, configuration: NewsletterConfiguration.Gather.GitHub) {
        self.api = api
        self.configuration = configuration
    }

    /// What one run gathered: each group's items (or its failure) and the merged count.
    public struct Result: Sendable {
        /// The groups in configuration order with their items; a failed group is left out.
        public var groups: [(query: NewsletterConfiguration.Gather.GitHub.Query, items: [GitHubItem])]
        /// Merged pull requests in the organisation during the week, unless the search failed.
        public var mergedCount: Int?
        public var failures: [GatherError]
        public var quota: RateLimitQuota?
        /// The organisation whose merged pull requests were counted.
        public var organisation: String
        /// The week's first and last day.
        public var first: IssueDate
        public var last: IssueDate
    }

    /// Gathers the week ending on `date`.
    public func gather(weekEnding date: IssueDate) async -> Result {
        let first = date.adding(days: -7)
        var result = Result(
            groups: [], mergedCount: nil, failures: [], quota: nil, organisation: configuration.organisation,
            first: first,
            last: date)
        for query in configuration.queries {
            do throws(GatherError) {
                result.groups.append((query, try await items(for: query, from: first, through: date)))
            } catch {
                result.failures.append(error)
            }
        }
        do throws(GatherError) {
            let merged = "org:\(configuration.organisation) is:pr is:merged merged:\(first)..\(date)"
            result.mergedCount = try await api.search(merged, pages: 1).total
        } catch {
            result.failures.append(error)
        }
        result.quota = await api.quota
        return result
    }

    private func items(
        for query: NewsletterConfiguration.Gather.GitHub.Query, from first: IssueDate, through last: IssueDate
    ) async throws(GatherError) -> [GitHubItem] {
        let labels = query.labels.map { "label:\"\($0)\"" }.joined(separator: " ")
        var items: [GitHubItem] = []
        for repository in query.repositories {
            let scope = "repo:\(repository)" + (labels.isEmpty ? "" : " " + labels)
            switch query.section {
            case .approvedRFCs:
                let found = try await api.search("\(scope) is:pr is:merged merged:\(first)..\(last)").items
                items += found.sorted { $0.number < $1.number }.map { GitHubItem(title: $0.title, url: $0.htmlUrl) }
            case .newRFCs:
                let found = try await api.search("\(scope) is:pr created:\(first)..\(last)").items
                items += found.sorted { $0.number > $1.number }.map { GitHubItem(title: $0.title, url: $0.htmlUrl) }
            default:
                let found = try await api.search("\(scope) is:open").items
                for issue in found.sorted(by: { $0.number > $1.number }) {
                    guard let label = query.labels.first,
                        let added = try await labelled(issue, with: label, in: repository),
                        added >= first, added <= last
                    else { continue }
                    let disposition = query.section == .finalCommentPeriod ? Self.disposition(of: issue) : nil
                    items.append(GitHubItem(title: issue.title, url: issue.htmlUrl, disposition: disposition))
                }
            }
        }
        return items
    }

    /// The day `label` was last added to `issue`, from its events.
    private func labelled(_ issue: GitHubIssue, with label: String, in repository: String) async throws(GatherError)
        -> IssueDate?
    {
        let url = await api.address(
            "/repos/\(repository)/issues/\(issue.number)/events", query: [("per_page", "100")])
        let events = try await api.all(url, as: GitHubIssueEvent.self)
        return events.last { $0.event == "labeled" && $0.label?.name.lowercased() == label.lowercased() }
            .flatMap { IssueDate(timestamp: $0.createdAt) }
    }

    /// `merge` from a `disposition-merge` label; `unspecified` without one.
    static func disposition(of issue: GitHubIssue) -> String {
        let prefix = "disposition-"
        return issue.labels.lazy.map { $0.name.lowercased() }.first { $0.hasPrefix(prefix) }
            .map { String($0.dropFirst(prefix.count)) } ?? "unspecified"
    }
}
