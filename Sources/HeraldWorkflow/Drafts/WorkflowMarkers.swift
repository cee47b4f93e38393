import Foundation
public import HeraldCore

/// The editorial comments a draft carries between weeks: `<!-- cut -->` closes a list for this
/// issue, `<!-- next issue -->` holds one entry back.
///
/// Editors cut an issue a day or two before it goes out, but pull requests keep arriving; the
/// markers let them say in the file itself what waits for next week, so nobody has to remember
/// to move it after publishing.
public struct WorkflowMarkers: Hashable, Sendable {
    /// The cut comment's text, without `<!--` and `-->`.
    public var cut: String
    /// The next-issue comment's text.
    public var nextIssue: String

    public init(cut: String = "cut", nextIssue: String = "next issue") {
        self.cut = cut
        self.nextIssue = nextIssue
    }

    /// The markers `[workflow]` configures.
    public init(_ configuration: NewsletterConfiguration.Workflow) {
        self.init(cut: configuration.cutMarker, nextIssue: configuration.nextIssueMarker)
    }

    /// Whether `line` is the cut comment alone (spacing and case aside).
    public func isCut(_ line: some StringProtocol) -> Bool {
        guard let text = WorkflowMarkers.commentText(line.trimmingWhitespace) else { return false }
        return WorkflowMarkers.same(text, cut)
    }

    /// Whether `line` holds the next-issue comment anywhere.
    public func marksNextIssue(_ line: some StringProtocol) -> Bool {
        nextIssueRange(in: String(line)) != nil
    }

    /// `line` without the next-issue comment and the spaces before it.
    public func removingNextIssueMarker(from line: some StringProtocol) -> String {
        var line = String(line)
        while let range = nextIssueRange(in: line) {
            var start = range.lowerBound
            while start > line.startIndex, line[line.index(before: start)] == " " { start = line.index(before: start) }
            line.removeSubrange(start..<range.upperBound)
        }
        return line
    }

    private func nextIssueRange(in line: String) -> Range<String.Index>? {
        var searchStart = line.startIndex
        while let open = line.range(of: "<!--", range: searchStart..<line.endIndex) {
            guard let close = line.range(of: "-->", range: open.upperBound..<line.endIndex) else { return nil }
            if WorkflowMarkers.same(String(line[open.upperBound..<close.lowerBound]), nextIssue) {
                return open.lowerBound..<close.upperBound
            }
            searchStart = close.upperBound
        }
        return nil
    }

    private static func commentText(_ text: some StringProtocol) -> String? {
        guard text.hasPrefix("<!--"), text.hasSuffix("-->"), text.count >= 7 else { return nil }
        return String(text.dropFirst(4).dropLast(3))
    }

    private static func same(_ text: String, _ marker: String) -> Bool {
        text.trimmingWhitespace.equalsIgnoringCase(marker.trimmingWhitespace)
    }
}
