/// A paragraph or list item of a section Herald has no special reading for, kept as text and
/// links so that nothing an issue says is lost.
public struct TextBlock: Hashable, Sendable, Codable {
    /// The text without markup.
    public var text: String
    /// Every link in the block, in order.
    public var links: [Link]
    public var source: SourceSpan

    public init(text: String, links: [Link], source: SourceSpan) {
        self.text = text
        self.links = links
        self.source = source
    }
}
