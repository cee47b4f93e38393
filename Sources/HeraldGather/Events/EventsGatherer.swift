public import HeraldCore

/// `herald gather events`: reads every feed, keeps the occurrences inside the window and makes
/// the events section.
///
/// Feeds are fetched at once; one that fails is reported and the others still make the section.
/// A feed with bad lines or events gives its good events, and one failure counting its problems.
public struct EventsGatherer: Sendable {
    public var loader: SourceLoader

    public init(loader: SourceLoader) {
        self.loader = loader
    }

    /// What one run gathered.
    public struct Result: Sendable {
        public var events: UpcomingEvents
        /// Feeds that could not be read, and feeds read with problems (one each), so the run's
        /// exit status says a feed needs looking at even though its good events are listed.
        public var failures: [GatherError]
        /// Lines and events skipped inside readable feeds, merged and possible duplicates.
        public var warnings: [Problem]
        /// Per feed that was read: its source and how many occurrences fell in the window.
        public var feeds: [(source: String, occurrences: Int)]
    }

    /// Gathers the events from `first` to `last` (inclusive) from `sources`, files or addresses.
    public func gather(from sources: [String], from first: IssueDate, through last: IssueDate) async -> Result {
        let loaded = await withTaskGroup(of: (Int, Swift.Result<CalendarFeed, GatherError>).self) { group in
            for (index, source) in sources.enumerated() {
                group.addTask {
                    do throws(GatherError) {
                        let text = try await loader.text(of: source)
                        return (index, .success(try CalendarFeed(text: text, source: source)))
                    } catch {
                        return (index, .failure(error))
                    }
                }
            }
            var results: [(Int, Swift.Result<CalendarFeed, GatherError>)] = []
            for await result in group { results.append(result) }
            return results.sorted { $0.0 < $1.0 }.map(\.1)
        }
        var occurrences: [[EventOccurrence]] = []
        var failures: [GatherError] = []
        var warnings: [Problem] = []
        var feeds: [(String, Int)] = []
        for result in loaded {
            switch result {
            case .success(let feed):
                let expansion = feed.expand(from: first, through: last)
                // Each feed's occurrences are sorted and merged by UpcomingEvents, feed by feed.
                occurrences.append(expansion.occurrences)
                let problems = feed.warnings + expansion.problems
                warnings += problems
                feeds.append((feed.source, expansion.occurrences.count))
                if !problems.isEmpty {
                    failures.append(
                        GatherError(
                            .malformedCalendar, source: feed.source,
                            message: "\(problems.count) problem\(problems.count == 1 ? "" : "s") in the feed; "
                                + "its other events are listed",
                            fix: "see the warnings above, and tell the feed's publisher"))
                }
            case .failure(let error):
                failures.append(error)
            }
        }
        let events = UpcomingEvents(feeds: occurrences)
        return Result(events: events, failures: failures, warnings: warnings + events.notes, feeds: feeds)
    }
}
