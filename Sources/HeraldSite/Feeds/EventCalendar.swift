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
        String(decoding: date.description.utf8.filter { $0 != UInt8(ascii: "-") }, as: UTF8.self)
    }

    /// A TEXT value with `\`, `;`, `,` and line breaks escaped (RFC 5545 §3.3.11).
    ///
    /// Works on bytes: a calendar of a year's events escapes every title and place. Characters
    /// decide only when a byte to escape touches a non-ASCII one, which could join it into a
    /// larger character (a comma under a combining mark is not a comma).
    static func escape(_ text: String) -> String {
        var text = text
        var needsCharacters = false
        let escaped = text.withUTF8 { bytes -> String? in
            var result: [UInt8] = []
            var copied = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                let replacement: StaticString
                var length = 1
                switch byte {
                case UInt8(ascii: "\\"): replacement = "\\\\"
                case UInt8(ascii: ";"): replacement = "\\;"
                case UInt8(ascii: ","): replacement = "\\,"
                case 0x0A: replacement = "\\n"
                case 0x0D:
                    replacement = "\\n"
                    if index + 1 < bytes.count, bytes[index + 1] == 0x0A { length = 2 }
                default:
                    index += 1
                    continue
                }
                let touchesNonASCII =
                    (index > 0 && bytes[index - 1] >= 0x80) || (index + 1 < bytes.count && bytes[index + 1] >= 0x80)
                if byte != 0x0A, byte != 0x0D, touchesNonASCII {
                    needsCharacters = true
                    return nil
                }
                result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
                result.append(
                    contentsOf: UnsafeBufferPointer(start: replacement.utf8Start, count: replacement.utf8CodeUnitCount))
                index += length
                copied = index
            }
            guard copied > 0 else { return nil }
            result.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: result, as: UTF8.self)
        }
        return needsCharacters ? escapeByCharacter(text) : escaped ?? text
    }

    private static func escapeByCharacter(_ text: String) -> String {
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
    /// (RFC 5545 §3.1), never inside a UTF-8 sequence: a break goes only before a byte that
    /// starts a character.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var result: [UInt8] = []
        result.reserveCapacity(line.utf8.count + line.utf8.count / 37)
        var count = 0
        for (index, byte) in line.utf8.enumerated() {
            let isContinuation = byte & 0xC0 == 0x80
            if !isContinuation, count + scalarWidth(startingWith: byte) > 75, index > 0 {
                result += [0x0D, 0x0A, 0x20]
                count = 1
            }
            result.append(byte)
            count += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The length in bytes of the UTF-8 sequence that `lead` starts.
    private static func scalarWidth(startingWith lead: UInt8) -> Int {
        switch lead {
        case ..<0x80: 1
        case 0xF0...: 4
        case 0xE0...: 3
        default: 2
        }
    }
}
