/// How ``HTMLRenderer`` writes HTML.
public struct HTMLRenderOptions: Hashable, Sendable {
    /// Give every heading an `id` made from its text, the way GitHub does (`## Crate of the Week` →
    /// `id="crate-of-the-week"`), so sections can be linked to. Off by default, like CommonMark.
    public var headingIDs: Bool

    public init(headingIDs: Bool = false) {
        self.headingIDs = headingIDs
    }
}
