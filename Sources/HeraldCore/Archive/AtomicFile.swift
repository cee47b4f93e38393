public import Foundation

/// Creates files whole or not at all, and never over an existing one.
///
/// Editors keep drafts and configuration under version control and edit them by hand, so a
/// Herald command must neither leave a truncated file behind nor clobber their work.
public enum AtomicFile {
    /// Writes `contents` to a temporary file in `url`'s folder, then moves it to `url`.
    ///
    /// - Throws: ``HeraldError`` with ``ProblemCode/fileExists`` when `url` exists, or
    ///   ``ProblemCode/unreadable`` when the folder cannot be written.
    static func create(at url: URL, contents: Data, displayPath: String) throws(HeraldError) {
        let manager = FileManager.default
        let exists = HeraldError(
            Problem(
                .fileExists, file: displayPath, message: "the file already exists; Herald does not overwrite it",
                fix: "move or delete it first"))
        if manager.fileExists(atPath: url.path) { throw exists }
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try manager.createDirectory(at: folder, withIntermediateDirectories: true)
            try contents.write(to: temporary)
        } catch {
            try? manager.removeItem(at: temporary)
            throw HeraldError(
                Problem(
                    .unreadable, file: displayPath, message: "cannot write the file (\(error.localizedDescription))"))
        }
        do {
            // Unlike rename(2), moveItem refuses an existing destination.
            try manager.moveItem(at: temporary, to: url)
        } catch {
            try? manager.removeItem(at: temporary)
            if manager.fileExists(atPath: url.path) { throw exists }
            throw HeraldError(
                Problem(
                    .unreadable, file: displayPath, message: "cannot write the file (\(error.localizedDescription))"))
        }
    }

    /// Writes `contents` to a temporary file in `url`'s folder, then renames it over `url`, so a
    /// reader sees the old file or the new one, never a part: how `--fix` rewrites an issue.
    ///
    /// - Throws: ``HeraldError`` with ``ProblemCode/unreadable`` when the folder cannot be written.
    public static func replace(at url: URL, contents: Data, displayPath: String) throws(HeraldError) {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        do {
            try contents.write(to: temporary)
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(
                    .fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw HeraldError(
                Problem(
                    .unreadable, file: displayPath, message: "cannot write the file (\(error.localizedDescription))"))
        }
    }
}
