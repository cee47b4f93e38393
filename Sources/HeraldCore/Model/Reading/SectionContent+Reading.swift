import HeraldMarkdown

extension SectionContent {
    /// Reads the blocks of a section (grouped by sub-heading) as the typed content of `kind`.
    init(reading groups: [SectionOutline.BlockGroup], as kind: SectionKind, context: inout ReadingContext) {
        self.init()
        switch kind {
        case .links: links = SectionContent.entries(of: groups) { LinkEntry(item: $0, context: context) }
        case .crateOfTheWeek: crate = CrateOfTheWeek(blocks: groups.flatMap(\.blocks), context: context)
        case .callsForTesting:
            callsForTesting = SectionContent.entries(of: groups) { CallForTesting(item: $0, context: context) }
        case .cfpProjects: cfpProjects = SectionContent.entries(of: groups) { CFPProject(item: $0, context: context) }
        case .cfpEvents: cfpEvents = SectionContent.entries(of: groups) { CFPEvent(item: $0, context: context) }
        case .projectUpdates: projectUpdates = ProjectUpdates(groups: groups, context: context)
        case .performanceTriage: performanceTriage = PerformanceTriage(groups: groups, context: context)
        case .approvedRFCs: approvedRFCs = SectionContent.entries(of: groups) { LinkEntry(item: $0, context: context) }
        case .finalCommentPeriod:
            finalCommentPeriod = SectionContent.entries(of: groups) { FCPEntry(item: $0, context: context) }
        case .newRFCs: newRFCs = SectionContent.entries(of: groups) { LinkEntry(item: $0, context: context) }
        case .events: events = EventEntry.regions(of: groups, context: &context)
        case .jobs: jobs = JobEntry.groups(of: groups, context: context)
        case .quoteOfTheWeek: quote = Quote(blocks: groups.flatMap(\.blocks), context: context)
        case .editors: editors = groups.flatMap(\.blocks).flatMap(\.links).map { Person(name: $0.title, url: $0.url) }
        default: blocks = TextBlock.groups(of: groups, context: context)
        }
    }

    /// One entry group per block group, made from the items of its lists; items that are only
    /// a remark ("*No RFCs were approved this week.*") are not entries.
    static func entries<Entry>(
        of groups: [SectionOutline.BlockGroup], _ makeEntry: (MarkdownNode) -> Entry?
    ) -> [EntryGroup<Entry>] {
        groups.compactMap { group in
            let entries = MarkdownNode.items(in: group.blocks).compactMap { item -> Entry? in
                guard let lead = item.leadParagraph, !lead.isRemark else { return nil }
                return makeEntry(item)
            }
            if group.title == nil, entries.isEmpty { return nil }
            return EntryGroup(title: group.title, level: group.level, source: group.source, entries: entries)
        }
    }
}
