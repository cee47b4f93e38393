import HeraldCore
import HeraldMarkdown
import Testing

/// An issue long enough for its sections to be read on every core (`FileSplitting.minimumLines`)
/// reads as its parts do one at a time: every section in its place with its own content and
/// subsections, and the problems in document order.
@Suite struct OutsizedIssueReadingTests {
    static let metadata = IssueMetadata(
        title: "Herald Weekly 12", number: 12, date: IssueDate(year: 2025, month: 7, day: 2)!)

    /// Part `index`: a top-level section holding a links section, whose stray paragraph is a
    /// reading problem, and a quote.
    static func part(_ index: Int) -> String {
        """
        # Part \(index)

        ## Updates from Rust Community

        ### Observations/Thoughts

        * [Post \(index)](https://example.org/\(index))

        Stray text \(index).

        ## Quote of the Week

        > Quote \(index)

        """
    }

    static let partLines = part(0).split(separator: "\n", omittingEmptySubsequences: false).count - 1

    func read(_ markdown: String) -> IssueReading {
        IssueReader().read(markdown: markdown, metadata: Self.metadata, bodyStartLine: 5, path: "12.md")
    }

    @Test("sections and problems of 1,000 parts read side by side are each part's, in order")
    func partsReadInParallelKeepTheirPlaces() throws {
        let count = 1_000
        #expect(FileSplitting.isOutsized(lineCount: count * Self.partLines))
        let one = read(Self.part(0))
        let whole = read((0..<count).map(Self.part).joined())

        #expect(whole.issue.sections.count == count)
        #expect(whole.issue.sections.map(\.title) == (0..<count).map { "Part \($0)" })
        for (index, section) in whole.issue.sections.enumerated() {
            #expect(section.subsections.map(\.title) == one.issue.sections[0].subsections.map(\.title))
            let links = try #require(section.subsections.first?.content.links)
            #expect(links.first?.entries.map(\.url) == ["https://example.org/\(index)"])
            #expect(section.source.line == one.issue.sections[0].source.line + index * Self.partLines)
        }

        #expect(!one.problems.isEmpty)
        let expected = (0..<count).flatMap { index in
            one.problems.map { problem in
                "\(problem.code.rawValue) \((problem.location?.line ?? 0) + index * Self.partLines)"
            }
        }
        #expect(whole.problems.map { "\($0.code.rawValue) \($0.location?.line ?? 0)" } == expected)
    }
}
