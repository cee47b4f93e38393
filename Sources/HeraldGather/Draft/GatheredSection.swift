public import HeraldCore

/// What a gatherer made for one section of an issue: Markdown blocks in the issue's own
/// format, with group headings whose level is decided only when the section is written.
///
/// The same events are `### Virtual` under a `## Upcoming Events` heading and `#### Virtual`
/// in a newsletter that nests them one deeper, so the level comes from the draft (or from
/// This Week in Rust's layout when printing).
public struct GatheredSection: Sendable {
    public enum Block: Hashable, Sendable {
        /// A group heading (`Virtual`, `[Cargo](…)`), `depth` levels below the group level.
        case heading(String, depth: Int)
        /// Lines written as they are: a list, a paragraph, an HTML comment.
        case lines([String])
        /// Lines written as they are, already joined by newlines: a list of hundreds of
        /// thousands of lines (a year of a large calendar) written in one piece.
        case text(String)
    }

    public var kind: SectionKind
    public var blocks: [Block]
    /// The heading level of groups when printed, This Week in Rust's (`###` for regions).
    public var defaultGroupLevel: Int

    public init(kind: SectionKind, blocks: [Block], defaultGroupLevel: Int = 3) {
        self.kind = kind
        self.blocks = blocks
        self.defaultGroupLevel = defaultGroupLevel
    }

    /// The section's Markdown with group headings at `groupLevel` (1–6), without a final newline.
    ///
    /// A heading's list follows it on the next line, as This Week in Rust writes them; other
    /// blocks are separated by a blank line.
    public func markdown(groupLevel: Int? = nil) -> String {
        let level = groupLevel ?? defaultGroupLevel
        var lines: [String] = []
        var afterHeading = false
        for block in blocks {
            switch block {
            case .heading(let text, let depth):
                if !lines.isEmpty { lines.append("") }
                lines.append(String(repeating: "#", count: min(6, max(1, level + depth))) + " " + text)
                afterHeading = true
            case .lines(let content):
                if !lines.isEmpty, !afterHeading { lines.append("") }
                lines += content
                afterHeading = false
            case .text(let content):
                if !lines.isEmpty, !afterHeading { lines.append("") }
                lines.append(content)
                afterHeading = false
            }
        }
        return lines.joined(separator: "\n")
    }
}
