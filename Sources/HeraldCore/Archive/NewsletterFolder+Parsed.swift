import Foundation

extension NewsletterFolder {
    /// `file` parsed and read with this newsletter's section names, once however many steps of
    /// the run ask: the site's pages, its search index and insights, the calendar and the linter
    /// share it.
    public func parsed(_ file: IssueFile) -> ParsedIssue {
        parses.parsed(file, catalog: configuration.sections)
    }

    /// The readings of `files`, in their order, read on every core.
    public func readings(of files: [IssueFile]) -> [IssueReading] {
        files.concurrentMap { parsed($0).reading }
    }
}

/// The parses of one newsletter's files, by path: a class so that every copy of a
/// ``NewsletterFolder`` shares them.
final class ParsedIssues: @unchecked Sendable {
    private let lock = NSLock()
    private var byPath: [String: ParsedIssue] = [:]

    func parsed(_ file: IssueFile, catalog: SectionCatalog) -> ParsedIssue {
        lock.withLock {
            if let parsed = byPath[file.path], parsed.file == file { return parsed }
            let parsed = ParsedIssue(file, catalog: catalog)
            byPath[file.path] = parsed
            return parsed
        }
    }
}
