import Foundation
import HeraldCore

extension EmailEdition {
    /// The edition's files: `NUMBER.html`, `NUMBER.txt`, `NUMBER.eml` (the slug for an
    /// unnumbered issue), each with its contents.
    public func files(slug: String) -> [(name: String, contents: String)] {
        let base = number.map(String.init) ?? slug
        return [("\(base).html", html), ("\(base).txt", text), ("\(base).eml", message)]
    }

    /// Writes ``files(slug:)`` into `folder`, each replaced whole so that a mail tool reading
    /// one never sees half of it; returns their URLs and sizes.
    public func write(into folder: URL, slug: String) throws(HeraldError) -> [(url: URL, bytes: Int)] {
        var written: [(url: URL, bytes: Int)] = []
        for (name, contents) in files(slug: slug) {
            let url = folder.appendingPathComponent(name)
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
