import Foundation
import HeraldCore

/// Replaces a draft's text on disk whole or not at all, and only if nobody changed it meanwhile.
///
/// An editor may save the draft while Herald fetches a page; writing over that save would lose
/// their work silently, so the file is compared with the text Herald read before it is replaced.
enum DraftFile {
    /// Writes `text` to a temporary file beside `url` and renames it over `url`.
    ///
    /// - Throws: ``WorkflowFailure`` naming `displayPath` when the file changed since `expected`
    ///   was read, or cannot be written.
    static func replace(at url: URL, expecting expected: String, with text: String, displayPath: String)
        throws(WorkflowFailure)
    {
        let current = FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
        guard let current, current == expected || current == "\u{FEFF}" + expected else {
            throw WorkflowFailure(
                .unusable,
                Problem(
                    .unreadable, file: displayPath, message: "the draft changed while Herald was working on it",
                    fix: "run the command again"))
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            let byteOrderMark = current.hasPrefix("\u{FEFF}") ? "\u{FEFF}" : ""
            try Data((byteOrderMark + text).utf8).write(to: temporary)
            if let permissions = try FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] {
                try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw WorkflowFailure(
                .unusable,
                Problem(.unreadable, file: displayPath, message: "cannot write the draft (\(error.localizedDescription))"))
        }
        guard rename(temporary.path, url.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw WorkflowFailure(
                .refused, Problem(.unreadable, file: displayPath, message: "cannot replace the draft (\(reason))"))
        }
    }

    /// Creates `url` with `text`; refuses an existing file.
    static func create(at url: URL, text: String, displayPath: String) throws(WorkflowFailure) {
        let manager = FileManager.default
        guard !manager.fileExists(atPath: url.path) else {
            throw WorkflowFailure(
                .unusable,
                Problem(
                    .fileExists, file: displayPath, message: "the file already exists; Herald does not overwrite it",
                    fix: "move or delete it first"))
        }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(
            ".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: temporary)
            try manager.moveItem(at: temporary, to: url)
        } catch {
            try? manager.removeItem(at: temporary)
            throw WorkflowFailure(
                .unusable,
                Problem(.unreadable, file: displayPath, message: "cannot write the file (\(error.localizedDescription))"))
        }
    }
}
