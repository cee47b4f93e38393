import HeraldCore
import HeraldMarkdown

/// `event-format`, `event-out-of-window`, `event-order`, `event-region` and `cfp-event-format`:
/// the events list and the calls for speakers.
///
/// The format rules hold a section to the current form only when it already uses it (one
/// entry with `DATE | PLACE | [ORGANISER](URL)`): older issues wrote events in forms of their
/// own and are not wrong for it.
enum EventRules {
    static func check(_ file: CheckedFile, context: CheckContext, into findings: inout FindingList) {
        guard let issue = file.issue else { return }
        for section in issue.sections(of: .events) {
            checkEvents(section, issueDate: issue.metadata.date, file: file, context: context, into: &findings)
        }
        for section in issue.sections(of: .cfpEvents) {
            for group in section.content.cfpEvents ?? [] {
                for event in group.entries {
                    checkCallForSpeakers(event, issueDate: issue.metadata.date, file: file, into: &findings)
                }
            }
        }
    }

    private static func checkEvents(
        _ section: Section, issueDate: IssueDate, file: CheckedFile, context: CheckContext,
        into findings: inout FindingList
    ) {
        let regions = section.content.events ?? []
        // Asked of the regions in place: a 50 MB issue's events gathered into one array first
        // were 13 MB of its check's peak.
        let usesCurrentForm = regions.contains { region in
            region.entries.contains { EventLine(file.lineText($0.source.line))?.isComplete == true }
        }
        let windowEnd = issueDate.adding(days: context.configuration.events.windowWeeks * 7)
        let known = context.configuration.events.regions
        for region in regions {
            if let title = region.title, let source = region.source, usesCurrentForm,
                !known.contains(where: { $0.equalsIgnoringCase(title) })
            {
                let suggestion = Suggestion.closest(to: title, among: known).map { "did you mean '\($0)'? " } ?? ""
                findings.report(
                    .eventRegion, at: source.start, "'\(title)' is not a configured region",
                    fix: suggestion + "regions: " + known.joined(separator: ", "))
            }
            var previous: IssueDate?
            for entry in region.entries {
                let location = entry.source.start
                if usesCurrentForm { checkFormat(entry, file: file, into: &findings) }
                guard let date = entry.date else { continue }
                if date < issueDate {
                    findings.report(
                        .eventOutOfWindow, at: location, "event on \(date) is before the issue's date (\(issueDate))",
                        fix: "remove past events")
                } else if date > windowEnd {
                    findings.report(
                        .eventOutOfWindow, at: location,
                        "event on \(date) is after the events window, which ends \(windowEnd)",
                        fix: "keep it for a later issue")
                }
                if let previous, date < previous {
                    findings.report(
                        .eventOrder, at: location, "event on \(date) is listed after one on \(previous)",
                        fix: "sort the region's events by date")
                }
                previous = max(previous ?? date, date)
            }
        }
    }

    private static func checkFormat(_ entry: EventEntry, file: CheckedFile, into findings: inout FindingList) {
        let location = entry.source.start
        guard let line = EventLine(file.lineText(entry.source.line)) else {
            findings.report(
                .eventFormat, at: location, "event is not written as DATE | LOCATION | [ORGANISER](URL)",
                fix: "write * 2025-07-02 | City, CC | [Organiser](URL)")
            return
        }
        if line.date == nil {
            findings.report(
                .eventFormat, at: location, "event's date '\(line.fields[0])' is not YYYY-MM-DD",
                fix: "write the date as YYYY-MM-DD")
        }
        if line.fields.count < 3 || line.fields[1].isEmpty {
            findings.report(.eventFormat, at: location, "event has no location", fix: "add | City, CC | after the date")
        }
        if !line.endsWithLink {
            findings.report(
                .eventFormat, at: location, "event's organiser is not a link", fix: "end the line with [Organiser](URL)"
            )
        }
        if entry.titles.isEmpty {
            findings.report(
                .eventFormat, at: location, "event has no title",
                fix: "add an indented * [**Title**](URL) line under it")
        }
    }

    private static func checkCallForSpeakers(
        _ event: CFPEvent, issueDate: IssueDate, file: CheckedFile, into findings: inout FindingList
    ) {
        let location = event.source.start
        let fields = EventLine.fields(of: Substring(file.lineText(event.source.line)))
        let format = "* [**Event**](URL) | Closes YYYY-MM-DD | City, CC | Event date: YYYY-MM-DD"
        guard event.url != nil, fields.count >= 4 else {
            findings.report(
                .cfpEventFormat, at: location, "call for speakers is not written as event | closes | place | dates",
                fix: "write \(format)")
            return
        }
        guard let closes = event.closesOn else {
            findings.report(
                .cfpEventFormat, at: location, "call for speakers has no closing date as YYYY-MM-DD",
                fix: "write \(format)")
            return
        }
        if closes < issueDate {
            findings.report(
                .cfpEventFormat, at: location,
                "call for speakers closed on \(closes), before this issue (\(issueDate))",
                fix: "remove it")
        }
    }
}

/// An event's first line taken apart at its `|` separators.
struct EventLine {
    /// The fields without the bullet, trimmed.
    let fields: [String]
    let date: IssueDate?
    let endsWithLink: Bool

    init?(_ line: String) {
        var text = Substring(line.trimmed)
        guard text.first == "*" || text.first == "-" || text.first == "+" else { return nil }
        text = text.dropFirst()
        let fields = EventLine.fields(of: text)
        guard fields.count >= 2 else { return nil }
        self.fields = fields
        let first = fields[0].prefix(10)
        date = first.count == 10 ? IssueDate(parsing: first) : nil
        let last = fields[fields.count - 1]
        endsWithLink = last.hasPrefix("[") && last.hasSuffix(")") && last.firstByteRange(of: "](") != nil
    }

    /// The text split at each `|` outside brackets: an organiser may be `[A | B](url)`.
    ///
    /// Read on UTF-8 bytes, as the three separators are ASCII: every event line of an archive
    /// is split here.
    static func fields(of text: Substring) -> [String] {
        var fields: [String] = []
        var depth = 0
        let utf8 = text.utf8
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            switch utf8[index] {
            case UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "]"): depth = max(0, depth - 1)
            case UInt8(ascii: "|") where depth == 0:
                fields.append(text[start..<index].trimmed)
                start = utf8.index(after: index)
            default: break
            }
            index = utf8.index(after: index)
        }
        fields.append(text[start...].trimmed)
        return fields
    }

    /// Whether the line has a date, a place and a linked organiser.
    var isComplete: Bool { date != nil && fields.count >= 3 && endsWithLink }
}
