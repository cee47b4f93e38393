import Foundation
public import HeraldCore

/// `herald check`'s engine: reads each file once, runs every rule on it (files in parallel),
/// and applies the configuration (rules off, other severities, `herald-ignore` comments).
///
/// The archive is the linter's memory: every issue of the folder is indexed for
/// `duplicate-link`, and issue numbers for `metadata`.
public struct Linter: Sendable {
    public let folder: NewsletterFolder

    public init(folder: NewsletterFolder) {
        self.folder = folder
    }

    /// Every link the archive has featured; reads the whole archive, so keep the value.
    public var index: ArchiveLinkIndex { ArchiveLinkIndex(folder: folder) }

    /// One file's content to check, named as the user should see it.
    public struct Source: Sendable {
        public var path: String
        /// The file's bytes: a text's when the content came as text (valid UTF-8, not checked
        /// again, and not copied), or as read.
        public var bytes: FileBytes
        /// The file as the folder read it, header and all, when it is that file under the same
        /// name: its header is not read again.
        var issueFile: IssueFile?

        public init(path: String, bytes: [UInt8]) {
            self.path = path
            self.bytes = FileBytes(bytes)
        }

        /// Content already read as text: its bytes are UTF-8.
        public init(path: String, text: String) {
            self.path = path
            self.bytes = FileBytes(text: text)
        }
    }

    /// Checks files on disk; a file that cannot be read is reported in ``CheckReport/problems``.
    ///
    /// A file the folder has read already (an issue or a draft) is not read again: its text is
    /// taken when the file's size shows that it is every byte (no byte-order mark was dropped).
    public func check(paths: [String], options: CheckOptions = CheckOptions()) -> CheckReport {
        let archive = archiveFiles()
        var read: [String: IssueFile] = [:]
        for entry in archive { read[entry.absolutePath] = entry.file }
        var sources: [Source] = []
        var problems: [Problem] = []
        for path in paths {
            if let file = read[CheckedFile.absolutePath(of: path)], Linter.size(ofFile: path) == file.text.utf8.count {
                var source = Source(path: path, text: file.text)
                if file.path == path { source.issueFile = file }
                sources.append(source)
            } else if let bytes = readBytes(path) {
                sources.append(Source(path: path, bytes: bytes))
            } else {
                problems.append(Problem(.unreadable, file: path, message: "cannot read the file"))
            }
        }
        var report = check(sources, archive: archive, options: options)
        report.problems = problems + report.problems
        return report
    }

    /// The folder's issues and drafts, oldest first, each with its path made absolute: the one
    /// list a check matches its files against (to read them, for issue numbers, for the links).
    private func archiveFiles() -> [(file: IssueFile, absolutePath: String)] {
        folder.allIssues.map { ($0, CheckedFile.absolutePath(of: $0.path)) }
    }

    func readBytes(_ path: String) -> [UInt8]? {
        (try? Data(contentsOf: URL(fileURLWithPath: path))).map(Array.init)
    }

    /// The size in bytes of the regular file at `path`, or `nil`.
    private static func size(ofFile path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// Checks issue files already read, such as a folder's drafts.
    public func check(files: [IssueFile], options: CheckOptions = CheckOptions()) -> CheckReport {
        check(files.map { Source(path: $0.path, text: $0.text) }, options: options)
    }

    /// Checks file contents.
    public func check(_ sources: [Source], options: CheckOptions = CheckOptions()) -> CheckReport {
        check(sources, archive: archiveFiles(), options: options)
    }

    private func check(
        _ sources: [Source], archive: [(file: IssueFile, absolutePath: String)], options: CheckOptions
    ) -> CheckReport {
        let context = CheckContext(configuration: folder.configuration, options: options)
        let (settings, problems) = ruleSettings()
        let numbers = Linter.issueNumbers(in: archive)
        let window = options.duplicateWindow.map { $0 == 0 ? nil : $0 } ?? folder.configuration.check.duplicateWindow
        let catalog = folder.configuration.sections
        // Each file is checked on its core as soon as it is parsed; only `duplicate-link`'s look
        // into the archive waits for every file's featured links.
        let checks = sources.concurrentMap {
            FileCheck(
                CheckedFile(
                    path: $0.path, contents: $0.bytes, issueFile: $0.issueFile, catalog: catalog,
                    sources: folder.metadataSources(forFile: $0.path)),
                context: context, numbers: numbers)
        }
        let (index, places) = archiveIndex(of: archive, reusing: checks)
        let results = Array(checks.indices).concurrentMap {
            checks[$0].findings(index: index, place: places[$0], window: window, settings: settings)
        }
        // One file's findings are taken as they are: joined, they would be held twice.
        let findings = results.count == 1 ? results[0] : results.concurrentJoined()
        // The checks, the index and the files' own lists are freed beside the report's writing.
        BackgroundRelease.release((checks, index, consume results))
        var report = CheckReport(findings: findings, problems: problems, files: sources.map(\.path))
        report.checkedBytes = Dictionary(sources.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        return report
    }

    /// The archive's featured links, reading only the issues not among `checks` (whose links
    /// were taken when they were checked): checking the whole archive parses each file once.
    /// Also each check's place in the archive, if it has one.
    private func archiveIndex(
        of archive: [(file: IssueFile, absolutePath: String)], reusing checks: [FileCheck]
    ) -> (ArchiveLinkIndex, [ArchiveLinkIndex.Place?]) {
        let orderByFile = ArchiveLinkIndex.order(of: archive.map(\.absolutePath))
        // Which check's links each issue's are (the last, should a file be checked twice).
        var owners = [Int?](repeating: nil, count: archive.count)
        for (number, check) in checks.enumerated() {
            if check.links != nil, let order = orderByFile[check.absolutePath] { owners[order] = number }
        }
        let links = Array(archive.indices).concurrentMap { order in
            owners[order].flatMap { checks[$0].links }
                ?? ArchiveLinkIndex.IssueLinks(issue: folder.parsed(archive[order].file).issue)
        }
        let places = checks.enumerated().map { number, check in
            orderByFile[check.absolutePath].map {
                ArchiveLinkIndex.Place(order: $0, holdsFileLinks: owners[$0] == number)
            }
        }
        return (
            ArchiveLinkIndex(issues: zip(archive, links).map { ($0.file.path, $1) }),
            places
        )
    }

    /// Which files of the archive have each issue number.
    private static func issueNumbers(in archive: [(file: IssueFile, absolutePath: String)]) -> [Int: [String]] {
        var numbers: [Int: [String]] = [:]
        for entry in archive {
            guard let number = entry.file.metadata.number else { continue }
            numbers[number, default: []].append(entry.absolutePath)
        }
        return numbers
    }

    /// `[check.rules]` as a lookup, and a problem for each id that names no rule.
    func ruleSettings() -> ([String: NewsletterConfiguration.RuleSetting.Level], [Problem]) {
        var levels: [String: NewsletterConfiguration.RuleSetting.Level] = [:]
        var problems: [Problem] = []
        for setting in folder.configuration.check.rules {
            guard CheckRule.rule(withID: setting.rule) != nil else {
                let ids = CheckRule.all.map(\.id.rawValue)
                let fix = Suggestion.closest(to: setting.rule, among: ids).map { "did you mean '\($0)'?" }
                problems.append(
                    Problem(
                        .unknownRule, file: folder.displayPath(NewsletterConfiguration.fileName),
                        location: setting.location, message: "[check.rules] names no rule '\(setting.rule)'",
                        fix: fix ?? "rules: " + ids.joined(separator: ", ")))
                continue
            }
            levels[setting.rule] = setting.level
        }
        return (levels, problems)
    }

    static func applying(
        _ settings: [String: NewsletterConfiguration.RuleSetting.Level], to finding: Finding
    ) -> Finding? {
        guard let level = settings[finding.rule.rawValue] else { return finding }
        var finding = finding
        switch level {
        case .off: return nil
        case .warning: finding.problem.severity = .warning
        case .error: finding.problem.severity = .error
        }
        return finding
    }
}
