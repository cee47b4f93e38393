import Foundation
import HeraldCore

extension UpcomingEvents {
    /// The events as This Week in Rust writes them: a heading per region, then
    /// `* 2025-07-03 | Virtual (Berlin, DE) | [Rust Berlin](…)` with each event's title below.
    public var section: GatheredSection {
        var blocks: [GatheredSection.Block] = []
        for (region, entries) in regions {
            blocks.append(.heading(region.name, depth: 0))
            var lines: [String] = []
            lines.reserveCapacity(entries.count * 2)
            // Entries come by date, so each date is written once, not once per entry.
            var date: (value: IssueDate, text: String)?
            for entry in entries {
                if date?.value != entry.date { date = (entry.date, entry.date.description) }
                UpcomingEvents.append(entry, dated: date?.text ?? "", to: &lines)
            }
            blocks.append(.lines(lines))
        }
        if blocks.isEmpty {
            blocks.append(.lines(["*No events were found in the calendars for these weeks.*"]))
        }
        return GatheredSection(kind: .events, blocks: blocks, defaultGroupLevel: 3)
    }

    private static func append(_ entry: Entry, dated date: String, to lines: inout [String]) {
        let text = entry.place.text
        let place = text.utf8.contains(UInt8(ascii: "|")) ? text.replacing("|", with: "/") : text
        lines.append("* \(date) | \(place) | \(MarkdownText.link(entry.organiser, entry.organiserURL))")
        for (title, url) in entry.titles {
            let bold = "**\(MarkdownText.escaped(title))**"
            lines.append("    * " + (url.map { "[\(bold)](\(MarkdownText.destination($0)))" } ?? bold))
        }
    }
}
