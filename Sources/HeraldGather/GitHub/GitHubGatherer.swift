public import HeraldCore

/// `herald gather github`: the week's calls for testing, approved RFCs, final comment periods,
/// new RFCs and merged pull request count, from the groups in `[gather.github]`.
///
/// The week is the seven days before the given date and the date itself, as This Week in
/// Rust's merged-PR link counts it. Label-based groups (calls for testing, final comment
/// period) search the open items carrying the labels, then read every page of each item's
/// events to keep those labelled during the week; a label added months ago is not news.
/// Nothing is dropped without a word: a search GitHub says is incomplete, or one that found more
/// than the 1,000 items GitHub hands out, is a warning.
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
        /// Searches whose items may be only some of those that match: printed, and the exit
        /// status is 1, but what was found is still written.
        public var warnings: [GatherError]
        /// The hourly core quota left after gathering.
        public var quota: RateLimitQuota?
        /// The organisation whose merged pull requests were counted.
        public var organisation: String
        /// The week's first and last day.
        public var first: IssueDate
        public var last: IssueDate
        /// How the sections are written.
        public var format: NewsletterConfiguration.Gather.GitHub.Format
    }

    /// Gathers the week ending on `date`.
    public func gather(weekEnding date: IssueDate) async -> Result {
        let first = date.adding(days: -7)
        var result = Result(
            groups: [], mergedCount: nil, failures: [], warnings: [], quota: nil,
            organisation: configuration.organisation, first: first, last: date, format: configuration.format)
        for query in configuration.queries {
            do throws(GatherError) {
                var warnings: [GatherError] = []
                let items = try await items(for: query, from: first, through: date, warnings: &warnings)
                result.groups.append((query, items))
                result.warnings += warnings
            } catch {
                result.failures.append(error)
            }
        }
        do throws(GatherError) {
            let merged = "org:\(configuration.organisation) is:pr is:merged merged:\(first)..\(date)"
            let answer = try await api.search(merged, pages: 1)
            result.mergedCount = answer.total
            if answer.isIncomplete {
                result.warnings.append(
                    Self.incomplete(merged, source: await api.address("/search/issues"), what: "the merged count"))
            }
        } catch {
            result.failures.append(error)
        }
        result.quota = await api.currentCoreQuota()
        return result
    }

    private func items(
        for query: NewsletterConfiguration.Gather.GitHub.Query, from first: IssueDate, through last: IssueDate,
        warnings: inout [GatherError]
    ) async throws(GatherError) -> [GitHubItem] {
        let labels = query.labels.map { "label:\"\($0)\"" }.joined(separator: " ")
        let byUpdate = configuration.format.itemOrder == .updated
        var items: [GitHubItem] = []
        for repository in query.repositories {
            let scope = "repo:\(repository)" + (labels.isEmpty ? "" : " " + labels)
            let search: String
            switch query.section {
            case .approvedRFCs: search = "\(scope) is:pr is:merged merged:\(first)..\(last)"
            case .newRFCs:
                search =
                    "\(scope) is:pr" + (configuration.format.newRFCsOpenOnly ? " is:open" : "")
                    + " created:\(first)..\(last)"
            default: search = "\(scope) is:open"
            }
            let answer = try await api.search(search, byUpdate: byUpdate)
            if answer.isIncomplete || answer.items.count < answer.total {
                warnings.append(
                    Self.incomplete(
                        search, source: await api.address("/search/issues"), what: "group '\(query.name)'",
                        found: answer.items.count, total: answer.total))
            }
            let found = byUpdate ? answer.items : answer.items.sorted { $0.number > $1.number }
            for issue in found {
                if query.section == .callsForTesting || query.section == .finalCommentPeriod {
                    guard let label = query.labels.first,
                        let added = try await labelled(issue, with: label, in: repository),
                        added >= first, added <= last
                    else { continue }
                }
                let disposition =
                    query.section == .finalCommentPeriod
                    ? Self.disposition(of: issue, writingUnspecified: configuration.format.writesUnspecifiedDisposition)
                    : nil
                items.append(GitHubItem(title: issue.title, url: issue.htmlUrl, disposition: disposition))
            }
        }
        return items
    }

    /// The day `label` was last added to `issue`, from every page of its events.
    private func labelled(_ issue: GitHubIssue, with label: String, in repository: String) async throws(GatherError)
        -> IssueDate?
    {
        let url = await api.address(
            "/repos/\(repository)/issues/\(issue.number)/events", query: [("per_page", "100")])
        let events = try await api.all(url, as: GitHubIssueEvent.self)
        return events.last { $0.event == "labeled" && $0.label?.name.equalsIgnoringCase(label) == true }
            .flatMap { IssueDate(timestamp: $0.createdAt) }
    }

    /// `close` from a `disposition-close` label; `nil` without one, or `unspecified` when asked to
    /// write that.
    static func disposition(of issue: GitHubIssue, writingUnspecified: Bool = false) -> String? {
        let prefix = "disposition-"
        return issue.labels.lazy.map { $0.name.lowercased() }.first { $0.hasPrefix(prefix) }
            .map { String($0.dropFirst(prefix.count)) } ?? (writingUnspecified ? "unspecified" : nil)
    }

    /// The warning for a search whose answer may leave items out.
    private static func incomplete(
        _ search: String, source: String, what: String, found: Int? = nil, total: Int? = nil
    ) -> GatherError {
        let message: String
        if let found, let total, found < total {
            message = "GitHub's search for \(what) found \(total) items but hands out only \(found) ('\(search)')"
        } else {
            message = "GitHub's search for \(what) timed out three times; items may be missing ('\(search)')"
        }
        return GatherError(
            .incompleteResults, source: source, message: message,
            fix: "run again later, or narrow the group's repositories and labels")
    }
}

extension GatherError {
    /// The failure as a warning ``Problem``: what was gathered is written, but may not be all.
    public var warning: Problem {
        var warning = problem
        warning.severity = .warning
        return warning
    }
}

extension ProblemCode {
    /// A source answered, but said its answer may not hold everything asked for.
    public static let incompleteResults = ProblemCode(rawValue: "incomplete-results")
}
