import HeraldCore
import HeraldMarkdown
import Testing

/// Reads hand-written issue bodies, one per section kind, and checks the typed values and the
/// file lines they point at (the body starts on line 5, after a four-line header).
@Suite struct IssueModelTests {
    static let metadata = IssueMetadata(
        title: "Herald Weekly 12", number: 12, date: IssueDate(year: 2025, month: 7, day: 2)!)

    func read(_ markdown: String, catalog: SectionCatalog = .twir) -> IssueReading {
        IssueReader(catalog: catalog).read(markdown: markdown, metadata: Self.metadata, bodyStartLine: 5, path: "12.md")
    }

    @Test func linkSectionsGroupTheirCategoriesAndKeepPrefixes() throws {
        let issue = read(
            """
            ## Updates from Rust Community

            ### Official
            * [Announcing Widget 2.0](https://example.org/widget)

            ### Observations/Thoughts
            * [video] [DE] [Why widgets](https://example.org/why). A talk.
            * [series] [Widgets, part 3](https://example.org/w3)
            """
        ).issue
        let section = try #require(issue.sections.first)
        #expect(section.kind == .links)
        #expect(section.subsections.isEmpty)
        let groups = try #require(section.content.links)
        #expect(groups.map(\.title) == ["Official", "Observations/Thoughts"])
        let talk = groups[1].entries[0]
        #expect(talk.title == "Why widgets")
        #expect(talk.url == "https://example.org/why")
        #expect(talk.prefixes == ["video", "DE"])
        #expect(talk.language == "DE")
        #expect(talk.note == "A talk.")
        #expect(talk.source.line == 11)
        #expect(talk.source.column == 1)
        #expect(groups[1].entries[1].prefixes == ["series"])
        #expect(groups[0].source?.line == 7)
    }

    @Test func crateOfTheWeekReadsNameLinkDescriptionAndSuggester() throws {
        let issue = read(
            """
            ## Crate of the Week

            This week's crate is [tiny\\_widget](https://docs.rs/tiny_widget), a crate of *very* small widgets.

            Thanks to [Ada](https://example.org/ada) for the suggestion!

            [Please submit your suggestions and votes for next week][submit]!

            [submit]: https://example.org/submit
            """
        ).issue
        let crate = try #require(issue.section(.crateOfTheWeek)?.content.crate)
        #expect(crate.name == "tiny_widget")
        #expect(crate.url == "https://docs.rs/tiny_widget")
        #expect(crate.description == "a crate of very small widgets")
        #expect(crate.suggestedBy == Person(name: "Ada", url: "https://example.org/ada"))
        #expect(crate.source.line == 7)
    }

    @Test func noCrateSelectedIsNil() {
        let issue = read("# Crate of the Week\n\n*No crate was selected this week.*\n")
        #expect(issue.issue.section(.crateOfTheWeek)?.content.crate == nil)
    }

    @Test func callsForTestingKeepTestingSteps() throws {
        let issue = read(
            """
            ## Calls for Testing

            ### [Widgets](https://example.org/label)
            * [Tracking issue: round widgets](https://example.org/issues/1)
              - [Testing steps](https://example.org/issues/1#steps)

            ### [Gadgets](https://example.org/gadgets)
            * *No calls for testing were issued this week.*
            """
        ).issue
        let groups = try #require(issue.section(.callsForTesting)?.content.callsForTesting)
        #expect(groups.map(\.title) == ["Widgets", "Gadgets"])
        #expect(groups[1].entries.isEmpty)
        let call = groups[0].entries[0]
        #expect(call.title == "Tracking issue: round widgets")
        #expect(call.testingSteps == "https://example.org/issues/1#steps")
        #expect(call.source.line == 8)
        #expect(call.source.endLine == 9)
    }

    @Test func callForParticipationSplitsProjectsAndEvents() throws {
        let issue = read(
            """
            ## Call for Participation; projects and speakers

            ### CFP - Projects

            * [easy] [Widgetry - Document the frobnicator](https://example.org/w/1)
            * [gadget: add a colour option](https://example.org/g/2)

            ### CFP - Events

            * [**WidgetConf 2026**](https://example.org/cfp) | Closes 2025-09-01 | Lyon, FR | 2026-03-10 - 2026-03-12
            * [**Gadget Days**](https://example.org/gd) | [Event Page](https://example.org/gd-home) | Rolling deadline | virtual | Event 2025-11-05
            """
        ).issue
        let section = try #require(issue.sections.first)
        #expect(section.kind == .cfpProjects)
        let projects = try #require(section.content.cfpProjects).flatMap(\.entries)
        #expect(projects.map(\.project) == ["Widgetry", "gadget"])
        #expect(projects.map(\.task) == ["Document the frobnicator", "add a colour option"])
        #expect(projects[0].tags == ["easy"])
        let events = try #require(section.subsections.first?.content.cfpEvents).flatMap(\.entries)
        #expect(events[0].event == "WidgetConf 2026")
        #expect(events[0].closesOn == IssueDate(year: 2025, month: 9, day: 1))
        #expect(events[0].location == "Lyon, FR")
        #expect(events[0].startsOn == IssueDate(year: 2026, month: 3, day: 10))
        #expect(events[1].closes == "Rolling deadline")
        #expect(events[1].closesOn == nil)
        #expect(events[1].location == "virtual")
        #expect(events[1].source.line == 15)
    }

    @Test func projectUpdatesCountMergesAndGroupPullRequests() throws {
        let issue = read(
            """
            ## Updates from the Rust Project

            321 pull requests were [merged in the last week][merged]

            [merged]: https://example.org/merged

            #### Compiler
            * [speed up widget folding](https://example.org/pr/1)

            #### Library
            * [add `Widget::spin`](https://example.org/pr/2)

            ### Rust Compiler Performance Triage

            A quiet week.

            Triage done by **@ferris**.
            Revision range: [abc123..def456](https://example.org/perf)

            1 Regression, 4 Improvements, 2 Mixed; 1 of them in rollups

            [Full report here](https://example.org/report)

            ### [Approved RFCs](https://example.org/rfcs)

            * [Widget syntax](https://example.org/rfcs/1)

            ### Final Comment Period

            #### [RFCs](https://example.org/fcp)
            * [disposition: merge] [Round widgets](https://example.org/rfcs/2)

            #### Tracking Issues & PRs
            ##### [Cargo](https://example.org/cargo-fcp)
            * [disposition: close] [Square widgets](https://example.org/cargo/3)

            ### [New and Updated RFCs](https://example.org/new)
            * [new] [Triangular widgets](https://example.org/rfcs/4)
            """
        ).issue
        let section = try #require(issue.sections.first)
        let updates = try #require(section.content.projectUpdates)
        #expect(updates.mergedPullRequests == 321)
        #expect(updates.groups.map(\.title) == ["Compiler", "Library"])
        #expect(updates.groups[1].entries[0].title == "add Widget::spin")
        #expect(updates.groups[0].entries[0].source.line == 12)
        #expect(section.subsections.map(\.kind) == [.performanceTriage, .approvedRFCs, .finalCommentPeriod, .newRFCs])

        let triage = try #require(issue.section(.performanceTriage)?.content.performanceTriage)
        #expect(triage.triager == "@ferris")
        #expect(triage.revisionRange == "abc123..def456")
        #expect(triage.revisionURL == "https://example.org/perf")
        #expect(triage.regressions == 1)
        #expect(triage.improvements == 4)
        #expect(triage.mixed == 2)
        #expect(triage.reportURL == "https://example.org/report")

        let approved = try #require(issue.section(.approvedRFCs)?.content.approvedRFCs)
        #expect(approved.flatMap(\.entries).map(\.title) == ["Widget syntax"])

        let fcp = try #require(issue.section(.finalCommentPeriod)?.content.finalCommentPeriod)
        #expect(fcp.map(\.title) == ["RFCs", "Tracking Issues & PRs", "Cargo"])
        #expect(fcp[0].entries[0].disposition == "merge")
        #expect(fcp[2].entries[0].disposition == "close")
        #expect(fcp[2].entries[0].title == "Square widgets")
        #expect(fcp[2].entries[0].source.line == 39)

        let newRFCs = try #require(issue.section(.newRFCs)?.content.newRFCs).flatMap(\.entries)
        #expect(newRFCs.map(\.prefixes) == [["new"]])
    }

    @Test func eventsAreGroupedByRegionWithEveryLine() throws {
        let issue = read(
            """
            ## Upcoming Events

            Rusty Events between 2025-07-02 - 2025-07-30 🦀

            ### Virtual
            * 2025-07-03 | Virtual (Lyon, FR) | [Widget Users](https://example.org/wu)
                * [**Widget hour**](https://example.org/wu/1)
                * [**Gadget hour**](https://example.org/wu/2)

            ### Europe
            * 2025-07-09 | Lyon, FR | [Widget Users](https://example.org/wu)
                * [**Widgets in person**](https://example.org/wu/3)
            """
        ).issue
        let regions = try #require(issue.section(.events)?.content.events)
        #expect(regions.map(\.title) == ["Virtual", "Europe"])
        let online = regions[0].entries[0]
        #expect(online.date == IssueDate(year: 2025, month: 7, day: 3))
        #expect(online.isVirtual)
        #expect(online.location == "Virtual (Lyon, FR)")
        #expect(online.organiser == Person(name: "Widget Users", url: "https://example.org/wu"))
        #expect(online.titles.map(\.title) == ["Widget hour", "Gadget hour"])
        #expect(online.source.line == 10)
        #expect(online.source.endLine == 12)
        let inPerson = regions[1].entries[0]
        #expect(!inPerson.isVirtual)
        #expect(inPerson.location == "Lyon, FR")
    }

    @Test func olderEventFormsInferTheYear() throws {
        let reading = IssueReader().read(
            markdown: """
                # Upcoming Events

                * [Jan  7. Lyon, FR - Widget Users - New year widgets](https://example.org/a).
                * [12/30. Widget night](https://example.org/b).
                * Someone is planning a meetup, details soon.
                """,
            metadata: IssueMetadata(title: "Weekly 3", date: IssueDate(year: 2016, month: 12, day: 28)!))
        let entries = try #require(reading.issue.section(.events)?.content.events).flatMap(\.entries)
        #expect(entries[0].date == IssueDate(year: 2017, month: 1, day: 7))
        #expect(entries[0].location == "Lyon, FR")
        #expect(entries[0].titles == [Link(title: "Widget Users - New year widgets", url: "https://example.org/a")])
        #expect(entries[1].date == IssueDate(year: 2016, month: 12, day: 30))
        #expect(entries[2].date == nil)
        #expect(entries[2].text == "Someone is planning a meetup, details soon.")
        #expect(reading.problems.map(\.code) == [.undatedEvent])
        #expect(reading.problems.first?.location?.line == 5)
    }

    @Test func jobsTakeTheirEmployerFromBoldLabels() throws {
        let issue = read(
            """
            # Rust Jobs

            **Widget Co**

            * [Widget Engineer (Remote)](https://example.org/jobs/1)

            * [Gadget Engineer at Gadget Inc](https://example.org/jobs/2)
            """
        ).issue
        let jobs = try #require(issue.section(.jobs)?.content.jobs).flatMap(\.entries)
        #expect(jobs.map(\.title) == ["Widget Engineer (Remote)", "Gadget Engineer at Gadget Inc"])
        #expect(jobs[0].employer == "Widget Co")
    }

    @Test func quoteOfTheWeekAndEditors() throws {
        let issue = read(
            """
            # Quote of the Week

            > Widgets are forever.
            >
            > Gadgets are not.

            – [Grace on the widget forum](https://example.org/q)

            Thanks to [Linus](https://example.org/linus) for the suggestion!

            [Please submit quotes and vote for next week!](https://example.org/submit)

            *Herald Weekly is edited by: [ada](https://example.org/ada) and [grace](https://example.org/grace).*
            """
        ).issue
        let quote = try #require(issue.section(.quoteOfTheWeek)?.content.quote)
        #expect(quote.text == "Widgets are forever.\n\nGadgets are not.")
        #expect(quote.author == "Grace on the widget forum")
        #expect(quote.sourceURL == "https://example.org/q")
        #expect(quote.suggestedBy?.name == "Linus")
        #expect(quote.source.line == 7)
        #expect(issue.editors.map(\.name) == ["ada", "grace"])
    }

    @Test func olderQuoteFormsAreRead() throws {
        let inline = read(
            """
            # Quote of the Week

            *"Widgets all the way down."* — [ada on the forum](https://example.org/f)
            """
        ).issue
        let quote = try #require(inline.section(.quoteOfTheWeek)?.content.quote)
        #expect(quote.text == "\"Widgets all the way down.\"")
        #expect(quote.author == "ada on the forum")
        #expect(quote.sourceURL == "https://example.org/f")
        let none = read("# Quote of the Week\n\n*No quote was selected this week.*\n").issue
        #expect(none.section(.quoteOfTheWeek)?.content.quote == nil)
    }

    @Test func editorsSectionListsPeople() throws {
        let issue = read("# Editors\n\n* [ada](https://example.org/ada)\n* [grace](https://example.org/grace)\n").issue
        #expect(issue.section(.editors)?.content.editors?.map(\.name) == ["ada", "grace"])
        #expect(issue.editors.map(\.name) == ["ada", "grace"])
    }

    @Test func unknownSectionsAreKeptAsGenericText() throws {
        let issue = read(
            """
            # Widget Trivia

            Did you know?

            * Widgets [spin](https://example.org/spin).

            ## More trivia

            Gadgets do not.
            """
        ).issue
        let section = try #require(issue.sections.first)
        #expect(section.kind == .generic)
        #expect(section.source.line == 5)
        #expect(section.source.endLine == 13)
        let blocks = try #require(section.content.blocks).flatMap(\.entries)
        #expect(blocks.map(\.text) == ["Did you know?", "Widgets spin."])
        #expect(blocks[1].links == [Link(title: "spin", url: "https://example.org/spin")])
        #expect(section.subsections.map(\.title) == ["More trivia"])
        #expect(section.subsections[0].content.blocks?.first?.entries.first?.text == "Gadgets do not.")
    }

    /// A weekly that maps its own heading to `links` but writes the section its own way: every
    /// link stays in the model, in an entry or beside the entries, and what is no entry is
    /// reported with its line.
    @Test func aLinkSectionWrittenAnotherWayLosesNothing() throws {
        let catalog = SectionCatalog(rules: [.init(kind: .links, names: ["Reading"])])
        let reading = read(
            """
            ## Reading

            This week's picks:

            1. [Ink chemistry](https://example.org/ink) and [its sequel](https://example.org/ink-2)
            2. [Nib care](https://example.org/nibs)

               > Clean the [feed](https://example.org/feed) weekly.
               * [a follow-up](https://example.org/follow-up)

            Also worth a look: [paper weights](https://example.org/paper).

            * <!-- nothing -->
            """, catalog: catalog)
        let section = try #require(reading.issue.sections.first)
        let entries = try #require(section.content.links).flatMap(\.entries)
        #expect(entries.map(\.title) == ["Ink chemistry", "Nib care"])
        #expect(entries[0].otherLinks == [Link(title: "its sequel", url: "https://example.org/ink-2")])
        let details = try #require(entries[1].details)
        #expect(details.map(\.text) == ["Clean the feed weekly.", "a follow-up"])
        let blocks = try #require(section.content.blocks).flatMap(\.entries)
        #expect(blocks.map(\.text) == ["This week's picks:", "Also worth a look: paper weights.", ""])
        var kept: Set<String> = Set(blocks.flatMap(\.links).map(\.url))
        for entry in entries {
            kept.insert(try #require(entry.url))
            kept.formUnion((entry.otherLinks ?? []).map(\.url))
            kept.formUnion((entry.details ?? []).flatMap(\.links).map(\.url))
        }
        #expect(kept.count == 6)
        #expect(
            reading.problems.map(\.description) == [
                "12.md:15:1: warning: text after the first entry is not an entry of a 'links' section; it is kept as text; write it as an entry, or map the heading to \"generic\" in [sections] of herald.toml",
                "12.md:17:1: warning: list item is not an entry of a 'links' section; it is kept as text; write it as an entry, or map the heading to \"generic\" in [sections] of herald.toml",
            ])
    }

    @Test func catalogMatchesHistoricNamesAndConfiguredOnes() {
        let catalog = SectionCatalog.twir
        #expect(catalog.kind(ofHeading: "New RFC's") == .newRFCs)
        #expect(catalog.kind(ofHeading: "CRATE OF THE WEEK") == .crateOfTheWeek)
        #expect(catalog.kind(ofHeading: "Call for Participation; projects and speakers") == .cfpProjects)
        #expect(catalog.kind(ofHeading: "South America:") == .events)
        #expect(catalog.kind(ofHeading: "Widget Trivia") == nil)
        #expect(catalog.kind(ofHeading: "fn work(on: RustProject) -> Money") == .jobs)
        let renamed = catalog.naming(.events, ["Meetups"])
        #expect(renamed.kind(ofHeading: "Meetups") == .events)
        #expect(renamed.kind(ofHeading: "Upcoming Events") == nil)
        #expect(SectionKind(id: "crate-of-the-week") == .crateOfTheWeek)
        #expect(SectionKind(id: "nonsense") == nil)
    }
}
