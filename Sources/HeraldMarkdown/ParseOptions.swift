/// What a parse recognises beyond CommonMark.
public struct ParseOptions: Hashable, Sendable {
    /// The GitHub extensions to switch on; empty means pure CommonMark.
    public var extensions: Set<MarkdownExtension>

    public init(extensions: Set<MarkdownExtension> = []) {
        self.extensions = extensions
    }

    /// Pure CommonMark 0.31.2.
    public static let commonMark = ParseOptions()
    /// CommonMark with every GitHub extension.
    public static let gfm = ParseOptions(extensions: MarkdownExtension.gfm)
}
