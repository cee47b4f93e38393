public import Foundation

/// A new newsletter folder for `herald init`: `herald.toml`, `content/`, a draft template and
/// the first draft, ready for `herald new` and every other verb at once.
///
/// The template uses Herald's own `{{variables}}` and section names of its own choosing, mapped
/// to section kinds in `herald.toml`'s `[sections]`, so a new newsletter starts from an example
/// of each customisation rather than from This Week in Rust's particulars.
public struct NewsletterScaffold: Hashable, Sendable {
    public var title: String
    public var baseURL: String
    public var weekday: Weekday

    public init(title: String, baseURL: String = "https://example.org", weekday: Weekday = .wednesday) {
        self.title = title
        self.baseURL = baseURL
        self.weekday = weekday
    }

    /// Creates the folder at `url` and the first draft in it.
    ///
    /// - Parameter firstIssueDate: the first issue's date; by default the configured weekday at
    ///   least four days after `today`.
    /// - Returns: the paths created, as they should be shown to the user.
    /// - Throws: ``HeraldError`` when `url` is a non-empty folder or a file, or cannot be written.
    @discardableResult
    public func create(at url: URL, firstIssueDate: IssueDate? = nil, today: IssueDate) throws(HeraldError) -> [String]
    {
        let display = url.relativePath
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: url.path, isDirectory: &isDirectory) {
            let contents = (try? manager.contentsOfDirectory(atPath: url.path)) ?? []
            guard isDirectory.boolValue, contents.isEmpty else {
                throw HeraldError(
                    Problem(
                        .fileExists, file: display,
                        message: "there is already \(isDirectory.boolValue ? "a non-empty folder" : "a file") here",
                        fix: "choose a new folder name; Herald creates the folder"))
            }
        }
        let configuration = try NewsletterConfiguration(toml: configurationText, file: NewsletterConfiguration.fileName)
        func path(_ relative: String) -> String { (display as NSString).appendingPathComponent(relative) }
        let files: [(String, String)] = [
            (NewsletterConfiguration.fileName, configurationText),
            (configuration.paths.content + "/.gitkeep", ""),
            (configuration.paths.drafts + "/DRAFT_TEMPLATE", NewsletterScaffold.template),
        ]
        for (relative, text) in files {
            try AtomicFile.create(
                at: url.appendingPathComponent(relative), contents: Data(text.utf8), displayPath: path(relative))
        }
        let folder = try NewsletterFolder(at: url, configuration: configuration)
        let draft = try folder.nextDraft(on: firstIssueDate, today: today)
        try folder.write(draft)
        return [NewsletterConfiguration.fileName, configuration.paths.drafts + "/DRAFT_TEMPLATE", draft.relativePath]
            .map(path)
    }

    /// The `herald.toml` of the new folder.
    public var configurationText: String {
        """
        # Herald configuration. Every key is optional; an absent key takes This Week in Rust's
        # value. docs/configuration.md lists them all.

        [site]
        title = \(tomlString(title))
        base_url = \(tomlString(baseURL))
        author = \(tomlString(title + " editors"))
        time_zone = "UTC"
        article_url = "issues/{number}/"

        [schedule]
        weekday = "\(weekday.name)"

        [drafts]
        file_name = "{date}-{slug}.md"

        [events]
        window_weeks = 4

        # Section headings this newsletter uses, mapped to the kind of section they are; any
        # other heading is read as text. (preset = "this-week-in-rust" adds TWiR's own names.)
        [sections]
        "Community Updates" = "links"
        "Articles" = "links"
        "Videos and Podcasts" = "links"
        "Project of the Week" = "crate-of-the-week"
        "Call for Participation" = "cfp-projects"
        "Upcoming Events" = "events"
        "Jobs" = "jobs"
        "Quote of the Week" = "quote-of-the-week"
        "Editors" = "editors"

        """
    }

    /// The draft template of the new folder.
    public static let template = """
        Title: {{newsletter}} {{number}}
        Number: {{number}}
        Date: {{date}}
        Category: {{newsletter}}

        Welcome to issue {{number}} of *{{newsletter}}*, the weekly round-up of what our community made,
        wrote and has planned.

        ## Community Updates

        <!-- One link per line: * [Title](https://example.org/post)
             Mark videos and podcasts: * [video] [Title](https://example.org/talk) -->

        ### Articles

        ### Videos and Podcasts

        ## Project of the Week

        <!-- [name](https://example.org/project): what it does, in one line.
             Thanks to [who](https://example.org/who) for the suggestion! -->

        ## Call for Participation

        <!-- * [project - task](https://example.org/issue) -->

        ## Upcoming Events

        Events from {{date}} to {{events_end_date}}:

        {{events}}

        ## Jobs

        <!-- * [Company: role](https://example.org/job) -->

        ## Quote of the Week

        <!-- > The quote.

             – [author](https://example.org/source), thanks to [who](https://example.org/who) for the suggestion -->

        ## Editors

        <!-- * [name](https://example.org/name) -->

        """

    private func tomlString(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
