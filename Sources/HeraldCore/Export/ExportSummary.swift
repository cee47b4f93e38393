/// What an export contains, counted: the line `herald export` prints so a maintainer can see at
/// a glance that a run covered the archive.
public struct ExportSummary: Hashable, Sendable, Codable, CustomStringConvertible {
    public var issues: Int
    /// Entries with a URL in link sections (community news).
    public var links: Int
    /// Entries of every events section.
    public var events: Int
    /// Issues that feature a crate of the week.
    public var crates: Int
    /// Files that could not be read and were reported instead.
    public var reportedFiles: Int

    public init(issues: Int = 0, links: Int = 0, events: Int = 0, crates: Int = 0, reportedFiles: Int = 0) {
        self.issues = issues
        self.links = links
        self.events = events
        self.crates = crates
        self.reportedFiles = reportedFiles
    }

    /// Counts the entries of `issues`.
    public init(issues: [Issue], reportedFiles: Int = 0) {
        self.init(issues: issues.count, reportedFiles: reportedFiles)
        for issue in issues {
            for section in issue.allSections {
                links += (section.content.links ?? []).reduce(0) { $0 + $1.entries.filter { $0.url != nil }.count }
                events += (section.content.events ?? []).reduce(0) { $0 + $1.entries.count }
                if section.content.crate != nil { crates += 1 }
            }
        }
    }

    public var description: String {
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        return "exported \(count(issues, "issue")): \(count(links, "link")), \(count(events, "event")), "
            + "\(count(crates, "crate")); \(count(reportedFiles, "file")) reported"
    }
}
