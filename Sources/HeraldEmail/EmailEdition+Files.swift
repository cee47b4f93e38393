public import Foundation
public import HeraldCore

extension EmailEdition {
    /// The edition's files: `NUMBER.html`, `NUMBER.txt`, `NUMBER.eml` (the slug for an
    /// unnumbered issue), each with its contents.
    ///
    /// - Throws: ``HeraldError`` at the issue's `Slug:` line when the slug would make a name
    ///   outside the output folder (see ``ContainedPath``).
    public func files(for issue: IssueFile) throws(HeraldError) -> [(name: ContainedPath, contents: String)] {
        [
            (try issue.fileName(withExtension: "html"), html), (try issue.fileName(withExtension: "txt"), text),
            (try issue.fileName(withExtension: "eml"), message),
        ]
    }

    /// Writes ``files(for:)`` into `folder`, each replaced whole so that a mail tool reading
    /// one never sees half of it; returns their URLs and sizes.
    public func write(into folder: URL, for issue: IssueFile) throws(HeraldError) -> [(url: URL, bytes: Int)] {
        var written: [(url: URL, bytes: Int)] = []
        for (name, contents) in try files(for: issue) {
            let url = name.url(in: folder)
            let data = Data(contents.utf8)
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try data.write(to: url, options: .atomic)
            } catch {
                throw HeraldError(
                    Problem(
                        .unreadable, file: url.relativePath,
                        message: "cannot write the file (\(error.localizedDescription))",
                        fix: "check that the output folder can be written"))
            }
            written.append((url, data.count))
        }
        return written
    }
}
