import HeraldCore
import HeraldMarkdown

/// `dialect-attributes`: Pelican's Markdown settings turn on `extra`, whose `attr_list` reads
/// `{…}` as HTML attributes (and removes it) at the end of a heading, on the last line of a
/// paragraph, and right after a link, emphasis or code span. CommonMark prints the braces.
extension DialectRules {
    static func checkAttributeLists(in source: DialectSource, into findings: inout FindingList) {
        let file = source.file
        for node in file.document.root.descendants {
            switch node.kind {
            // Herald takes a heading's `{#id}` as Python-Markdown does; other attributes it prints.
            case .heading where node.headingID == nil:
                let line = file.fileLocation(node.range.start).line
                if let offset = trailingBraces(onLine: line, in: source, needsSpace: true) {
                    report(offset, "heading", in: file, into: &findings)
                }
            case .paragraph:
                let first = file.fileLocation(node.range.start).line
                let last = file.fileLocation(node.range.end).line
                if last > first, let offset = trailingBraces(onLine: last, in: source, needsSpace: false),
                    source.file.bytes[source.byteRange(ofLine: last)].first(where: { $0 != UInt8(ascii: " ") })
                        == UInt8(ascii: "{")
                {
                    report(offset, "paragraph", in: file, into: &findings)
                }
            case .text where inlineKinds.contains(node.previousSibling?.kind ?? .document):
                let range = file.byteRange(of: node)
                if attributeListLength(file.bytes[range.lowerBound..<range.upperBound]) != nil {
                    report(range.lowerBound, "code span, link or emphasis before them", in: file, into: &findings)
                }
            default:
                break
            }
        }
    }

    /// The elements Python-Markdown gives attributes from a `{…}` right after them.
    private static let inlineKinds: Set<MarkdownNode.Kind> = [.link, .image, .emphasis, .strong, .code]

    private static func report(_ offset: Int, _ owner: String, in file: CheckedFile, into findings: inout FindingList) {
        findings.report(
            .dialectAttributes, at: file.location(ofOffset: offset),
            "Python-Markdown reads these braces as attributes of the \(owner) and hides them; Herald prints them",
            fix: "remove the braces, or escape the opening one as \\{ to keep them as text")
    }

    /// Where a `{…}` that ends `line` starts, when one does (after a space, for a heading).
    private static func trailingBraces(onLine line: Int, in source: DialectSource, needsSpace: Bool) -> Int? {
        let range = source.byteRange(ofLine: line)
        let bytes = source.file.bytes
        var end = range.upperBound
        while end > range.lowerBound, bytes[end - 1] == UInt8(ascii: " ") { end -= 1 }
        guard end > range.lowerBound, bytes[end - 1] == UInt8(ascii: "}") else { return nil }
        var open = end - 1
        while open > range.lowerBound, bytes[open] != UInt8(ascii: "{") {
            if bytes[open - 1] == UInt8(ascii: "}") { return nil }
            open -= 1
        }
        guard bytes[open] == UInt8(ascii: "{"), attributeListLength(bytes[open..<end]) != nil else { return nil }
        if needsSpace, open == range.lowerBound || bytes[open - 1] != UInt8(ascii: " ") { return nil }
        return open
    }

    /// The length of the `{:? attributes}` that `text` starts with: a brace, an optional colon,
    /// then something other than a space, up to the closing brace on the same line.
    private static func attributeListLength(_ text: Slice<FileBytes>) -> Int? {
        var index = text.startIndex
        guard index < text.endIndex, text[index] == UInt8(ascii: "{") else { return nil }
        index += 1
        if index < text.endIndex, text[index] == UInt8(ascii: ":") { index += 1 }
        while index < text.endIndex, text[index] == UInt8(ascii: " ") { index += 1 }
        guard index < text.endIndex, text[index] != UInt8(ascii: "}"), text[index] != UInt8(ascii: "\n") else {
            return nil
        }
        while index < text.endIndex, text[index] != UInt8(ascii: "}") {
            if text[index] == UInt8(ascii: "\n") { return nil }
            index += 1
        }
        return index < text.endIndex ? index - text.startIndex + 1 : nil
    }
}
