import Foundation
import HeraldCore

extension SubmissionsReport {
    /// The report as JSON, for bots and dashboards: `{"range", "base", "head", "commits", "entries": [...]}`,
    /// each entry with its author, commit, `featured`, `duplicates` and `problems` (as `herald check --format json` writes them).
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(Document(self))) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private struct Document: Encodable {
        var range: String
        var base: String
        var head: String
        var commits: Int
        var entries: [Entry]

        init(_ report: SubmissionsReport) {
            range = report.range
            base = report.base
            head = report.head
            commits = report.commitCount
            entries = report.entries.map(Entry.init)
        }
    }

    private struct Entry: Encodable {
        var file: String
        var line: Int
        var section: String
        var title: String
        var url: String
        var prefixes: [String]
        var author: String
        var email: String
        var commit: String
        var date: String
        var summary: String
        var featured: SubmittedEntry.Place?
        var duplicates: [SubmittedEntry.Place]
        var problems: [Problem]

        init(_ entry: SubmittedEntry) {
            file = entry.file
            line = entry.line
            section = entry.section
            title = entry.title
            url = entry.url
            prefixes = entry.prefixes
            author = entry.blame.author
            email = entry.blame.email
            commit = entry.blame.commit
            date = SubmissionsReport.day(Date(timeIntervalSince1970: TimeInterval(entry.blame.time)))
            summary = entry.blame.summary
            featured = entry.featured
            duplicates = entry.duplicates
            problems = entry.problems
        }

        func encode(to encoder: any Encoder) throws {
            enum Key: String, CodingKey {
                case file, line, section, title, url, prefixes, author, email, commit, date, summary, featured
                case duplicates, problems
            }
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(file, forKey: .file)
            try container.encode(line, forKey: .line)
            try container.encode(section, forKey: .section)
            try container.encode(title, forKey: .title)
            try container.encode(url, forKey: .url)
            try container.encode(prefixes, forKey: .prefixes)
            try container.encode(author, forKey: .author)
            try container.encode(email, forKey: .email)
            try container.encode(commit, forKey: .commit)
            try container.encode(date, forKey: .date)
            try container.encode(summary, forKey: .summary)
            // `null` rather than absent, so consumers can test for it.
            try container.encode(featured, forKey: .featured)
            try container.encode(duplicates, forKey: .duplicates)
            try container.encode(problems, forKey: .problems)
        }
    }
}
