import Foundation
public import HeraldCore

/// Builds a newsletter's web site: the library behind `herald build`.
///
/// The build runs in named steps, so one issue can be followed from file to page:
/// 1. **read**: the newsletter folder (``NewsletterFolder``), its pages and theme; any error
///    stops the build here with every problem found, before anything is written;
/// 2. **plan**: ``SitePlan`` lists every output file with the key of its inputs (the search
///    index and the insights are made here only when the published issues changed);
/// 3. **write**: ``OutputWriter`` makes what changed on every core, carries the rest over, and
///    commits the new site through a journal (``CommitJournal``).
public struct SiteBuilder: Sendable {
    public let newsletter: NewsletterFolder
    public let options: BuildOptions
    /// The newsletter's files as they were before it was read, when the caller took them: the
    /// build records them (``BuildStamp``) so that the next build with nothing changed can stop
    /// at ``unchangedReport(inputs:options:)``. Without them, any earlier record is removed.
    public let inputs: InputSnapshot?

    public init(newsletter: NewsletterFolder, options: BuildOptions, inputs: InputSnapshot? = nil) {
        self.newsletter = newsletter
        self.options = options
        self.inputs = inputs
    }

    /// What a build did, for the command to report.
    public struct Report: Sendable {
        /// Output paths made in this build, sorted; the rest were carried over unchanged.
        public var written: [String]
        /// How many files were carried over from the previous build.
        public var reused: Int
        /// Issues the site has a page for.
        public var issueCount: Int
        /// Problems that did not stop the build (a skipped file, a stray metadata line).
        public var warnings: [Problem]
    }

    /// The report of the last build into ``BuildOptions/output``, given again, when it was made
    /// with these options from files that are all as `inputs` found them, by this executable,
    /// and every file it wrote is still there; `nil` when the site must be built.
    ///
    /// This is how a rebuild with nothing changed stops after a walk of the folders, before a
    /// single issue is read. It takes the output's lock and finishes an interrupted commit as a
    /// build would; an output that is not safe to write gives `nil`, for the build to report.
    public static func unchangedReport(inputs: InputSnapshot, options: BuildOptions) -> Report? {
        guard let key = BuildStamp.key(of: inputs, options: options),
            let writer = try? OutputWriter(
                output: options.output, displayPath: options.output.relativePath,
                protecting: [inputs.inputs.root.standardizedFileURL] + inputs.inputs.folders,
                outside: inputs.inputs.folders),
            let stamp = writer.unchangedSite(builtFrom: key)
        else { return nil }
        return Report(written: [], reused: stamp.fileCount, issueCount: stamp.issueCount, warnings: stamp.warnings)
    }

    /// Builds the site into ``BuildOptions/output``.
    ///
    /// - Throws: ``HeraldError`` with every problem that stops the build (an unreadable issue,
    ///   bad metadata, a template that does not parse, an unsafe output folder, two issues at
    ///   one address); the previous site is then left as it was.
    public func build() throws(HeraldError) -> Report {
        let configuration = newsletter.configuration
        let errors = newsletter.problems.filter { $0.severity == .error }
        guard errors.isEmpty else { throw HeraldError(errors) }
        let inputs = newsletter.buildInputs
        let writer = try OutputWriter(
            output: options.output, displayPath: options.output.relativePath,
            protecting: [newsletter.root] + inputs.folders, outside: inputs.folders)
        let theme = try Theme(overridesIn: inputs.theme, displayFolder: newsletter.themeDisplayPath)
        let pages = try StandalonePage.load(from: newsletter.url(configuration.paths.pages)) {
            newsletter.displayPath(configuration.paths.pages + "/" + $0)
        }
        let context = SiteContext(
            configuration: configuration, options: options, theme: theme, issues: try siteIssues(),
            pages: pages, staticFolders: staticFolders())
        let plan = try SitePlan(
            context: context, previousSearchIndex: BuiltSearchIndex.read(in: writer.output),
            previousInsights: BuiltInsights.read(in: writer.output))
        let warnings = newsletter.problems.filter { $0.severity != .error }
        // Only a settled snapshot vouches for the files (see ``InputSnapshot/isSettled``); a
        // snapshot that matches a recorded one is settled, since every time in it is old.
        let settled = self.inputs.flatMap { $0.isSettled ? $0 : nil }
        let stamp = settled.flatMap { BuildStamp.key(of: $0, options: options) }.map {
            BuildStamp(key: $0, issueCount: context.issues.count, fileCount: plan.files.count, warnings: warnings)
        }
        // An outsized issue's tree and the search index's making freed many small blocks the
        // writing will not reuse: given back before the pages are made, not held beside them.
        if context.hasOutsizedIssue {
            MemoryReturn.returnFreedPages()
        }
        let summary = try writer.write(plan.files, later: plan.laterFiles, stamp: stamp)
        let report = Report(
            written: summary.written, reused: summary.reused, issueCount: context.issues.count, warnings: warnings)
        // Every issue's model and the search index's parts are millions of small allocations:
        // freed here, the report waited for them (the last 25 ms of a published issue's rebuild
        // in a perf timeline); freed beside it, or not at all when the process ends first.
        BackgroundRelease.release((context, plan))
        return report
    }

    /// The published issues, and the drafts when asked for, oldest first.
    ///
    /// - Throws: ``HeraldError`` with every issue whose address would leave the output folder.
    private func siteIssues() throws(HeraldError) -> [SiteIssue] {
        let pattern = newsletter.configuration.site.articleURL
        let defaultCategory = newsletter.configuration.defaultCategory
        var files = newsletter.issues
            .filter { options.includeDrafts || $0.metadata.status != .draft }
            .map { ($0, false) }
        if options.includeDrafts { files += newsletter.drafts.map { ($0, true) } }
        // Category slugs first, one per name, so each issue is then read on any core.
        let categories = Set(files.compactMap(\.0.metadata.category) + [defaultCategory].compactMap { $0 })
        let categorySlugs = Dictionary(uniqueKeysWithValues: categories.map { ($0, Slug($0).rawValue) })
        let newsletter = newsletter
        let results = files.concurrentMap { file, isDraft -> Result<SiteIssue, HeraldError> in
            Result { () throws(HeraldError) in
                try SiteIssue(
                    parsed: newsletter.parsed(file), isDraft: isDraft, articleURL: pattern,
                    defaultCategory: defaultCategory, slugOfCategory: { categorySlugs[$0] ?? Slug($0).rawValue })
            }
        }
        var issues: [SiteIssue] = []
        var problems: [Problem] = []
        for result in results {
            switch result {
            case .success(let issue): issues.append(issue)
            case .failure(let error): problems += error.problems
            }
        }
        guard problems.isEmpty else { throw HeraldError(problems) }
        return issues.sorted { IssueMetadata.chronologically(($0.metadata, $0.file.path), ($1.metadata, $1.file.path)) }
    }

    /// Folders copied as they are: Pelican's default static path, `images` in the content folder.
    private func staticFolders() -> [(name: String, source: URL)] {
        let images = newsletter.contentURL.appendingPathComponent("images")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: images.path, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            return []
        }
        return [("images", images)]
    }
}
