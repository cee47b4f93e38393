import Foundation
import HeraldCore
import HeraldSite

/// A temporary copy of the example newsletter, with what the example lacks added: a published
/// issue whose title needs escaping, a draft, a standalone page and an image, and a folder to
/// build into. Deleted when the test drops it.
final class SiteFixture {
    let root: URL
    let newsletter: URL
    let output: URL

    /// The package root: this file is `Tests/HeraldSiteTests/SiteFixture.swift`.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let example = packageRoot.appendingPathComponent("Examples/this-week-in-quill")

    static let trickyTitle = #"This Week in Quill 45: <Generics> & "Quotes""#

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("herald-site-tests-\(UUID().uuidString)")
        newsletter = root.appendingPathComponent("quill")
        output = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: SiteFixture.example, to: newsletter)
        try write(
            """
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

            """, to: "content/2025-04-02-this-week-in-quill.md")
        try write(
            """
            Title: This Week in Quill 46
            Number: 46
            Date: 2025-04-09
            Category: This Week in Quill

            A draft in progress.

            ## Updates from the Quill Community

            * [Something new](https://example.org/new)

            """, to: "draft/2025-04-09-this-week-in-quill.md")
        try write(
            """
            Title: About
            Date: 2025-01-01

            This Week in Quill is written by volunteers.

            ![The Quill logo](/images/quill.svg)

            """, to: "content/pages/about.md")
        try write(#"<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>"#, to: "content/images/quill.svg")
    }

    func write(_ text: String, to path: String) throws {
        let file = newsletter.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
    }

    /// Builds the newsletter into ``output``.
    @discardableResult
    func build(drafts: Bool = false, relativeURLs: Bool = false, insights: Bool? = nil) throws -> SiteBuilder.Report {
        let folder = try NewsletterFolder(at: newsletter)
        let options = BuildOptions(
            output: output, includeDrafts: drafts, relativeURLs: relativeURLs, insights: insights)
        return try SiteBuilder(newsletter: folder, options: options).build()
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

    deinit {
        try? FileManager.default.removeItem(at: root)
    }
}
