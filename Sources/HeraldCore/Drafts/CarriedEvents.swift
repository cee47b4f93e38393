/// The events list of a new draft: the previous issue's events that have not happened yet,
/// copied line for line, under the region headings they had.
///
/// Editors used to rebuild this list by hand each week. Copying the source lines (found from
/// each entry's span in the typed model) keeps every organiser's wording and link exactly as it
/// was; events before the new issue's date are dropped, and those after the events window are
/// kept but marked with an HTML comment so the editors decide whether they stay.
public struct CarriedEvents: Hashable, Sendable {
    /// The Markdown to put in the draft, without a trailing newline; empty when nothing carries.
    public var markdown: String
    /// How many events were carried.
    public var carried: Int
    /// How many were dropped because they happen before the new issue.
    public var dropped: Int
    /// How many of the carried events lie after the window and were marked.
    public var pastWindow: Int

    /// No events: the list of a first issue.
    public static let none = CarriedEvents(markdown: "", carried: 0, dropped: 0, pastWindow: 0)

    init(markdown: String, carried: Int, dropped: Int, pastWindow: Int) {
        self.markdown = markdown
        self.carried = carried
        self.dropped = dropped
        self.pastWindow = pastWindow
    }

    /// The events of `issue` (read from `file`) dated on or after `start`, marking those after
    /// `windowEnd`.
    public init(from issue: Issue, in file: IssueFile, start: IssueDate, windowEnd: IssueDate) {
        self = .none
        let regions = issue.sections(of: .events).compactMap(\.content.events).flatMap { $0 }
        var blocks: [String] = []
        for region in regions {
            var lines: [Substring] = []
            for entry in region.entries {
                if let date = entry.date, date < start {
                    dropped += 1
                    continue
                }
                var entryLines = file.lines(entry.source.line...entry.source.endLine)
                while entryLines.last?.allSatisfy(\.isWhitespace) == true { entryLines.removeLast() }
                guard !entryLines.isEmpty else { continue }
                if let date = entry.date, date > windowEnd {
                    entryLines[0] += " <!-- after this issue's events window, which ends \(windowEnd) -->"
                    pastWindow += 1
                } else if entry.date == nil {
                    entryLines[0] += " <!-- Herald could not read this event's date; check it -->"
                }
                lines += entryLines
                carried += 1
            }
            guard !lines.isEmpty else { continue }
            if let heading = region.source.map({ file.lines($0.line...$0.line) }), !heading.isEmpty {
                lines.insert(contentsOf: heading, at: 0)
            }
            blocks.append(lines.joined(separator: "\n"))
        }
        markdown = blocks.joined(separator: "\n\n")
    }
}
