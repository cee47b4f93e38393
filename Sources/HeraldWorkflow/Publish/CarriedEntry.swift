import HeraldCore

/// An entry of the draft being published that belongs to next week's issue instead.
public struct CarriedEntry: Hashable, Sendable {
    /// Why the entry waits.
    public struct Reason: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case marked, afterCut
        }

        private let base: Base

        /// The entry carries the next-issue comment.
        public static let marked = Reason(base: .marked)
        /// The entry sits below its group's cut comment.
        public static let afterCut = Reason(base: .afterCut)

        public var description: String {
            switch base {
            case .marked: "marked for the next issue"
            case .afterCut: "after the cut"
            }
        }
    }

    /// The group the entry was in.
    public var group: DraftGroup
    /// The entry's lines in the draft.
    public var lines: ClosedRange<Int>
    /// The entry's text as it goes into the next draft (the next-issue comment removed).
    public var text: [String]
    public var reason: Reason
}

/// What a draft holds back for next week: the entries, and the cut comments that go once the
/// issue is out.
public struct CarryOver: Hashable, Sendable {
    public var entries: [CarriedEntry]
    /// Lines of cut comments, removed from the published issue.
    public var cutLines: [Int]

    /// Finds the held-back entries of the draft laid out in `layout`.
    public init(layout: DraftLayout, markers: WorkflowMarkers) {
        entries = []
        cutLines = []
        for group in layout.groups {
            let body = (group.headingLine + 1)...max(group.headingLine + 1, group.endLine)
            let cut = body.first {
                $0 <= group.endLine && $0 <= layout.lines.count && markers.isCut(layout.lines[$0 - 1])
            }
            if let cut { cutLines.append(cut) }
            for span in group.entries {
                let lines = layout.lines[(span.line - 1)..<min(span.endLine, layout.lines.count)]
                let reason: CarriedEntry.Reason
                if lines.contains(where: markers.marksNextIssue) {
                    reason = .marked
                } else if let cut, span.line > cut {
                    reason = .afterCut
                } else {
                    continue
                }
                entries.append(
                    CarriedEntry(
                        group: group, lines: span.line...span.endLine,
                        text: lines.map { markers.removingNextIssueMarker(from: $0) }, reason: reason))
            }
        }
    }
}
