import Foundation
import HeraldCore
import HeraldSite
import HeraldTestSupport

/// A temporary copy of the example newsletter, with what the example lacks added: a published
/// issue whose title needs escaping, a draft, a standalone page and an image, and a folder to
/// build into beside it. Deleted when the test drops it.
final class SiteFixture {
    /// The copy of the example, with the additions.
    let files: Newsletter
    /// The copy's folder.
    var newsletter: URL { files.folder }
    /// The temporary folder that holds the copy and the output.
    var root: URL { files.temporaryFolder }
    /// Where ``build(drafts:relativeURLs:insights:)`` writes the site: beside the newsletter.
    var output: URL { files.beside("site") }

    static let example = Newsletter.example("this-week-in-quill")

    static let trickyTitle = #"This Week in Quill 45: <Generics> & "Quotes""#

    init() throws {
        files = try Newsletter.exampleWeekly(files: [
            "content/2025-04-02-this-week-in-quill.md": """
            Title: \(SiteFixture.trickyTitle)
            Number: 45
            Date: 2025-04-02
            Category: This Week in Quill

            Welcome to issue 45. See [the about page](/pages/about.html) and [the last issue](../44/).

            ## Upcoming Events

            ### Virtual

            * 2025-04-10 | Virtual (Lisbon, PT) | [Quill Lisboa](https://quill-lisboa.example)
                * [**Parsing, carefully; with commas, semicolons and a very long title that needs folding**](https://quill-lisboa.example/events/7)

            ## Quote of the Week

            > Escaping is a kindness.

            """,
            "draft/2025-04-09-this-week-in-quill.md": """
            Title: This Week in Quill 46
            Number: 46
            Date: 2025-04-09
            Category: This Week in Quill

            A draft in progress.

            ## Updates from the Quill Community

            * [Something new](https://example.org/new)

            """,
            "content/pages/about.md": """
            Title: About
            Date: 2025-01-01

            This Week in Quill is written by volunteers.

            ![The Quill logo](/images/quill.svg)

            """,
            "content/images/quill.svg": #"<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>"#,
        ])
    }

    func write(_ text: String, to path: String) throws {
        try files.write(text, to: path)
    }

    /// Builds the newsletter into ``output``; with `inputs`, the build records them as
    /// `herald build` does.
    @discardableResult
    func build(
        drafts: Bool = false, relativeURLs: Bool = false, insights: Bool? = nil, inputs: InputSnapshot? = nil
    ) throws -> SiteBuilder.Report {
        let folder = try NewsletterFolder(at: newsletter)
        return try SiteBuilder(
            newsletter: folder, options: options(drafts: drafts, relativeURLs: relativeURLs, insights: insights),
            inputs: inputs
        ).build()
    }

    func options(drafts: Bool = false, relativeURLs: Bool = false, insights: Bool? = nil) -> BuildOptions {
        BuildOptions(output: output, includeDrafts: drafts, relativeURLs: relativeURLs, insights: insights)
    }

    /// The newsletter's files as a build finds them. `settled` takes the walk as if made a while
    /// from now, so the files this test has just written count as long written.
    func inputs(settled: Bool = true) throws -> InputSnapshot {
        let configuration = try NewsletterConfiguration.load(fromFolder: newsletter)
        let now = Date().addingTimeInterval(settled ? InputSnapshot.settleTime + 1 : 0)
        return InputSnapshot(of: BuildInputs(root: newsletter, configuration: configuration), takenAt: now)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: output.appendingPathComponent(path).path)
    }

    /// Every regular file of the output, relative path → bytes.
    func snapshot() throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: output, includingPropertiesForKeys: [.isRegularFileKey])
        let base = output.standardizedFileURL.path
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(base.count + 1))] = try Data(contentsOf: url)
        }
        return files
    }

    /// The inode of an output file: the same after a build exactly when the file was carried over.
    func inode(of path: String) throws -> Int {
        let attributes = try FileManager.default.attributesOfItem(atPath: output.appendingPathComponent(path).path)
        return (attributes[.systemFileNumber] as? Int) ?? -1
    }
}
