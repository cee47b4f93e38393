import Foundation
import HeraldCore
import HeraldTestSupport

/// A small newsletter written into the system's temporary directory for one test: a
/// configuration, one published issue with a featured link and two events, and a draft template.
/// Removed when the test drops it.
struct TestNewsletter {
    let files: Newsletter

    /// The newsletter's folder.
    var root: URL { files.folder }

    static let configuration = """
        [site]
        title = "This Week in Test"
        base_url = "https://twit.example"

        [drafts]
        file_name = "{date}-this-week-in-test.md"

        [sections]
        preset = "this-week-in-rust"
        "Updates from the Community" = "links"

        [check.sections."Project/Tooling Updates"]
        closed = true
        """

    static let template = """
        Title: {{newsletter}} {{number}}
        Number: {{number}}
        Date: {{date}}

        Hello and welcome to issue {{number}}.

        ## Updates from the Community

        ### Official

        ### Observations/Thoughts

        ### Project/Tooling Updates

        ### Miscellaneous

        ## Upcoming Events

        {{events}}

        """

    /// Issue 1, dated 2025-03-26: one featured link, one event before and one after 2025-04-02.
    static let firstIssue = """
        Title: This Week in Test 1
        Number: 1
        Date: 2025-03-26

        Hello and welcome to issue 1.

        ## Updates from the Community

        ### Official
        * [Featured last week](https://featured.example/post)

        ### Observations/Thoughts
        * [Thoughts on tests](https://thoughts.example/tests)

        ## Upcoming Events

        ### Virtual
        * 2025-03-28 | Virtual | [Test Group](https://group.example)
            * [**Past meetup**](https://group.example/past)
        * 2025-04-10 | Virtual | [Test Group](https://group.example)
            * [**Future meetup**](https://group.example/future)

        """

    /// Creates the folder (with `extraConfiguration` appended to `herald.toml`).
    init(extraConfiguration: String = "") throws {
        files = try Newsletter(files: [
            "herald.toml": TestNewsletter.configuration + "\n" + extraConfiguration + "\n",
            "draft/DRAFT_TEMPLATE": TestNewsletter.template,
            "content/2025-03-26-this-week-in-test.md": TestNewsletter.firstIssue,
        ])
    }

    /// Writes `text` at `path` inside the folder.
    func write(_ path: String, _ text: String) throws {
        try files.write(text, to: path)
    }

    /// The text at `path` inside the folder, or `nil` when there is no file.
    func read(_ path: String) -> String? {
        files.text(path)
    }

    /// Whether `path` exists inside the folder.
    func exists(_ path: String) -> Bool {
        files.exists(path)
    }

    /// The folder as Herald loads it now.
    func load() throws -> NewsletterFolder {
        try NewsletterFolder(at: root)
    }

    /// Makes issue 2's draft, dated 2025-04-02, as `herald new` does, and returns its path.
    @discardableResult
    func makeDraft() throws -> String {
        let folder = try load()
        let draft = try folder.nextDraft(on: IssueDate(parsing: "2025-04-02"), today: IssueDate(parsing: "2025-03-27")!)
        try folder.write(draft)
        return draft.relativePath
    }
}
