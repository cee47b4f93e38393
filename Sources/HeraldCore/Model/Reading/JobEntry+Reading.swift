import HeraldMarkdown

extension JobEntry {
    /// Reads job lists, taking the employer from a preceding `**Employer**` paragraph.
    static func groups(of groups: [SectionOutline.BlockGroup], context: ReadingContext) -> [EntryGroup<JobEntry>] {
        groups.compactMap { group in
            var employer: String?
            var entries: [JobEntry] = []
            for block in group.blocks {
                if block.kind == .paragraph, block.isStrongLabel {
                    employer = block.plainText.trimmingWhitespace
                }
                guard block.kind == .list else { continue }
                for item in block.children {
                    guard let lead = item.leadParagraph, !lead.isRemark else { continue }
                    let text = LinkedText(lead)
                    guard !text.title.isEmpty || text.url != nil else { continue }
                    entries.append(
                        JobEntry(title: text.title, url: text.url, employer: employer, source: context.span(of: item)))
                }
            }
            if group.title == nil, entries.isEmpty { return nil }
            return EntryGroup(title: group.title, level: group.level, source: group.source, entries: entries)
        }
    }
}
