/// A crate as the archive knows it: the weeks it was Crate of the Week and every issue that
/// links to it.
public struct CrateInsight: Hashable, Sendable, Codable {
    /// The name as first featured (`primitive_fixed_point_decimal`).
    public var name: String
    /// The name as addresses use it: lower case, `-` for `_`.
    public var slug: String
    public var features: [Feature]
    /// Every issue that links to the crate, oldest first, featuring ones included.
    public var mentions: [IssueReference]

    /// One week the crate was Crate of the Week.
    public struct Feature: Hashable, Sendable, Codable {
        public var issue: IssueReference
        public var url: String?
        public var description: String?
        public var suggestedBy: Person?
    }

    /// Mentions per year from the first year the archive has to the last, zeros included, so a
    /// sparkline's points are evenly spaced years.
    public func mentionsPerYear(from first: Int, to last: Int) -> [(year: Int, count: Int)] {
        guard first <= last else { return [] }
        var counts: [Int: Int] = [:]
        for mention in mentions { counts[mention.date.year, default: 0] += 1 }
        return (first...last).map { ($0, counts[$0] ?? 0) }
    }
}
