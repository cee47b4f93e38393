import Testing

@testable import HeraldCore

/// Gathers insights from two hand-written issues: a crate featured once and linked in every
/// way TWiR links crates, a quote, editors and an event listed in both issues.
@Suite struct InsightsTests {
    static func read(_ markdown: String, number: Int, day: Int) -> (reference: IssueReference, issue: HeraldCore.Issue)
    {
        let date = IssueDate(year: 2024 + number - 1, month: 3, day: day)!
        let metadata = IssueMetadata(title: "Weekly \(number)", number: number, date: date)
        let issue = IssueReader().read(markdown: markdown, metadata: metadata, bodyStartLine: 5, path: "\(number).md")
            .issue
        return (IssueReference(id: "\(number).html", title: "Weekly \(number)", number: number, date: date), issue)
    }

    static let insights = Insights(issues: [
        read(
            """
            ## Updates from Rust Community

            * [Parsing with widgets](https://github.com/widget-rs/tiny-widget/blob/main/README.md)
            * [Unrelated](https://example.org/tiny_widget)

            ## Upcoming Events

            ### Europe
            * 2025-07-03 | Virtual (Lyon, FR) | [Widget Users](https://example.org/wu)
                * [**Widget hour**](https://example.org/wu/1)

            *Weekly is edited by: [ada](https://example.org/ada) and [grace](https://example.org/grace).*
            """, number: 2, day: 6),
        read(
            """
            ## Crate of the Week

            This week's crate is [tiny\\_widget](https://github.com/widget-rs/tiny-widget), a crate of small widgets.

            Thanks to [Ada](https://example.org/ada) for the suggestion!

            ## Quote of the Week

            > Widgets are forever.

            – [Grace on the widget forum](https://example.org/q)

            Thanks to [Linus](https://example.org/linus) for the suggestion!

            ## Upcoming Events

            ### Europe
            * 2025-07-03 | Virtual (Lyon, FR) | [Widget Users](https://example.org/wu)
                * [**Widget hour**](https://example.org/wu/1)
            """, number: 1, day: 1),
        read("## Updates from Rust Community\n\n* [Release](https://docs.rs/tiny-widget/1.0)\n", number: 3, day: 2),
    ])

    @Test func aCrateHasItsFeatureAndEveryIssueLinkingToIt() throws {
        let crate = try #require(Self.insights.crate(slugged: "tiny-widget"))
        #expect(crate.name == "tiny_widget")
        #expect(crate.features.map(\.issue.number) == [1])
        #expect(crate.features.first?.suggestedBy?.name == "Ada")
        #expect(crate.mentions.map(\.number) == [1, 2, 3])
        #expect(crate.mentionsPerYear(from: 2023, to: 2026).map(\.count) == [0, 1, 1, 1])
    }

    @Test func quotesAreByTheSpeakersName() {
        #expect(Self.insights.quoteAuthors.map(\.name) == ["Grace"])
        #expect(Self.insights.quoteAuthors.first?.quotes.first?.text == "Widgets are forever.")
    }

    @Test func peopleHaveTheIssuesTheyEditedOrSuggestedFor() throws {
        let ada = try #require(Self.insights.people.first { $0.slug == "ada" })
        #expect(ada.edited.map(\.number) == [2])
        #expect(ada.suggestedCrates.map(\.number) == [1])
        #expect(ada.issues.map(\.number) == [1, 2])
        #expect(Self.insights.people.map(\.name) == ["Ada", "grace", "Linus"], "named as first met, by slug")
    }

    @Test func anEventListedTwiceIsKeptOnceUnderItsCity() throws {
        let lyon = try #require(Self.insights.places.first)
        #expect(Self.insights.places.count == 1)
        #expect(lyon.name == "Lyon, FR")
        #expect(lyon.events.map(\.issue.number) == [1])
    }

    @Test func crateLinksNameTheirCrate() {
        #expect(CrateLink.registryName(in: "https://crates.io/crates/Pest_Derive") == "pest-derive")
        #expect(CrateLink.registryName(in: "https://docs.rs/crate/pest/2.0") == "pest")
        #expect(CrateLink.registryName(in: "https://example.org/crates/pest") == nil)
        #expect(CrateLink.registryName(in: "https://docs.rs/crate") == nil)
        #expect(CrateLink.registryName(in: "https://docs.rs/Serde_JSON/latest?search=x") == "serde-json")
        let repository = CrateLink.target(of: "https://WWW.GitHub.com/pest-parser/Pest.git/tree/master#readme")
        #expect(repository == CrateLink.Target(name: "pest", home: "github.com/pest-parser/Pest"))
        #expect(CrateLink.target(of: "https://github.com/pest-parser") == CrateLink.Target())
        #expect(CrateLink.home(of: "https://Pest.rs/?ref=twir") == "pest.rs")
        #expect(CrateLink.home(of: "https://pest.rs/book/") == nil)
        #expect(CrateLink.home(of: "https://www.reddit.com") == nil)
        #expect(CrateLink.home(of: "https://BÜCHER.example") == "bücher.example")
        #expect(CrateLink.target(of: "mailto:someone@example.org") == CrateLink.Target())
        #expect(CrateLink.target(of: "https://") == CrateLink.Target())
    }

    @Test func aPlaceIsNamedWithoutItsSpacesOrOnlineMark() {
        #expect(PlaceInsight.name(of: " Virtual (Berlin, DE) ") == "Berlin, DE")
        #expect(PlaceInsight.name(of: "Hybrid ( Lyon, FR\u{A0})\t") == "Lyon, FR")
        #expect(PlaceInsight.name(of: "Virtual") == "Virtual")
        #expect(PlaceInsight.name(of: "Online (") == "Online (")
        #expect(PlaceInsight.name(of: "  ").isEmpty)
    }
}
