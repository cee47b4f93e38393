/// What a section of an issue holds, and so how its entries are read and rendered.
///
/// An open struct around a closed enum: new kinds can be added without breaking a caller's
/// `switch` (which matches the static members and needs a `default`). Each kind has a stable
/// string ``id`` used in `herald.toml` and in the JSON export, so configuration and exported data
/// never depend on Swift spellings.
public struct SectionKind: Hashable, Sendable, CustomStringConvertible {
    private enum Base: String, CaseIterable, Sendable {
        case links
        case crateOfTheWeek = "crate-of-the-week"
        case callsForTesting = "calls-for-testing"
        case cfpProjects = "cfp-projects"
        case cfpEvents = "cfp-events"
        case projectUpdates = "project-updates"
        case performanceTriage = "performance-triage"
        case approvedRFCs = "approved-rfcs"
        case finalCommentPeriod = "final-comment-period"
        case newRFCs = "new-rfcs"
        case events
        case jobs
        case quoteOfTheWeek = "quote-of-the-week"
        case editors
        case generic
    }

    private let base: Base

    private init(_ base: Base) {
        self.base = base
    }

    /// Creates the kind with the given configuration id (`links`, `crate-of-the-week`…), or `nil`
    /// when no kind has that id.
    public init?(id: String) {
        guard let base = Base(rawValue: id) else { return nil }
        self.base = base
    }

    /// The stable identifier used in `herald.toml` and in exported JSON.
    public var id: String { base.rawValue }

    public var description: String { id }

    /// Every kind Herald knows, in the order an issue usually presents them.
    public static let allKinds: [SectionKind] = Base.allCases.map(SectionKind.init)

    /// Lists of links with titles and optional prefixes such as `[video]` (community news).
    public static let links = SectionKind(.links)
    /// The crate of the week: name, link, description and who suggested it.
    public static let crateOfTheWeek = SectionKind(.crateOfTheWeek)
    /// Features whose implementers ask for testing.
    public static let callsForTesting = SectionKind(.callsForTesting)
    /// Calls for participation in projects: project, task and link.
    public static let cfpProjects = SectionKind(.cfpProjects)
    /// Calls for papers or speakers at events.
    public static let cfpEvents = SectionKind(.cfpEvents)
    /// The project's own changes: merged pull requests grouped by area.
    public static let projectUpdates = SectionKind(.projectUpdates)
    /// The compiler performance triage summary.
    public static let performanceTriage = SectionKind(.performanceTriage)
    /// RFCs approved this week.
    public static let approvedRFCs = SectionKind(.approvedRFCs)
    /// RFCs and pull requests entering their final comment period.
    public static let finalCommentPeriod = SectionKind(.finalCommentPeriod)
    /// RFCs opened or updated this week.
    public static let newRFCs = SectionKind(.newRFCs)
    /// Upcoming events, grouped by region.
    public static let events = SectionKind(.events)
    /// Job postings.
    public static let jobs = SectionKind(.jobs)
    /// The quote of the week with its author and source.
    public static let quoteOfTheWeek = SectionKind(.quoteOfTheWeek)
    /// Who edited the issue.
    public static let editors = SectionKind(.editors)
    /// Anything Herald has no special reading for; kept so that nothing is dropped.
    public static let generic = SectionKind(.generic)
}

extension SectionKind: Codable {
    /// Decodes a kind from its string ``id``, failing with the list of valid ids otherwise.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let id = try container.decode(String.self)
        guard let kind = SectionKind(id: id) else {
            let valid = SectionKind.allKinds.map(\.id).joined(separator: ", ")
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "Unknown section kind '\(id)'; expected one of: \(valid)."
            )
        }
        self = kind
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}
