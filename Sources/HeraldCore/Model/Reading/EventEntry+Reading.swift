import HeraldMarkdown

extension EventEntry {
    /// Reads an events section: one region per group ("Virtual", "Europe"…), kept even when
    /// empty; entries written before any region heading form an untitled region.
    static func regions(of groups: [SectionOutline.BlockGroup], context: inout ReadingContext) -> [EventRegion] {
        groups.compactMap { group in
            let regionIsVirtual = group.title.map(EventEntry.mentionsVirtual) ?? false
            var entries: [EventEntry] = []
            for item in MarkdownNode.items(in: group.blocks) {
                guard let lead = item.leadParagraph, !lead.isRemark,
                    let entry = EventEntry(item: item, lead: lead, regionIsVirtual: regionIsVirtual, context: context)
                else { continue }
                if entry.date == nil {
                    let name = entry.titles.first?.title ?? entry.text
                    let shown = name.count > 80 ? name.prefix(79) + "…" : name[...]
                    context.warn(.undatedEvent, at: item, "cannot read the date of event '\(shown)'")
                }
                entries.append(entry)
            }
            if group.title == nil, entries.isEmpty { return nil }
            return EventRegion(title: group.title, level: group.level, source: group.source, entries: entries)
        }
    }

    /// Reads `* 2025-07-02 | Virtual (Berlin, DE) | [Organiser](url)` with `[**Title**](url)`
    /// sub-items, or the older `* [Jun  7. Place - Title](url)` and `* [3/9. Title](url)` forms.
    init?(item: MarkdownNode, lead: MarkdownNode, regionIsVirtual: Bool, context: ReadingContext) {
        let text = LinkedText(lead)
        let source = context.span(of: item)
        if text.leading.contains(byte: "|") {
            let fields = text.leading.splitting("|").compactMap(\.nonEmpty)
            guard let dateText = fields.first else { return nil }
            var location = fields.count > 1 ? fields[1...].joined(separator: " | ") : nil
            var organiser = text.link.map { Person(name: text.title, url: $0.destination) }
            if organiser == nil, fields.count > 2 {
                organiser = Person(name: fields[fields.count - 1])
                location = fields[1..<(fields.count - 1)].joined(separator: " | ")
            }
            let subItems = MarkdownNode.items(in: item.children)
            var titles = subItems.compactMap { sub -> Link? in
                guard let link = sub.firstLink, let url = link.destination else { return nil }
                return Link(title: link.plainText.trimmingWhitespace, url: url)
            }
            if titles.isEmpty {
                titles = text.otherLinks.compactMap { link in
                    link.destination.map { Link(title: link.plainText.trimmingWhitespace, url: $0) }
                }
            }
            self.init(
                date: IssueDate(parsing: dateText) ?? IssueDate(firstIn: dateText), dateText: dateText,
                isVirtual: regionIsVirtual || EventEntry.mentionsVirtual(location ?? ""), location: location,
                organiser: organiser, titles: titles, text: text.text, source: source)
            return
        }
        let written = text.link != nil ? text.title : text.text
        let parsed = LegacyEventDate(parsing: written, near: context.issueDate)
        let rest = parsed?.rest ?? written
        let parts = rest.splitting(" - ").compactMap(\.nonEmpty)
        var location: String?
        var title = rest
        if parts.count >= 2, parts[0].contains(byte: ",") {
            location = parts[0]
            title = parts[1...].joined(separator: " - ")
        }
        let url = text.url ?? item.firstLink?.destination
        self.init(
            date: parsed?.date, dateText: parsed?.text,
            isVirtual: regionIsVirtual || EventEntry.mentionsVirtual(written), location: location, organiser: nil,
            titles: url.map { [Link(title: title, url: $0)] } ?? [], text: text.text, source: source)
    }

    static func mentionsVirtual(_ text: String) -> Bool {
        text.containsIgnoringCase("virtual") || text.containsIgnoringCase("online")
    }
}
