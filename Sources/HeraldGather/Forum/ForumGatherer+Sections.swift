import Foundation
import HeraldCore

extension ForumGatherer.Result {
    /// The comment that opens every nominations list, so that `--into-draft` finds and
    /// replaces the list it wrote before.
    static let marker = "<!-- herald gather forum:"

    /// One list per topic, inside an HTML comment: the draft stays publishable until the
    /// editor moves the pick out of it.
    public var sections: [GatheredSection] {
        topics.map { topic, nominations in
            let order = topic.isVote ? ", most liked first" : ""
            var lines = ["\(Self.marker) \(topic.name) posts since \(since)\(order)"]
            if nominations.isEmpty { lines.append("no new posts") }
            for nomination in nominations {
                var line = "* "
                if topic.isVote { line += "\(nomination.likes) \(nomination.likes == 1 ? "like" : "likes"), " }
                line += "[\(nomination.author)](\(nomination.url)) on \(nomination.date): "
                line += nomination.quote.map { "“\($0)”" } ?? nomination.excerpt
                if !nomination.links.isEmpty { line += " " + nomination.links.map { "<\($0)>" }.joined(separator: " ") }
                lines.append(Self.safeInComment(line))
            }
            lines.append("-->")
            return GatheredSection(kind: topic.section, blocks: [.lines(lines)])
        }
    }

    /// Text that cannot close the comment early.
    private static func safeInComment(_ text: String) -> String {
        text.replacingOccurrences(of: "--", with: "‐‐")
    }
}
