public import HeraldCore

/// One link entry added to a draft within a range of commits: the entry, who added it, and what
/// the checks say, so an editor can review a week of pull requests in one list.
public struct SubmittedEntry: Hashable, Sendable {
    /// Another place with the same link.
    public struct Place: Hashable, Sendable, Encodable {
        public var file: String
        public var line: Int
        /// The number, for a link featured in the archive.
        public var number: Int?
        /// The date, for a link featured in the archive.
        public var date: String?
    }

    /// The draft, as the newsletter folder names it.
    public var file: String
    public var line: Int
    /// `Section › Group`.
    public var section: String
    public var title: String
    public var url: String
    public var prefixes: [String]
    /// Who added the line, and in which commit.
    public var blame: BlameLine
    /// The issue that featured the link before, if one did.
    public var featured: Place?
    /// Other entries of the range with the same link (any spelling of it).
    public var duplicates: [Place]
    /// What `herald check` reports on the entry's lines (an outside contributor's view).
    public var problems: [Problem]

    /// Whether nothing speaks against the entry.
    public var isClean: Bool { featured == nil && duplicates.isEmpty && problems.isEmpty }
}

/// The entries added to the drafts between two revisions.
public struct SubmissionsReport: Hashable, Sendable {
    /// The range as given.
    public var range: String
    /// The full commit ids the range was resolved to.
    public var base: String
    public var head: String
    /// How many commits the range holds.
    public var commitCount: Int
    /// In file order, then line order.
    public var entries: [SubmittedEntry]
}
