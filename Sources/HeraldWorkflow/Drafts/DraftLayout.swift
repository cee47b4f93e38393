public import HeraldCore
import HeraldMarkdown

/// Where things are in a draft, and how it writes its entries: the groups under each heading,
/// the bullet it uses, whether a blank line follows a heading.
///
/// Read from the typed issue model (which knows which headings are link categories) and the
/// file's own lines (which know the spelling), so an entry Herald inserts looks like one an
/// editor wrote.
public struct DraftLayout: Sendable {
    public let file: IssueFile
    /// Every entry group in document order.
    public let groups: [DraftGroup]
    /// The bullet and indentation of the draft's first link entry (`*`, `-`, `  *`).
    public let bullet: String
    /// Whether the draft puts a blank line between a heading and its first entry.
    public let blankAfterHeading: Bool
    /// The file's lines, without line ends.
    public let lines: [Substring]

    /// Lays out `file`, reading its sections with `catalog`.
    public init(file: IssueFile, catalog: SectionCatalog) {
        self.file = file
        let lines = file.lines(1...Int.max)
        self.lines = lines
        let (document, reading) = ParsedIssue(file, catalog: catalog).parse()
        let issue = reading.issue
        let headingLines = DraftBlock.blocks(of: document, in: file).filter { $0.headingLevel != nil }.map(\.start)
        func end(after line: Int) -> Int {
            (headingLines.first { $0 > line } ?? lines.count + 1) - 1
        }
        var groups: [DraftGroup] = []
        for section in issue.allSections {
            var entryGroups = section.entryGroups
            // The entries right under the section heading are a group even when there are none yet.
            if !entryGroups.contains(where: { $0.title == nil }), section.kind == .links || !entryGroups.isEmpty {
                entryGroups.insert((nil, nil, [], []), at: 0)
            }
            for group in entryGroups {
                let heading = group.source?.line ?? section.source.line
                groups.append(
                    DraftGroup(
                        section: section.title, title: group.title, kind: section.kind, headingLine: heading,
                        endLine: end(after: heading), entries: group.entries, links: group.links))
            }
        }
        self.groups = groups.sorted { $0.headingLine < $1.headingLine }
        let firstEntry = groups.first { $0.kind == .links && !$0.entries.isEmpty }?.entries.first
        bullet = firstEntry.flatMap { DraftLayout.bullet(of: lines[$0.line - 1]) } ?? "*"
        let withEntries = groups.filter { !$0.entries.isEmpty && $0.headingLine < lines.count }
        let blankFollowing = withEntries.filter { lines[$0.headingLine].allSatisfy(\.isWhitespace) }.count
        blankAfterHeading = !withEntries.isEmpty && blankFollowing * 2 > withEntries.count
    }

    /// The link groups whose name is `name`, compared as section headings are (case and
    /// punctuation aside); a name that only starts a heading matches when nothing matches whole.
    public func linkGroups(named name: String) -> [DraftGroup] {
        let wanted = DraftLayout.words(name)
        guard !wanted.isEmpty else { return [] }
        let links = groups.filter { $0.kind == .links }
        let exact = links.filter { DraftLayout.words($0.name) == wanted }
        if !exact.isEmpty { return exact }
        return links.filter { DraftLayout.words($0.name).starts(with: wanted) }
    }

    /// The names of the groups that take links, for telling a contributor what exists.
    public var linkGroupNames: [String] {
        groups.filter { $0.kind == .links }.map(\.name)
    }

    /// Where new entries go in `group`, and the lines to insert there: after its last line of
    /// content, or under its heading when it is empty.
    ///
    /// A blank line separates the entries from content that is not a list entry (a comment, a
    /// paragraph), so that they start a list of their own rather than continuing that block.
    public func insertion(of entries: [String], in group: DraftGroup, markers: WorkflowMarkers) -> (
        after: Int, lines: [String]
    ) {
        let body = (group.headingLine + 1)...max(group.headingLine + 1, group.endLine)
        let lastContent = body.reversed().first { $0 <= lines.count && !lines[$0 - 1].allSatisfy(\.isWhitespace) }
        guard let lastContent, lastContent <= group.endLine else {
            return (group.headingLine, blankAfterHeading ? [""] + entries : entries)
        }
        let inEntry = group.entries.contains { ($0.line...$0.endLine).contains(lastContent) }
        if inEntry || markers.isCut(lines[lastContent - 1]) {
            return (lastContent, entries)
        }
        return (lastContent, [""] + entries)
    }

    /// `*`, `-` or `+` with the indentation before it, from a list item's first line.
    static func bullet(of line: Substring) -> String? {
        let indentation = line.prefix { $0 == " " }
        guard let marker = line.dropFirst(indentation.count).first, "*-+".contains(marker) else { return nil }
        return String(indentation) + String(marker)
    }

    static func words(_ text: String) -> [String] {
        text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}
