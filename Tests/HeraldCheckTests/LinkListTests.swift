import HeraldMarkdown
import Testing

@testable import HeraldCheck

/// ``LinkList`` reads the runs an outsized file's links were found in as one collection.
@Suite struct LinkListTests {
    func link(_ number: Int) -> LinkOccurrence {
        LinkOccurrence(
            url: "https://example.com/\(number)", address: nil, location: SourceLocation(line: number, column: 1),
            addressRange: nil, sectionKind: nil, isEntryLink: false, isImage: false)
    }

    @Test(
        "positions, iteration and reversed order read the runs in turn, empty runs included",
        arguments: [[], [0], [3], [1, 0, 2], [0, 0, 5, 0], [4, 1, 1, 7, 0, 2]])
    func runsReadAsOneList(lengths: [Int]) {
        var next = 0
        let runs = lengths.map { length in
            (0..<length).map { _ in
                next += 1
                return link(next)
            }
        }
        let list = LinkList(runs: runs)
        let lines = Array(1...max(next, 1)).prefix(next)
        #expect(list.count == next)
        #expect(list.indices.map { list[$0].location.line } == Array(lines))
        #expect(list.map(\.location.line) == Array(lines))
        #expect(list.reversed().map(\.url) == lines.reversed().map { "https://example.com/\($0)" })
        #expect(list.enumerated().allSatisfy { $0.offset + 1 == $0.element.location.line })
    }
}
