import HeraldMarkdown

extension SectionContent {
    /// Reads the blocks of a section (grouped by sub-heading) as the typed content of `kind`;
    /// what a list kind has no place for is kept in ``blocks`` (see ``SectionLeftover``).
    init(reading groups: [SectionOutline.BlockGroup], as kind: SectionKind, context: inout ReadingContext) {
        self.init()
        var leftover = SectionLeftover(kind: kind)
        switch kind {
        case .links: links = leftover.entries(of: groups, context: context) { LinkEntry(item: $0, context: context) }
        case .crateOfTheWeek: crate = CrateOfTheWeek(blocks: groups.flatMap(\.blocks), context: context)
        case .callsForTesting:
            callsForTesting = leftover.entries(of: groups, context: context) {
                CallForTesting(item: $0, context: context)
            }
        case .cfpProjects:
            cfpProjects = leftover.entries(of: groups, context: context) { CFPProject(item: $0, context: context) }
        case .cfpEvents:
            cfpEvents = leftover.entries(of: groups, context: context) { CFPEvent(item: $0, context: context) }
        case .projectUpdates: projectUpdates = ProjectUpdates(groups: groups, leftover: &leftover, context: context)
        case .performanceTriage: performanceTriage = PerformanceTriage(groups: groups, context: context)
        case .approvedRFCs:
            approvedRFCs = leftover.entries(of: groups, context: context) { LinkEntry(item: $0, context: context) }
        case .finalCommentPeriod:
            finalCommentPeriod = leftover.entries(of: groups, context: context) { FCPEntry(item: $0, context: context) }
        case .newRFCs:
            newRFCs = leftover.entries(of: groups, context: context) { LinkEntry(item: $0, context: context) }
        case .events: events = EventEntry.regions(of: groups, context: &context)
        case .jobs: jobs = JobEntry.groups(of: groups, context: context)
        case .quoteOfTheWeek: quote = Quote(blocks: groups.flatMap(\.blocks), context: context)
        case .editors: editors = groups.flatMap(\.blocks).flatMap(\.links).map { Person(name: $0.title, url: $0.url) }
        default: blocks = TextBlock.groups(of: groups, context: context)
        }
        leftover.finish(&self, kind: kind, context: &context)
    }
}
