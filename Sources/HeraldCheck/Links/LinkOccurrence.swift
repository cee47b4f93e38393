import HeraldCore
import HeraldMarkdown

/// One link as written in a checked file: where it is, which section it is in, and where its
/// address sits in the bytes so a fix can replace exactly that.
struct LinkOccurrence {
    let url: String
    /// The address taken apart, when it is absolute.
    let address: LinkAddress?
    /// Where the link starts (`[` of `[title](url)`, or the autolink itself).
    let location: SourceLocation
    /// The bytes of the address as written, when they spell ``url`` exactly.
    let addressRange: Range<Int>?
    /// The kind of the innermost section around the link: all the rules ask of it, and a whole
    /// ``Section`` in every occurrence made each copy retain the section's content (a third of
    /// a billion instructions over the archive).
    let sectionKind: SectionKind?
    /// Whether this is the link of a list entry (the first link of an item's first paragraph):
    /// the link a newsletter features, as opposed to a link in running text.
    let isEntryLink: Bool
    let isImage: Bool

    /// Every link and image of `file`, in document order.
    static func all(in file: CheckedFile) -> LinkList {
        LinkList(runs: file.mapBlocks { [all(in: $0, file: file)] })
    }

    /// The links of `blocks`, in document order.
    ///
    /// The link nodes are found first and the links made into room sized for them: grown an
    /// append at a time, an outsized file's arrays of links kept a third of their room empty
    /// (40 MB of a 50 MB issue's check), and any file's were moved at each growth.
    static func all(in blocks: ArraySlice<MarkdownNode>, file: CheckedFile) -> [LinkOccurrence] {
        var nodes: [MarkdownNode] = []
        for block in blocks {
            for node in block.descendants where node.kind == .link || node.kind == .image { nodes.append(node) }
        }
        var links: [LinkOccurrence] = []
        links.reserveCapacity(nodes.count)
        for node in nodes {
            guard let url = node.destination else { continue }
            let location = file.fileLocation(node.range.start)
            links.append(
                LinkOccurrence(
                    url: url, address: LinkAddress(url), location: location,
                    addressRange: addressRange(of: url, in: node, file: file),
                    sectionKind: file.sectionKind(atLine: location.line), isEntryLink: isEntryLink(node),
                    isImage: node.kind == .image))
        }
        return links
    }

    /// The last place inside the node's bytes that spells `url`: the destination follows the text.
    /// Compared on the buffers: through the file's collection, a byte at a time, this search was
    /// a tenth of checking an archive's links.
    private static func addressRange(of url: String, in node: MarkdownNode, file: CheckedFile) -> Range<Int>? {
        var url = url
        let span = file.byteRange(of: node)
        return url.withUTF8 { needle in
            file.bytes.withUnsafeBufferPointer { bytes in
                guard let first = needle.first, span.count >= needle.count, span.upperBound <= bytes.count else {
                    return nil
                }
                var start = span.upperBound - needle.count
                while start >= span.lowerBound {
                    if bytes[start] == first,
                        UnsafeBufferPointer(rebasing: bytes[start..<start + needle.count]).elementsEqual(needle)
                    {
                        return start..<start + needle.count
                    }
                    start -= 1
                }
                return nil
            }
        }
    }

    private static func isEntryLink(_ link: MarkdownNode) -> Bool {
        guard let paragraph = link.parent, paragraph.kind == .paragraph, let item = paragraph.parent,
            item.kind == .item,
            item.firstChild == paragraph
        else { return false }
        return paragraph.children.first { $0.kind == .link } == link
    }
}
