/// The typed entries of a section; only the property matching the section's kind is set.
///
/// A struct of optionals rather than an enum so that adding a section kind adds a property and
/// never breaks a caller's `switch`; in JSON, only the set property appears.
public struct SectionContent: Hashable, Sendable, Codable {
    /// Link lists (``SectionKind/links``).
    public var links: [EntryGroup<LinkEntry>]?
    /// ``SectionKind/crateOfTheWeek``; `nil` too when the issue featured no crate.
    public var crate: CrateOfTheWeek?
    public var callsForTesting: [EntryGroup<CallForTesting>]?
    public var cfpProjects: [EntryGroup<CFPProject>]?
    public var cfpEvents: [EntryGroup<CFPEvent>]?
    public var projectUpdates: ProjectUpdates?
    public var performanceTriage: PerformanceTriage?
    public var approvedRFCs: [EntryGroup<LinkEntry>]?
    public var finalCommentPeriod: [EntryGroup<FCPEntry>]?
    public var newRFCs: [EntryGroup<LinkEntry>]?
    /// Upcoming events by region (``SectionKind/events``).
    public var events: [EventRegion]?
    public var jobs: [EntryGroup<JobEntry>]?
    /// ``SectionKind/quoteOfTheWeek``; `nil` too when no quote was selected.
    public var quote: Quote?
    public var editors: [Person]?
    /// The paragraphs and list items of a ``SectionKind/generic`` section.
    public var blocks: [EntryGroup<TextBlock>]?

    public init() {}
}
