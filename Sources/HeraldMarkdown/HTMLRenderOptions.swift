/// How ``HTMLRenderer`` writes HTML.
public struct HTMLRenderOptions: Hashable, Sendable {
    /// Give every heading an `id` made from its text, the way GitHub does (`## Crate of the Week` →
    /// `id="crate-of-the-week"`), so sections can be linked to. Off by default, like CommonMark.
    /// A heading with its own `{#id}` (``MarkdownExtension/headingAttributes``) gets that id either way.
    public var headingIDs: Bool
    /// The rule ``headingIDs`` follows: GitHub's unless a site published its pages with another.
    public var headingIDStyle: HeadingIDStyle

    public init(headingIDs: Bool = false, headingIDStyle: HeadingIDStyle = .github) {
        self.headingIDs = headingIDs
        self.headingIDStyle = headingIDStyle
    }
}
