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
        try replace(at: url, displayPath: displayPath) { file throws(POSIXError) in try file.write([UInt8](contents)) }
    }

    /// Replaces `url` as ``replace(at:contents:displayPath:)`` does, with the contents `write`
    /// writes to the temporary file as they are made: an export of a 50 MB issue is 200 MB of
    /// JSON, which is never held whole.
    ///
    /// - Throws: ``HeraldError`` with ``ProblemCode/unreadable`` when the folder or the file
    ///   cannot be written; the temporary file is removed and `url` left as it was.
    package static func replace(
        at url: URL, displayPath: String, writing write: (WritableFile) throws(POSIXError) -> Void
    ) throws(HeraldError) {
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString).tmp")
        func failure(_ code: POSIXErrorCode) -> HeraldError {
            try? FileManager.default.removeItem(at: temporary)
            return HeraldError(
                Problem(
                    .unreadable, file: displayPath,
                    message: "cannot write the file (\(String(cString: strerror(code.rawValue))))"))
        }
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw failure(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        do {
            try write(WritableFile(descriptor: descriptor))
        } catch {
            close(descriptor)
            throw failure(error.code)
        }
        guard close(descriptor) == 0 else { throw failure(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        guard rename(temporary.path, url.path) == 0 else { throw failure(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }
}
