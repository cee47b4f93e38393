import Foundation
import HeraldCore

extension UpcomingEvents {
    /// The events as This Week in Rust writes them: a heading per region, then
    /// `* 2025-07-03 | Virtual (Berlin, DE) | [Rust Berlin](…)` with each event's title below.
    public var section: GatheredSection {
        var blocks: [GatheredSection.Block] = []
        for (region, entries) in regions {
            blocks.append(.heading(region.name, depth: 0))
            blocks.append(.lines(entries.flatMap(UpcomingEvents.lines)))
        }
        if blocks.isEmpty {
            blocks.append(.lines(["*No events were found in the calendars for these weeks.*"]))
        }
        return GatheredSection(kind: .events, blocks: blocks, defaultGroupLevel: 3)
    }

    private static func lines(of entry: Entry) -> [String] {
        let place = entry.place.text.replacingOccurrences(of: "|", with: "/")
        var lines = ["* \(entry.date) | \(place) | \(MarkdownText.link(entry.organiser, entry.organiserURL))"]
        for (title, url) in entry.titles {
            let bold = "**\(MarkdownText.escaped(title))**"
            lines.append("    * " + (url.map { "[\(bold)](\(MarkdownText.destination($0)))" } ?? bold))
        }
        return lines
    }
}
