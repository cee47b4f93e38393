import Foundation

/// A small weekly written into a temporary folder for one end-to-end test: a configuration,
/// one published issue and next week's draft.
struct HardeningWeekly {
    let root: URL
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
        root = FileManager.default.temporaryDirectory.appendingPathComponent("herald-e2e-\(UUID().uuidString)")
        try write("herald.toml", configuration + "\n")
        try write(
            "content/2025-03-26-this-week-in-test.md",
            HardeningWeekly.issue(number: "1", date: "2025-03-26", links: "* [Old](https://old.example/post)\n"))
        try write(HardeningWeekly.draftPath, HardeningWeekly.issue(number: "2", date: "2025-04-02"))
        try write(
            "draft/DRAFT_TEMPLATE",
            "Title: This Week in Test {{number}}\nNumber: {{number}}\nDate: {{date}}\n\nHello.\n\n"
                + "## Updates from the Community\n\n### Observations/Thoughts\n")
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) -> String? {
        FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map {
            String(decoding: $0, as: UTF8.self)
        }
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
