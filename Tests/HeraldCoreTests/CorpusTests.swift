import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Reads the whole This Week in Rust archive (2013–2025) through the model. The corpus lives
/// outside the package (`../shared`, or `HERALD_SHARED`); without it these tests are skipped,
/// except in CI (`CI` set), where they fail.
@Suite(.enabled(if: SharedFolder.twirCorpus != nil || SharedFolder.isCI))
struct CorpusTests {
    static let folder: Result<NewsletterFolder, HeraldError> = {
        guard let twir = SharedFolder.twirCorpus else {
            return .failure(
                HeraldError(Problem(.unreadable, message: "the TWiR corpus is missing (set HERALD_SHARED)")))
        }
        return Result { () throws(HeraldError) in try NewsletterFolder(at: twir) }
    }()

    static let reading: Result<ExportResult, HeraldError> = folder.map { IssueExporter().export($0) }

    @Test func everyFileIsReadOrReported() throws {
        let folder = try Self.folder.get()
        let result = try Self.reading.get()
        #expect(result.export.issues.count == folder.issues.count)
        #expect(result.export.issues.count > 600)
        let skipped = result.problems.filter { $0.code == .unsupportedFormat }.compactMap(\.file)
        #expect(skipped.map { URL(fileURLWithPath: $0).lastPathComponent } == ["state-of-rust-0-11-0.rst"])
        #expect(result.summary.links > 10_000)
        #expect(result.summary.events > 5_000)
        #expect(result.summary.crates > 400)
    }

    @Test func issue605HasItsCrateAndRegions() throws {
        let result = try Self.reading.get()
        let issue = try #require(
            result.export.issues.first { $0.metadata.date == IssueDate(year: 2025, month: 6, day: 25) })
        #expect(issue.metadata.number == 605)
        let crate = try #require(issue.section(.crateOfTheWeek)?.content.crate)
        #expect(crate.name == "primitive_fixed_point_decimal")
        #expect(crate.url == "https://docs.rs/primitive_fixed_point_decimal")
        let regions = try #require(issue.section(.events)?.content.events)
        #expect(
            regions.compactMap(\.title) == ["Virtual", "Asia", "Europe", "North America", "Oceania", "South America"])
        #expect(regions.allSatisfy { !$0.entries.isEmpty })
        #expect(regions[0].entries.allSatisfy { $0.isVirtual })
        #expect(regions[0].entries.allSatisfy { $0.date != nil && !$0.titles.isEmpty && $0.organiser != nil })
    }

    @Test(.enabled(if: SchemaValidator.isUsable)) func corpusExportMatchesTheSchema() throws {
        try SchemaValidator.validate(Self.reading.get().export.json())
    }

    /// `pest` was Crate of the Week in 2017 (crates.io link) and 2018 (pest.rs link); other
    /// issues link to its repositories and documentation.
    @Test func pestHasBothFeaturesAndItsOtherMentions() throws {
        let insights = Insights(export: try Self.reading.get().export)
        let pest = try #require(insights.crate(slugged: "pest"))
        #expect(pest.features.map(\.issue.date.description) == ["2017-08-22", "2018-10-09"])
        let mentions = Set(pest.mentions.map(\.date.description))
        #expect(mentions.isSuperset(of: ["2016-05-23", "2017-08-22", "2018-10-09"]))
        #expect(mentions.count > 5)
        #expect(insights.crates.count > 300)
        #expect(insights.quoteAuthors.reduce(0) { $0 + $1.quotes.count } > 400)
        #expect(insights.people.contains { $0.name == "Brian Anderson" && !$0.edited.isEmpty })
        #expect(insights.places.contains { $0.name.hasPrefix("Berlin") && $0.events.count > 20 })
    }
}
