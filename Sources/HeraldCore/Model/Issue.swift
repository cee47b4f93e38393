/// One issue of a newsletter, read into typed sections: the single truth the site, the email,
/// the linter and the export all work from.
public struct Issue: Hashable, Sendable, Codable {
    /// The file the issue was read from, as the caller named it.
    public var file: String?
    public var metadata: IssueMetadata
    /// The top-level sections in order; nested ones are in ``Section/subsections``.
    public var sections: [Section]
    /// Who edited the issue, from its "edited by" line or an editors section.
    public var editors: [Person]

    public init(file: String? = nil, metadata: IssueMetadata, sections: [Section], editors: [Person] = []) {
        self.file = file
        self.metadata = metadata
        self.sections = sections
        self.editors = editors
    }

    /// Every section at any depth, in document order, in one array for the whole walk (joining
    /// each level's arrays copied a section once per heading above it).
    public var allSections: [Section] {
        var all: [Section] = []
        forEachSection { all.append($0) }
        return all
    }

    /// Whether the issue is outsized (``FileSplitting/isOutsized(lineCount:)``), where a step on it
    /// is split over the cores: its last section (at any depth) ends that far down.
    package var isOutsized: Bool {
        var last = sections.last
        while let child = last?.subsections.last { last = child }
        return FileSplitting.isOutsized(lineCount: last?.source.endLine ?? 0)
    }

    /// Every section of `kind` at any depth, in document order.
    public func sections(of kind: SectionKind) -> [Section] {
        var found: [Section] = []
        forEachSection { if $0.kind == kind { found.append($0) } }
        return found
    }

    /// Calls `body` with every section at any depth, in document order, walking them in place:
    /// building ``allSections`` first copies every section of the issue into an array.
    public func forEachSection(_ body: (Section) throws -> Void) rethrows {
        for section in sections { try section.forEachSection(body) }
    }

    /// The first section of `kind`, e.g. `issue.section(.crateOfTheWeek)?.content.crate`.
    public func section(_ kind: SectionKind) -> Section? {
        allSections.first { $0.kind == kind }
    }
}
