extension IssueFile {
    /// Whether the file is MDX, whose `import`/`export` statements and components are foreign too.
    package var isMDX: Bool { IssueFileFormat(fileName: path) == .mdx }

    /// The other generators' syntax in the body as written, for `herald check` to name.
    package var foreignSyntax: [ForeignConstruct] {
        ForeignSyntaxScanner.constructs(in: writtenBody, isMDX: isMDX)
    }

    /// The Markdown after the header, with the ``foreignSyntax`` left out, so no output shows a
    /// shortcode or component as text; parse it and map positions back with
    /// ``fileLocation(ofBodyLocation:)``.
    ///
    /// Every line stays where it was (a construct's line ends are kept), so line numbers hold; on a
    /// line that lost a construct, later columns move left.
    public var body: Substring {
        let written = writtenBody
        let constructs = ForeignSyntaxScanner.constructs(in: written, isMDX: isMDX)
        return constructs.isEmpty ? written : Substring(IssueFile.removing(constructs, from: written))
    }

    /// `text` without `constructs` (in order, apart): their line ends stay, and so do the spaces
    /// after one unless it started its line or followed a space, which would indent what follows
    /// into a code block.
    private static func removing(_ constructs: [ForeignConstruct], from text: Substring) -> String {
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var position = 0
        for construct in constructs where construct.range.lowerBound >= position {
            result += bytes[position..<construct.range.lowerBound]
            result += bytes[construct.range].filter { $0 == UInt8(ascii: "\n") }
            position = construct.range.upperBound
            let before = result.last ?? UInt8(ascii: "\n")
            if before == UInt8(ascii: "\n") || before == UInt8(ascii: " ") || before == UInt8(ascii: "\t") {
                while position < bytes.count,
                    bytes[position] == UInt8(ascii: " ") || bytes[position] == UInt8(ascii: "\t")
                {
                    position += 1
                }
            }
        }
        result += bytes[position...]
        return String(decoding: result, as: UTF8.self)
    }
}
