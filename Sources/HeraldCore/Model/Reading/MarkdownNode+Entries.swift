package import HeraldMarkdown

/// A paragraph read as "tags, link, comment": the shape of almost every list entry.
struct LinkedText {
    /// Text before the link, bracketed tags removed.
    let leading: String
    let tags: [String]
    /// The first link, or `nil` when the text has none.
    let link: MarkdownNode?
    /// The links after the first one.
    let otherLinks: [MarkdownNode]
    /// Text after the first link.
    let trailing: String
    /// The link's text, or the leading text when there is no link: made once, as every entry
    /// reader asks for it, most of them twice.
    let title: String
    private let paragraph: MarkdownNode

    init(_ paragraph: MarkdownNode) {
        // The children's text is gathered as bytes and made into two strings at the end.
        var leading: [UInt8] = []
        var trailing: [UInt8] = []
        var link: MarkdownNode?
        var otherLinks: [MarkdownNode] = []
        for child in paragraph.children {
            if link == nil {
                if let found = child.kind == .link ? child : child.firstChild == nil ? nil : child.firstLink {
                    link = found
                    if found != child { child.appendPlainText(to: &trailing) }
                } else {
                    child.appendPlainText(to: &leading)
                }
            } else {
                child.appendPlainText(to: &trailing)
                if child.kind == .link {
                    otherLinks.append(child)
                } else if child.firstChild != nil {
                    otherLinks += child.descendants.filter { $0.kind == .link }
                }
            }
        }
        // Most entries start with their link: nothing before it to take tags from.
        (tags, self.leading) =
            leading.allSatisfy(ASCII.isWhitespace)
            ? ([], "") : String(decoding: leading, as: UTF8.self).splittingLeadingTags
        self.link = link
        self.otherLinks = otherLinks
        self.trailing = String(decoding: trailing, as: UTF8.self)
        title = link.map { $0.plainText.trimmingWhitespace } ?? self.leading
        self.paragraph = paragraph
    }

    /// The whole text without markup.
    var text: String { paragraph.plainText.trimmingWhitespace }

    var url: String? { link?.destination }
}

extension MarkdownNode {
    /// The first link in this subtree.
    var firstLink: MarkdownNode? { descendants.first { $0.kind == .link } }

    /// Every link in this subtree, as title and destination.
    var links: [Link] {
        descendants.compactMap { node in
            node.destination.map { Link(title: node.plainText.trimmingWhitespace, url: $0) }
        }
    }

    /// A list item's first paragraph (its entry line).
    var leadParagraph: MarkdownNode? { children.first { $0.kind == .paragraph } }

    /// The items of every top-level list among `blocks`.
    package static func items(in blocks: some Sequence<MarkdownNode>) -> [MarkdownNode] {
        var items: [MarkdownNode] = []
        for block in blocks where block.kind == .list {
            for item in block.children { items.append(item) }
        }
        return items
    }

    /// Whether a paragraph is only an emphasised remark such as "*No RFCs were approved this
    /// week.*", which is about the section, not an entry of it.
    var isRemark: Bool { soleSignificantChild?.kind == .emphasis }

    /// Whether a paragraph is only strong text (`**Employer**`), which old issues use as a label.
    var isStrongLabel: Bool { soleSignificantChild?.kind == .strong }

    /// The one child that is not blank text, or `nil` when there is none or more than one.
    private var soleSignificantChild: MarkdownNode? {
        var found: MarkdownNode?
        for child in children where !(child.kind == .text && child.literalIsWhitespace) {
            if found != nil { return nil }
            found = child
        }
        return found
    }
}
