public import Foundation

/// An issue kept as a page bundle, `newsletter/007/index.md` in a folder of its own with its
/// images (Zola's and Hugo's layout). The other files belong to the issue: they go beside its
/// page on the site, and move with it when `herald publish` moves the draft into the content
/// folder, so its relative links (`![chart](chart.png)`) keep working.
public struct PageBundle: Hashable, Sendable {
    /// The folder holding the issue file and its files.
    public let folder: URL
    /// The bundle's files besides the issue, relative to ``folder``, sorted: neither Markdown nor
    /// other document formats, and no hidden files.
    public let files: [String]

    /// The bundle of the issue file at `file`, or `nil` when it is not one. The file must be
    /// named `index` and be alone in its folder (no other Markdown file there or below), so an
    /// `index.md` among other issues never claims their folder.
    public init?(issueFile file: URL) {
        guard PageBundle.isNamedIndex(file.path) else { return nil }
        let folder = file.deletingLastPathComponent()
        let contents = FileManager.default.regularFiles(under: folder)
        let isAlone = !contents.contains {
            $0 != file.lastPathComponent && IssueFileFormat(fileName: $0).isMarkdown
        }
        guard isAlone else { return nil }
        self.folder = folder
        files = contents.filter { IssueFileFormat(fileName: $0) == .notAnIssue }
    }

    /// Whether the file at `path` is named `index` (with any one extension, in any case), as a
    /// bundle's issue is. A test on the text alone: the build asks it of every issue, and making
    /// a `URL` of each path cost more than the rest of planning.
    public static func isNamedIndex(_ path: String) -> Bool {
        let name = path.split(separator: "/").last ?? ""
        let stem = name.lastIndex(of: ".").map { name[..<$0] } ?? name
        return stem.lowercased() == "index"
    }
}
