extension IssueFile {
    /// Whether the file is MDX, whose `import`/`export` statements and components are foreign too.
    package var isMDX: Bool { IssueFileFormat(fileName: path) == .mdx }

    /// The other generators' syntax in the body as written, for `herald check` to name.
    package var foreignSyntax: [ForeignConstruct] {
        ForeignSyntaxScanner.constructs(in: writtenBody, isMDX: isMDX)
    }

    /// The body with its ``foreignSyntax`` left out, and the way back to written positions; `nil`
    /// when the body holds none (nearly always), so nothing is copied.
    package var foreignSyntaxRemoval: ForeignSyntaxRemoval? {
        let constructs = foreignSyntax
        return constructs.isEmpty ? nil : ForeignSyntaxRemoval(removing: constructs, from: writtenBody)
    }

    /// The Markdown after the header, with the ``foreignSyntax`` left out, so no output shows a
    /// shortcode or component as text; parse it and map positions back with
    /// ``fileLocation(ofBodyLocation:)``.
    ///
    /// Every line stays where it was (a construct's line ends are kept), so line numbers hold; on a
    /// line that lost a construct, later columns move left (``ForeignSyntaxRemoval`` maps them back).
    /// Each read scans the body again: a step that reads it more than once takes it from a
    /// ``ParsedIssue``, which scans once.
    public var body: Substring {
        foreignSyntaxRemoval.map { Substring($0.text) } ?? writtenBody
    }
}
