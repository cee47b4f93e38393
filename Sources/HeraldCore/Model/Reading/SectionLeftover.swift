import HeraldMarkdown

/// What a typed section holds that its kind has no place for: paragraphs between the entries of
/// a link list, list items that are not entries, quotes and tables.
///
/// A newsletter that maps a heading to a typed kind ("links") must not lose what the section
/// says when it is written in another shape, so these blocks are kept as text, in the groups
/// they sit in, and end up in ``SectionContent/blocks`` beside the typed entries. Blocks that
/// look like content the kind expected (an item that is no entry, prose after the first link of
/// a link list) are also reported, so that an editor can fix the entry or the `[sections]` table.
struct SectionLeftover {
    /// A block kept as text, with the reason to report it, if any.
    struct Misfit {
        var node: MarkdownNode
        var message: String
    }

    private(set) var groups: [EntryGroup<TextBlock>] = []
    private(set) var misfits: [Misfit] = []
    /// Whether prose between the entries is unexpected: a link list holds links, while calls
    /// for participation and project updates introduce their lists with a paragraph.
    let reportsProse: Bool

    init(kind: SectionKind) {
        reportsProse = kind == .links || kind == .approvedRFCs || kind == .newRFCs
    }

    /// One entry group per block group, made from the items of its lists; everything else in
    /// the group is kept as text. Items that are only a remark ("*No RFCs were approved this
    /// week.*") are kept as text without a word: they are about the section, not entries of it.
    mutating func entries<Entry>(
        of groups: [SectionOutline.BlockGroup], context: ReadingContext, _ makeEntry: (MarkdownNode) -> Entry?
    ) -> [EntryGroup<Entry>] {
        groups.compactMap { group in
            var entries: [Entry] = []
            // At most one entry an item: grown as they came, a 50 MB issue's lists of entries
            // held a quarter more room than entries at its peak.
            entries.reserveCapacity(group.blocks.reduce(0) { $0 + ($1.kind == .list ? $1.childCount : 0) })
            var kept: [TextBlock] = []
            for block in group.blocks {
                guard block.kind == .list else {
                    guard TextBlock.keeps(block) else { continue }
                    kept.append(TextBlock(node: block, context: context))
                    // Text before the first entry introduces the list ("These RFCs were approved…").
                    if reportsProse, !entries.isEmpty, !block.isRemark {
                        misfits.append(Misfit(node: block, message: "text after the first entry is not an entry"))
                    }
                    continue
                }
                for item in block.children {
                    if let lead = item.leadParagraph, !lead.isRemark, let entry = makeEntry(item) {
                        entries.append(entry)
                        continue
                    }
                    kept.append(TextBlock(node: item, context: context))
                    if item.leadParagraph?.isRemark != true {
                        misfits.append(Misfit(node: item, message: "list item is not an entry"))
                    }
                }
            }
            if !kept.isEmpty {
                self.groups.append(
                    EntryGroup(title: group.title, level: group.level, source: group.source, entries: kept))
            }
            if group.title == nil, entries.isEmpty { return nil }
            return EntryGroup(title: group.title, level: group.level, source: group.source, entries: entries)
        }
    }

    /// Adds the kept blocks to `content` and reports the misfits, naming the section's kind.
    func finish(_ content: inout SectionContent, kind: SectionKind, context: inout ReadingContext) {
        guard !groups.isEmpty else { return }
        content.blocks = (content.blocks ?? []) + groups
        for misfit in misfits {
            context.warn(
                .untypedContent, at: misfit.node,
                "\(misfit.message) of a '\(kind.id)' section; it is kept as text",
                fix: "write it as an entry, or map the heading to \"generic\" in [sections] of herald.toml")
        }
    }
}
