public import Foundation
public import HeraldCore

/// An issue's publication moment in the newsletter's time zone, written the ways feeds need.
///
/// Issues are dated by day (and sometimes a time of day) with no zone; feeds need an instant.
/// Herald takes that day and time on the editors' wall clock, so a Wednesday issue is dated
/// Wednesday for its readers whatever machine built the site.
public struct FeedDate: Sendable {
    let date: IssueDate
    let hour: Int
    let minute: Int
    /// Seconds east of UTC at that moment in the configured zone.
    let offsetSeconds: Int

    public init(_ date: IssueDate, time: IssueTime?, timeZone: TimeZone) {
        self.date = date
        hour = time?.hour ?? 0
        minute = time?.minute ?? 0
        let localSeconds = (date.daysSinceEpoch * 86_400) + hour * 3_600 + minute * 60
        // The offset at the local time read as UTC is exact except within the hour of a DST
        // change, where it is off by that hour; issues are not published at 2 a.m.
        offsetSeconds = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(localSeconds)))
    }

    /// RFC 3339, as Atom and JSON Feed want: `2024-02-07T00:00:00-05:00`.
    var rfc3339: String {
        "\(date.description)T\(hour.twoDigits):\(minute.twoDigits):00\(offset(separator: ":"))"
    }

    /// RFC 822 as updated by RFC 1123, as RSS 2.0 wants: `Wed, 07 Feb 2024 00:00:00 -0500`.
    public var rfc822: String {
        let weekday = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][date.weekday.rawValue]
        let month = FeedDate.monthAbbreviations[date.month - 1]
        return
            "\(weekday), \(date.day.twoDigits) \(month) \(date.year) \(hour.twoDigits):\(minute.twoDigits):00 \(offset(separator: ""))"
    }

    /// The date for readers, e.g. `7 February 2024`.
    public var readable: String {
        "\(date.day) \(FeedDate.monthNames[date.month - 1]) \(date.year)"
    }

    /// The date for readers of a site in `language` (a BCP 47 tag): English as ``readable``
    /// writes it, any other language in its own long form from Foundation's locale data
    /// (`2024年2月7日` for `zh-CN`, `7. Februar 2024` for `de`).
    public func readable(in language: String) -> String {
        let tag = language.lowercased()
        guard !(tag == "en" || tag.hasPrefix("en-") || tag.isEmpty) else { return readable }
        let style = Date.FormatStyle(
            date: .long, time: .omitted, locale: Locale(identifier: language),
            calendar: Calendar(identifier: .gregorian), timeZone: TimeZone(identifier: "UTC") ?? .current)
        // Noon UTC names the issue's day in every zone the formatter might apply.
        let noon = Date(timeIntervalSince1970: TimeInterval(date.daysSinceEpoch * 86_400 + 43_200))
        return noon.formatted(style)
    }

    private func offset(separator: String) -> String {
        let sign = offsetSeconds < 0 ? "-" : "+"
        let minutes = abs(offsetSeconds) / 60
        return "\(sign)\((minutes / 60).twoDigits)\(separator)\((minutes % 60).twoDigits)"
    }

    private static let monthAbbreviations = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
    static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]
}

extension Int {
    var twoDigits: String { self < 10 && self >= 0 ? "0\(self)" : String(self) }
}
