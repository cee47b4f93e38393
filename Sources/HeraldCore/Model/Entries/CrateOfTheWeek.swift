/// The crate an issue features, and who suggested it.
public struct CrateOfTheWeek: Hashable, Sendable, Codable {
    /// The crate's name as linked (`primitive_fixed_point_decimal`).
    public var name: String
    /// Where the name links (docs.rs, crates.io, a repository).
    public var url: String?
    /// The one-line description that follows the link, without its final period.
    public var description: String?
    public var suggestedBy: Person?
    public var source: SourceSpan

    public init(name: String, url: String?, description: String?, suggestedBy: Person?, source: SourceSpan) {
        self.name = name
        self.url = url
        self.description = description
        self.suggestedBy = suggestedBy
        self.source = source
    }
}
