import HeraldCore
import HeraldMarkdown
import Testing

@testable import HeraldCheck

/// The shape of `herald check`'s per-link lookups, by counting their steps rather than timing
/// them (speed is measured in scripts/benchmark-scaling.sh): four times the links must not
/// cost more than five times the work.
@Suite struct ScalingShapeTests {
    /// Steps to find, for each of `count` sorted lines, the first element at or after it.
    private func lookupSteps(count: Int) -> Int {
        let lines = (0..<count).map { $0 * 3 }
        var steps = 0
        for line in lines {
            let index = SortedSearch.firstIndex(in: lines) { element in
                steps += 1
                return element >= line
            }
            #expect(lines[index] == line)
        }
        return steps
    }

    @Test("a lookup per link over four times the links does under five times the work")
    func lookupsGrowNearlyLinearly() {
        let small = lookupSteps(count: 4096)
        let large = lookupSteps(count: 4 * 4096)
        #expect(Double(large) / Double(small) < 5)
    }

    @Test("the search finds the first element at or after a value, and the end when none is")
    func searchEdges() {
        #expect(SortedSearch.firstIndex(in: [Int]()) { $0 >= 1 } == 0)
        #expect(SortedSearch.firstIndex(in: [1, 2, 2, 3]) { $0 >= 2 } == 1)
        #expect(SortedSearch.firstIndex(in: [1, 2, 2, 3]) { $0 >= 9 } == 4)
        #expect(SortedSearch.firstIndex(in: [1, 2, 2, 3]) { $0 >= 0 } == 0)
    }

    @Test("an address featured many times in one issue: each repeat is reported at its own entry")
    func manyRepeatsOfOneAddress() throws {
        let header = "## Updates from Rust Community\n\n### Observations/Thoughts\n\n"
        let entries = (0..<300).map { "* [Entry \($0)](https://example.org/same)\n" }.joined()
        let report = try CheckFixture.check(header + entries)
        let lines = report.findings(of: .duplicateLink).compactMap(\.problem.location?.line)
        #expect(lines.count == 299)
        #expect(lines == Array(lines.sorted()))
        #expect(Set(lines).count == 299)
    }
}
