/// A headed part of an issue ("Crate of the Week", "Upcoming Events") and what it contains.
///
/// Sub-headings of the same kind (a link category, an event region, a PR area) are groups of
/// the section's entries; sub-headings of another kind ("Approved RFCs" under "Updates from the
/// Rust Project") are ``subsections``. Every heading of the file is one or the other.
public struct Section: Hashable, Sendable, Codable {
    /// The heading text without markup.
    public var title: String
    public var kind: SectionKind
    /// The heading level, 1–6.
    public var level: Int
    /// Where the heading is; ``SourceSpan/endLine`` is the section's last line.
    public var source: SourceSpan
    public var content: SectionContent
    public var subsections: [Section]

    public init(
        title: String, kind: SectionKind, level: Int, source: SourceSpan, content: SectionContent = SectionContent(),
        subsections: [Section] = []
    ) {
        self.title = title
        self.kind = kind
        self.level = level
        self.source = source
        self.content = content
        self.subsections = subsections
    }

    /// This section and every section nested in it, depth first.
    public var allSections: [Section] {
        var all: [Section] = []
        forEachSection { all.append($0) }
        return all
    }

    /// Calls `body` with this section and every section nested in it, depth first.
    public func forEachSection(_ body: (Section) throws -> Void) rethrows {
        try body(self)
        for subsection in subsections { try subsection.forEachSection(body) }
    }
}
