public import HeraldCore

/// The entries under one heading of a draft: a link category ("Official"), a section's
/// entries before its first sub-heading, a list of calls for participation.
///
/// Submitting inserts into a group, and publishing carries entries out of one group into the
/// same group of the next draft, so a group knows its heading, its lines and its entries.
public struct DraftGroup: Hashable, Sendable {
    /// The title of the section the group belongs to ("Updates from Rust Community").
    public var section: String
    /// The group's own heading ("Official"), or `nil` for the entries under the section heading.
    public var title: String?
    public var kind: SectionKind
    /// The line of the group's heading (the section's heading for an untitled group).
    public var headingLine: Int
    /// The last line before the next heading of any level, or the file's last line.
    public var endLine: Int
    /// Each entry's lines, in order.
    public var entries: [SourceSpan]
    /// The entries as links, for link lists (empty for other kinds).
    public var links: [LinkEntry]

    /// The name a contributor or editor calls the group by: its heading, or its section's.
    public var name: String { title ?? section }

    /// `Section › Group`, or the section's title alone, for messages.
    public var path: String { title.map { "\(section) › \($0)" } ?? section }
}

extension Section {
    /// The section's entry groups that editors add entries to one by one, with each entry's lines.
    ///
    /// Events are left out: `herald new` already carries them by date.
    var entryGroups: [(title: String?, source: SourceSpan?, entries: [SourceSpan], links: [LinkEntry])] {
        func spans<Entry>(_ groups: [EntryGroup<Entry>]?, _ span: (Entry) -> SourceSpan)
            -> [(title: String?, source: SourceSpan?, entries: [SourceSpan], links: [LinkEntry])]
        {
            (groups ?? []).map { ($0.title, $0.source, $0.entries.map(span), []) }
        }
        let content = content
        if let groups = content.links ?? content.approvedRFCs ?? content.newRFCs ?? content.projectUpdates?.groups {
            return groups.map { ($0.title, $0.source, $0.entries.map(\.source), $0.entries) }
        }
        return spans(content.callsForTesting, \.source) + spans(content.cfpProjects, \.source)
            + spans(content.cfpEvents, \.source) + spans(content.finalCommentPeriod, \.source)
            + spans(content.jobs, \.source)
    }
}
