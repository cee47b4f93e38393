import HeraldCore
import HeraldMarkdown
import Testing

@testable import HeraldCheck

/// A file long enough for its links to be found and its rules to run on every core
/// (`FileSplitting.minimumLines`) gets the findings its parts get one at a time, in file order.
@Suite struct OutsizedFileTests {
    /// Part `index`, three lines: an entry with a tracking parameter, one without a link but with
    /// a stray backtick and a tag (before the index, so that their columns are every part's),
    /// and a plain one; every address is the part's own, so no part repeats another's.
    static func part(_ index: Int) -> String {
        """
        * [Post \(index)](https://example.org/\(index)?utm_source=feed)
        * A stray ` and <font>keys</font> in entry \(index), without a link
        * [Old \(index)](http://example.org/old-\(index))

        """
    }

    static let header = "## Updates from Rust Community\n\n### Observations/Thoughts\n\n"

    /// Each finding as rule, line and column.
    static func places(_ report: CheckReport) -> [String] {
        report.findings.map {
            "\($0.rule.rawValue) \($0.problem.location?.line ?? 0):\($0.problem.location?.column ?? 0)"
        }
    }

    @Test("the findings of 3,500 parts checked side by side are each part's, in file order")
    func partsCheckedInParallelKeepTheirFindings() throws {
        let count = 3_500
        let partLines = 3
        #expect(FileSplitting.isOutsized(lineCount: count * partLines))
        let one = try CheckFixture.check(Self.header + Self.part(0))
        let whole = try CheckFixture.check(Self.header + (0..<count).map(Self.part).joined())

        #expect(Set(one.findings.map(\.rule)).isSuperset(of: [.trackingParameter, .codeSpan, .rawHTML]))
        let expected = (0..<count).flatMap { index in
            one.findings.map { finding in
                let place = finding.problem.location
                return "\(finding.rule.rawValue) \((place?.line ?? 0) + index * partLines):\(place?.column ?? 0)"
            }
        }
        let places = Self.places(whole)
        #expect(places.count == expected.count)
        let difference = places.indices.first { $0 >= expected.count || places[$0] != expected[$0] }
        #expect(difference == nil, "first difference: \(difference.map { places[$0] } ?? "")")
    }

    /// The links are found and checked a run of blocks at a time, and only the places of the
    /// featured addresses are kept for `duplicate-link`: a repeat far from its first place, in
    /// another run, and a link an earlier issue featured are still found where they are.
    @Test("an outsized file's repeated and earlier-featured links are found across its runs")
    func duplicatesAcrossRuns() throws {
        let count = 3_500
        // Part `index` starts on line 10 + 3 × index; every thousandth links part 0's address.
        let parts = (0..<count).map { index in
            "* [Post \(index)](https://example.org/post-\(index % 1_000 == 999 ? 0 : index))\n"
                + "* [Plain \(index)](https://example.org/plain-\(index))\n\n"
        }
        let body = Self.header + parts.joined() + "* [Again](https://www.example.org/featured-before/)\n"
        let report = try CheckFixture.check(body)
        let duplicates = report.findings(of: .duplicateLink).map {
            "\($0.problem.location?.line ?? 0): \($0.problem.message)"
        }
        #expect(
            duplicates == [
                "3007: link already in this issue, line 10", "6007: link already in this issue, line 10",
                "9007: link already in this issue, line 10",
                "10510: link already featured in issue 11 (2026-02-25), line 10",
            ])
    }
}
