/// The quote of the week: what was said, by whom, where, and who suggested it.
public struct Quote: Hashable, Sendable, Codable {
    /// The quoted words without markup; paragraphs are separated by a blank line.
    public var text: String
    /// The attribution as written, without its leading dash (`Al Williams on hackaday`).
    public var author: String?
    /// Where the quote was said: the attribution's link.
    public var sourceURL: String?
    public var suggestedBy: Person?
    public var source: SourceSpan

    public init(text: String, author: String?, sourceURL: String?, suggestedBy: Person?, source: SourceSpan) {
        self.text = text
        self.author = author
        self.sourceURL = sourceURL
        self.suggestedBy = suggestedBy
        self.source = source
    }
}
