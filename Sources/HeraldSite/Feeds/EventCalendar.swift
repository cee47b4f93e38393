import Foundation
import HeraldCore

/// Writes an iCalendar feed (RFC 5545) of upcoming events that readers subscribe to in their
/// calendar application: `events.ics` from the newest published issue, and one per region of
/// event places (`insights/events/de.ics`).
///
/// One all-day `VEVENT` per event, with its title, place and link. Every value is derived from
/// the issues, so unchanged issues give the same bytes.
struct EventCalendar {
    /// One dated event and the region heading it was listed under.
    typealias Event = (entry: EventEntry, date: IssueDate, region: String?)

    let context: SiteContext
    /// The calendar's name, after the site's title.
    let name: String
    /// The date of the issue the events were read from, written as each event's `DTSTAMP`.
    let stamp: IssueDate?
    let events: [Event]

    /// The dated events of `issue` from its issue date on: the site's `events.ics`.
    init(context: SiteContext, issue: SiteIssue?) {
        self.context = context
        self.name = "upcoming events"
        self.stamp = issue?.metadata.date
        self.events = issue.map { EventCalendar.events(of: $0, context: context) } ?? []
    }

    init(context: SiteContext, name: String, stamp: IssueDate?, events: [Event]) {
        self.context = context
        self.name = name
        self.stamp = stamp
        self.events = events
    }

    func ics() -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Herald//herald build//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + EventCalendar.escape("\(context.configuration.site.title): \(name)"),
        ]
        lines += events.flatMap(vevent)
        lines.append("END:VCALENDAR")
        return lines.map(EventCalendar.fold).joined(separator: "\r\n") + "\r\n"
    }

    private static func events(of issue: SiteIssue, context: SiteContext) -> [Event] {
        var events: [Event] = []
        for section in context.issueModel(of: issue).sections(of: .events) {
            for region in section.content.events ?? [] {
                for entry in region.entries {
                    guard let date = entry.date, date >= issue.metadata.date else { continue }
                    events.append((entry, date, region.title))
                }
            }
        }
        return events
    }

    private func vevent(_ event: Event) -> [String] {
        let entry = event.entry
        let title = entry.titles.isEmpty ? entry.text : entry.titles.map(\.title).joined(separator: " / ")
        let url = entry.titles.first?.url ?? entry.organiser?.url
        let stamp = EventCalendar.basic(self.stamp ?? event.date)
        var uid = StableHash(event.date.description, title, url ?? "", entry.location ?? "")
        uid.combine(entry.text)
        var lines = [
            "BEGIN:VEVENT",
            "UID:\(uid.hex)@\(context.links.host)",
            "DTSTAMP:\(stamp)T000000Z",
            "DTSTART;VALUE=DATE:\(EventCalendar.basic(event.date))",
            "DTEND;VALUE=DATE:\(EventCalendar.basic(event.date.adding(days: 1)))",
            "SUMMARY:" + EventCalendar.escape(title),
        ]
        if let location = entry.location ?? (entry.isVirtual ? "Virtual" : event.region) {
            lines.append("LOCATION:" + EventCalendar.escape(location))
        }
        if let url {
            lines.append("URL:" + url)
        }
        var description: [String] = []
        if let organiser = entry.organiser { description.append("Organised by \(organiser.name)") }
        description += entry.titles.map { "\($0.title): \($0.url)" }
        if !description.isEmpty {
            lines.append("DESCRIPTION:" + EventCalendar.escape(description.joined(separator: "\n")))
        }
        lines.append("END:VEVENT")
        return lines
    }

    /// `YYYYMMDD`, iCalendar's basic date format.
    static func basic(_ date: IssueDate) -> String {
        date.description.replacingOccurrences(of: "-", with: "")
    }

    /// A TEXT value with `\`, `;`, `,` and line breaks escaped (RFC 5545 §3.3.11).
    static func escape(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\n", "\r\n", "\r": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// `line` folded into lines of at most 75 octets, continuation lines starting with a space
    /// (RFC 5545 §3.1), never inside a UTF-8 sequence.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var result = ""
        var count = 0
        for scalar in line.unicodeScalars {
            let width = String(scalar).utf8.count
            if count + width > 75 {
                result += "\r\n "
                count = 1
            }
            result.unicodeScalars.append(scalar)
            count += width
        }
        return result
    }
}
