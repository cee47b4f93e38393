import Foundation
import HeraldCore

extension UpcomingEvents {
    /// The events as This Week in Rust writes them: a heading per region, then
    /// `* 2025-07-03 | Virtual (Berlin, DE) | [Rust Berlin](…)` with each event's title below.
    public var section: GatheredSection {
        // Regions are written on every core: a year of a large calendar is 500,000 lines.
        let written = lines.concurrentMap { _, lines in text(of: lines) }
        var blocks: [GatheredSection.Block] = []
        for ((region, _), text) in zip(lines, written) {
            blocks.append(.heading(region.name, depth: 0))
            blocks.append(.text(text))
        }
        if blocks.isEmpty {
            blocks.append(.lines(["*No events were found in the calendars for these weeks.*"]))
        }
        return GatheredSection(kind: .events, blocks: blocks, defaultGroupLevel: 3)
    }

    /// A region's lines, one line per entry and one below it per title.
    private func text(of lines: [Line]) -> String {
        var text = ""
        text.reserveCapacity(lines.count * 160)
        // Lines come by date, so each date is written once, not once per line.
        var date: (value: IssueDate, text: String)?
        for line in lines {
            let first = occurrences[line.first]
            if date?.value != first.date { date = (first.date, first.date.description) }
            if !text.isEmpty { text += "\n" }
            let place = places[line.place].text
            text += "* "
            text += date?.text ?? ""
            text += " | "
            text += place.utf8.contains(UInt8(ascii: "|")) ? place.replacing("|", with: "/") : place
            text += " | "
            text += MarkdownText.link(first.listedOrganiser, first.listedOrganiserURL)
            UpcomingEvents.appendTitle(of: first, to: &text)
            for index in line.more { UpcomingEvents.appendTitle(of: occurrences[index], to: &text) }
        }
        return text
    }

    private static func appendTitle(of occurrence: EventOccurrence, to text: inout String) {
        text += "\n    * "
        if let url = occurrence.url {
            text += "[**"
            text += MarkdownText.escaped(occurrence.title)
            text += "**]("
            text += MarkdownText.destination(url)
            text += ")"
        } else {
            text += "**"
            text += MarkdownText.escaped(occurrence.title)
            text += "**"
        }
    }
}
