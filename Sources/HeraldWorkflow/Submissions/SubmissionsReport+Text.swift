import Foundation
import HeraldCore

extension SubmissionsReport {
    /// The report for a terminal: one block per entry, its problems as `file:line:column:` lines.
    public var text: String {
        let count = entries.count
        var text = "\(count) link\(count == 1 ? "" : "s") added to the drafts in \(range)"
        text += " (\(commitCount) commit\(commitCount == 1 ? "" : "s"), \(base.prefix(7))..\(head.prefix(7)))\n"
        let formatter = ProblemFormatter()
        for entry in entries {
            text += "\n\(entry.file):\(entry.line)  \(entry.section)\n"
            let prefixes = entry.prefixes.map { "[\($0)] " }.joined()
            text += "  \(prefixes)\(entry.title) <\(entry.url)>\n"
            let date = Date(timeIntervalSince1970: TimeInterval(entry.blame.time))
            text += "  by \(entry.blame.author) <\(entry.blame.email)>, \(SubmissionsReport.day(date))"
            text += ", \(entry.blame.commit.prefix(7)) \(entry.blame.summary)\n"
            if let featured = entry.featured {
                let issue = featured.number.map { "issue \($0)" } ?? featured.file
                text += "  featured before: \(issue) (\(featured.date ?? "")), \(featured.file):\(featured.line)\n"
            }
            for duplicate in entry.duplicates {
                text += "  same link as \(duplicate.file):\(duplicate.line)\n"
            }
            for problem in entry.problems {
                text += "  \(formatter.format(problem))\n"
            }
            if entry.isClean { text += "  ok\n" }
        }
        return text
    }

    static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}
