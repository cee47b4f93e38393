/// The compiler performance triage: who triaged, which revisions, and the headline counts.
public struct PerformanceTriage: Hashable, Sendable, Codable {
    /// The triager as written after "Triage done by" (`@rylev`).
    public var triager: String?
    /// The revision range as linked (`45acf54e..42245d34`).
    public var revisionRange: String?
    public var revisionURL: String?
    public var regressions: Int?
    public var improvements: Int?
    public var mixed: Int?
    /// The "Full report" link.
    public var reportURL: String?
    public var source: SourceSpan

    public init(
        triager: String? = nil, revisionRange: String? = nil, revisionURL: String? = nil, regressions: Int? = nil,
        improvements: Int? = nil, mixed: Int? = nil, reportURL: String? = nil, source: SourceSpan
    ) {
        self.triager = triager
        self.revisionRange = revisionRange
        self.revisionURL = revisionURL
        self.regressions = regressions
        self.improvements = improvements
        self.mixed = mixed
        self.reportURL = reportURL
        self.source = source
    }
}
