public import Foundation
import HeraldMarkdown

/// A newsletter on disk: its `herald.toml`, its published issues and its drafts, read.
///
/// Loading never stops at a bad issue file: each file that cannot be read becomes a
/// ``Problem`` in ``problems`` and the rest load, because one malformed issue from 2014
/// must not keep an editor from making next week's draft. Only an unreadable folder or an
/// invalid `herald.toml` stops it.
public struct NewsletterFolder: Sendable {
    /// The folder holding `herald.toml`, `content/` and `draft/`.
    public let root: URL
    public let configuration: NewsletterConfiguration
    /// Published issues from the content folder, oldest first.
    public private(set) var issues: [IssueFile] = []
    /// Issues in the drafts folder, oldest first.
    public private(set) var drafts: [IssueFile] = []
    /// Published issues and drafts together, oldest first: sorted once when the folder is read,
    /// where each use sorted them again (the check asks for them once per run, `issue(numbered:)`
    /// on every call).
    public private(set) var allIssues: [IssueFile] = []
    /// Every file skipped or read with a warning, then every number used twice.
    public private(set) var problems: [Problem] = []
    /// The files passed over, one problem each with the reason (a format Herald does not read,
    /// a link it will not follow), so that a verb can say what it left out even when it reports
    /// nothing else about the folder.
    public private(set) var skipped: [Problem] = []
    /// How many files under the content and drafts folders were looked at, issues or not.
    private var filesSeen = 0
    /// The paths inside the content folder of the Markdown files read as issues.
    private var contentPathsRead: Set<String> = []
    /// The `[content] metadata` table's rows, by path inside the content folder.
    private var metadataRows: [String: [String: String]] = [:]

    /// Each file's parse, made on first use and shared by every copy of this value.
    let parses = ParsedIssues()

    /// How paths are shown in problems: relative to the current directory when `root` was
    /// given relatively, so that `file:line` is clickable where the user ran Herald.
    private let displayRoot: String

    /// Loads the newsletter at `root` with the configuration from its `herald.toml`.
    public init(at root: URL) throws(HeraldError) {
        try self.init(at: root, configuration: NewsletterConfiguration.load(fromFolder: root))
    }

    /// Loads the newsletter at `root` with `configuration`.
    public init(at root: URL, configuration: NewsletterConfiguration) throws(HeraldError) {
        self.root = root.standardizedFileURL
        self.configuration = configuration
        self.displayRoot = root.relativePath == "." ? "" : root.relativePath
        try NewsletterFolder.requireFolder(at: root)
        let content = configuration.content
        var table = MetadataTable()
        if let metadata = content.metadata {
            table = try MetadataTable(contentsOf: url(metadata), displayPath: displayPath(metadata))
        }
        let rows = table.rows
        metadataRows = rows
        issues = load(
            folder: configuration.paths.content,
            excluding: [configuration.paths.pages, configuration.paths.drafts, configuration.build.output],
            ignoring: content.exclude, readsMDX: content.names
        ) { content.sources(forContentPath: $0, table: rows) }
        problems += table.unusedRows(given: contentPathsRead)
        drafts = load(folder: configuration.paths.drafts, excluding: [templatePath]) { _ in content.commonSources }
        allIssues = (issues + drafts).sorted(by: NewsletterFolder.chronologically)
        problems += duplicateNumberProblems()
    }

    /// The error that stops a build or a check when not one issue or draft was read, saying where
    /// Herald looked, what it found there, and which key to set; `nil` when something was read.
    ///
    /// An empty site or a clean check of nothing would look like success to a new user whose
    /// issues simply live elsewhere.
    public var nothingRead: Problem? {
        guard issues.isEmpty, drafts.isEmpty else { return nil }
        let paths = configuration.paths
        let folders = [paths.content, paths.drafts].map { "'\(displayPath($0))/'" }.joined(separator: " and ")
        let found =
            filesSeen == 0
            ? "found no files"
            : "found \(filesSeen) file\(filesSeen == 1 ? "" : "s") but read none as an issue (see the problems above)"
        return Problem(
            .noIssues, file: displayPath(NewsletterConfiguration.fileName),
            message: "no issue was read: Herald looked for Markdown files (.md, .markdown) in \(folders) and \(found)",
            fix: "set [paths] content in herald.toml to the folder that holds the issues, "
                + "and [content] patterns to the shape of their file names")
    }

    /// What Herald knows of the file at `path` (as problems name it, or relative to the folder)
    /// besides its header, so that a step reading one file alone (a check, an email) reads it
    /// as the whole folder does.
    public func metadataSources(forFile path: String) -> MetadataSources {
        var relative = path
        for prefix in [displayRoot, root.path] where !prefix.isEmpty && relative.hasPrefix(prefix + "/") {
            relative = String(relative.dropFirst(prefix.count + 1))
        }
        if let inside = NewsletterFolder.path(relative, inside: configuration.paths.content),
            let sources = configuration.content.sources(forContentPath: inside, table: metadataRows)
        {
            return sources
        }
        return configuration.content.commonSources
    }

    /// The content folder's URL.
    public var contentURL: URL { url(configuration.paths.content) }
    /// The drafts folder's URL.
    public var draftsURL: URL { url(configuration.paths.drafts) }
    /// The draft template's path relative to ``root``.
    public var templatePath: String { configuration.drafts.template ?? configuration.paths.drafts + "/DRAFT_TEMPLATE" }
    /// The draft template's URL.
    public var templateURL: URL { url(templatePath) }

    /// The draft the week's work goes into: the oldest, the next to be published. `herald
    /// submit`, `publish`, `gather --into-draft` and the preview all mean this one, so two verbs
    /// never work on different drafts when an editor has started the week after next.
    public var currentDraft: IssueFile? { drafts.first }

    /// The issue or draft with this number.
    public func issue(numbered number: Int) -> IssueFile? {
        allIssues.first { $0.metadata.number == number }
    }

    /// The URL of `relativePath` inside the folder.
    public func url(_ relativePath: String) -> URL {
        root.appendingPathComponent(relativePath)
    }

    /// How `relativePath` (inside the folder) is named in problems and messages.
    public func displayPath(_ relativePath: String) -> String {
        displayRoot.isEmpty ? relativePath : (displayRoot as NSString).appendingPathComponent(relativePath)
    }

    /// Reads the issues under `folder`, leaving out `excluded` paths and files `globs` match;
    /// `sources` gives each Markdown file's metadata sources by its path inside `folder`, or
    /// `nil` when it is not an issue (a warning then says so); `readsMDX` says whether an `.mdx` file
    /// is named as an issue, since an MDX site's other pages are not.
    private mutating func load(
        folder: String, excluding excluded: [String], ignoring globs: [Glob] = [],
        readsMDX: (String) -> Bool = { _ in false }, sources: (String) -> MetadataSources?
    ) -> [IssueFile] {
        let folderURL = url(folder)
        guard FileManager.default.fileExists(atPath: folderURL.path) else { return [] }
        let excludedInside = excluded.compactMap { NewsletterFolder.path($0, inside: folder) }
        let (paths, links) = filePaths(in: folderURL, named: folder)
        problems += links
        skipped += links
        let files =
            paths
            .filter { relative in !excludedInside.contains(where: { relative == $0 || relative.hasPrefix($0 + "/") }) }
            .filter { relative in !globs.contains { $0.matches(relative) } }
            .map { (inside: $0, path: folder + "/" + $0, format: IssueFileFormat(fileName: $0)) }
        filesSeen += files.count + links.count
        var toRead: [(path: String, sources: MetadataSources)] = []
        var unselected: Set<String> = []
        for file in files where file.format.isMarkdown {
            if let found = sources(file.inside), file.format == .markdown || readsMDX(file.inside) {
                toRead.append((file.path, found))
                if folder == configuration.paths.content { contentPathsRead.insert(file.inside) }
            } else {
                unselected.insert(file.path)
            }
        }
        var read = readIssueFiles(toRead).makeIterator()
        var loaded: [IssueFile] = []
        // Problems in path order, as a reader of the report expects.
        for (_, path, format) in files {
            switch format {
            case .mdx where unselected.contains(path):
                skip(
                    path,
                    because: "MDX (Markdown with JSX) is read only where a [content] pattern or include glob names it",
                    fix: "add a [content] pattern or include glob that names it (include = [\"*.mdx\"]) to read it as "
                        + "Markdown, its import/export lines and components left out, or convert it to Markdown (.md)")
            case .markdown where unselected.contains(path):
                skip(
                    path, because: "it fits none of the [content] patterns and include globs",
                    fix: "add a pattern or an include glob that fits it, or exclude it")
            case .markdown, .mdx:
                switch read.next() {
                case .success(let file):
                    problems += file.warnings
                    loaded.append(file)
                case .failure(let error):
                    problems += error.problems
                case nil:
                    continue
                }
            case .unsupported(let format):
                skip(
                    path, because: "\(format) is not a format Herald reads",
                    fix: "convert it to Markdown (.md) to include it")
            case .notAnIssue:
                continue
            }
        }
        return loaded.sorted(by: NewsletterFolder.chronologically)
    }

    /// Reports the file at `path` as passed over, once, among the problems and the skipped files.
    private mutating func skip(_ path: String, because reason: String, fix: String) {
        let problem = Problem(
            .unsupportedFormat, severity: .warning, file: displayPath(path), message: "skipped: \(reason)", fix: fix)
        problems.append(problem)
        skipped.append(problem)
    }

    /// Reads and parses the files on every core: an archive holds hundreds of issues.
    private func readIssueFiles(_ files: [(path: String, sources: MetadataSources)])
        -> [Result<IssueFile, HeraldError>]
    {
        files.concurrentMap { path, sources in
            Result { () throws(HeraldError) in
                try IssueFile(contentsOf: url(path), path: displayPath(path), sources: sources)
            }
        }
    }

    /// Paths of the regular files under `folder`, relative to it, sorted; hidden files skipped.
    ///
    /// A symbolic link is followed when it leads to a regular file inside the newsletter folder
    /// (an issue kept under two names); any other link is reported, never silently left out and
    /// never followed outside, where a pull request could point it at a secret to publish.
    private func filePaths(in folder: URL, named folderName: String) -> (paths: [String], skipped: [Problem]) {
        var paths: [String] = []
        var skipped: [Problem] = []
        for entry in FolderEntry.all(under: folder) {
            let relative = entry.path
            if entry.kind == .regularFile {
                paths.append(relative)
            } else if entry.kind == .symbolicLink {
                if let reason = refusal(ofLink: folder.appendingPathComponent(relative)) {
                    skipped.append(
                        Problem(
                            .unreadable, severity: .warning, file: displayPath(folderName + "/" + relative),
                            message: "skipped: \(reason)",
                            fix: "replace the link with the file itself, or point it at a file inside the newsletter"))
                } else {
                    paths.append(relative)
                }
            }
        }
        return (paths.sorted(), skipped)
    }

    /// Why the symbolic link at `url` is not read as an issue, or `nil` when it leads to a
    /// regular file inside the newsletter folder.
    private func refusal(ofLink url: URL) -> String? {
        guard let target = NewsletterFolder.realPath(url.path) else {
            return "it is a symbolic link that leads nowhere"
        }
        guard let base = NewsletterFolder.realPath(root.path), target.hasPrefix(base.hasSuffix("/") ? base : base + "/")
        else { return "it is a symbolic link to \(target), outside the newsletter folder" }
        var status = stat()
        guard stat(target, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            return "it is a symbolic link to \(target), which is not a file"
        }
        return nil
    }

    private static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// An error on each issue after the first that claims an already used number.
    private func duplicateNumberProblems() -> [Problem] {
        var firstByNumber: [Int: IssueFile] = [:]
        var problems: [Problem] = []
        for file in issues + drafts {
            guard let number = file.metadata.number else { continue }
            guard let first = firstByNumber[number] else {
                firstByNumber[number] = file
                continue
            }
            let key = file.metadata.numberIsFromTitle ? "title" : "number"
            let line = file.metadata.lines[key] ?? 1
            problems.append(
                Problem(
                    .duplicateNumber, file: file.path, location: SourceLocation(line: line, column: 1),
                    message: "issue number \(number) is also used by \(first.path)",
                    fix: file.metadata.numberIsFromTitle
                        ? "the number was read from the title; give one of them a 'number' key in its header "
                            + "(or {number} in [content] patterns)" : "correct one of the numbers"))
        }
        return problems
    }

    /// `path` relative to `folder` when it lies inside it (both relative to the root).
    static func path(_ path: String, inside folder: String) -> String? {
        func components(_ path: String) -> [Substring] {
            path.split(separator: "/").filter { $0 != "." }
        }
        let pathComponents = components(path)
        let folderComponents = components(folder)
        guard pathComponents.count > folderComponents.count,
            Array(pathComponents.prefix(folderComponents.count)) == folderComponents
        else { return nil }
        return pathComponents.dropFirst(folderComponents.count).joined(separator: "/")
    }

    /// ``IssueMetadata/chronologically(_:_:)`` for files.
    package static func chronologically(_ a: IssueFile, _ b: IssueFile) -> Bool {
        IssueMetadata.chronologically((a.metadata, a.path), (b.metadata, b.path))
    }
}
