import Foundation
import HeraldTestSupport

/// A small weekly written into a temporary folder for one end-to-end test: a configuration,
/// one published issue and next week's draft. Removed when the test drops it.
struct HardeningWeekly {
    let files: Newsletter

    /// The weekly's folder.
    var root: URL { files.folder }
    static let draftPath = "draft/2025-04-02-this-week-in-test.md"

    static let configuration = """
        [site]
        title = "This Week in Test"
        base_url = "https://twit.example"

        [drafts]
        file_name = "{date}-this-week-in-test.md"

        [sections]
        "Updates from the Community" = "links"
        """

    static func issue(number: String, date: String, title: String? = nil, links: String = "") -> String {
        """
        Title: \(title ?? "This Week in Test \(number)")
        Number: \(number)
        Date: \(date)

        Hello.

        ## Updates from the Community

        ### Observations/Thoughts
        \(links)
        """
    }

    init(configuration: String = HardeningWeekly.configuration) throws {
        files = try Newsletter(files: [
            "herald.toml": configuration + "\n",
            "content/2025-03-26-this-week-in-test.md": HardeningWeekly.issue(
                number: "1", date: "2025-03-26", links: "* [Old](https://old.example/post)\n"),
            HardeningWeekly.draftPath: HardeningWeekly.issue(number: "2", date: "2025-04-02"),
            "draft/DRAFT_TEMPLATE":
                "Title: This Week in Test {{number}}\nNumber: {{number}}\nDate: {{date}}\n\nHello.\n\n"
                + "## Updates from the Community\n\n### Observations/Thoughts\n",
        ])
    }

    func write(_ path: String, _ text: String) throws {
        try files.write(text, to: path)
    }

    func read(_ path: String) -> String? {
        files.text(path)
    }
}
