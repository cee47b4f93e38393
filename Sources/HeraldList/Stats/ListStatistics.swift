public import Foundation

/// How the list stands and moves: subscribers by status, and per week how many signed up and
/// how many left (unsubscribed or cleaned).
public struct ListStatistics: Sendable, Equatable {
    public struct Week: Sendable, Equatable {
        /// The Monday (UTC) the week starts on.
        public let start: Date
        public let signUps: Int
        public let leavers: Int
    }

    public let counts: [SubscriberStatus: Int]
    /// The most recent weeks, oldest first, ending with the week holding `now`.
    public let weeks: [Week]

    /// Counts `subscribers` over the `weekCount` weeks up to `now`. A sign-up is a confirmation
    /// in that week (whatever the subscriber did later); a leaver is a subscriber who left then.
    public init(counts: [SubscriberStatus: Int], subscribers: [Subscriber], weekCount: Int, now: Date) {
        self.counts = counts
        let calendar = Self.calendar
        let thisWeek = calendar.dateInterval(of: .weekOfYear, for: now)?.start ?? now
        let starts = (0..<max(weekCount, 0)).reversed().compactMap {
            calendar.date(byAdding: .weekOfYear, value: -$0, to: thisWeek)
        }
        var signUps = [Date: Int]()
        var leavers = [Date: Int]()
        func week(of date: Date) -> Date? { calendar.dateInterval(of: .weekOfYear, for: date)?.start }
        let first = starts.first ?? thisWeek
        for subscriber in subscribers {
            if let confirmed = subscriber.confirmedAt, confirmed >= first, let start = week(of: confirmed) {
                signUps[start, default: 0] += 1
            }
            if subscriber.status.hasLeft, subscriber.changedAt >= first, let start = week(of: subscriber.changedAt) {
                leavers[start, default: 0] += 1
            }
        }
        weeks = starts.map { Week(start: $0, signUps: signUps[$0] ?? 0, leavers: leavers[$0] ?? 0) }
    }

    /// ISO weeks in UTC: Monday first, as the editors' weekly rhythm reads them.
    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    /// The statistics as a small text table.
    public var text: String {
        var lines = SubscriberStatus.allCases.map { status in
            "\(status.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0))\(counts[status] ?? 0)"
        }
        lines.append("")
        lines.append("week of      sign-ups  leavers")
        let day = Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!).year().month().day()
        for week in weeks {
            let start = week.start.formatted(day)
            let signUps = String(week.signUps)
            lines.append(
                start + "  " + String(repeating: " ", count: max(8 - signUps.count, 0)) + signUps
                    + String(repeating: " ", count: max(9 - String(week.leavers).count, 0)) + String(week.leavers))
        }
        return lines.joined(separator: "\n")
    }
}
