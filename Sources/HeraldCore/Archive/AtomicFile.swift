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
        try replace(at: url, displayPath: displayPath) { file throws(POSIXError) in try file.write(contents) }
    }

    /// Replaces `url` as ``replace(at:contents:displayPath:)`` does, with the contents `write`
    /// writes as they are made: an export of a 50 MB issue is 200 MB of JSON, which is never
    /// held whole.
    ///
    /// What is replaced is the file itself, wherever `url` leads:
    /// - a symbolic link is followed, and its target replaced (a newsletter kept as links into
    ///   another checkout keeps its links);
    /// - an existing file keeps its permissions; a new one gets `newFilePermissions` (less the
    ///   process's umask), so a file of subscribers' addresses can be made private;
    /// - a device, pipe or socket (`--out /dev/stdout`, `/dev/null`) is written straight into, as
    ///   a shell's redirection would: a rename would put a regular file in its place, which, run
    ///   as root, replaced `/dev/full` itself. Such a write cannot be atomic.
    ///
    /// - Throws: ``HeraldError`` with ``ProblemCode/unreadable`` when the folder or the file
    ///   cannot be written, or `url` is a folder; the temporary file is removed and `url` left as
    ///   it was.
    package static func replace(
        at url: URL, displayPath: String, newFilePermissions: mode_t = 0o666,
        writing write: (WritableFile) throws(POSIXError) -> Void
    ) throws(HeraldError) {
        func failure(_ code: POSIXErrorCode) -> HeraldError {
            HeraldError(
                Problem(
                    .unreadable, file: displayPath,
                    message: "cannot write the file (\(SystemError.description(of: code.rawValue)))"))
        }
        let path = finalTarget(of: url.path)
        var status = stat()
        let exists = lstat(path, &status) == 0
        let kind = status.st_mode & S_IFMT
        if exists && kind == S_IFDIR { throw failure(.EISDIR) }
        if exists && kind != S_IFREG {
            let descriptor = open(path, O_WRONLY | O_CLOEXEC)
            guard descriptor >= 0 else { throw failure(POSIXError.fromErrno.code) }
            defer { close(descriptor) }
            do { try write(WritableFile(descriptor: descriptor)) } catch { throw failure(error.code) }
            return
        }
        let target = URL(fileURLWithPath: path)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        func removingTemporary(_ code: POSIXErrorCode) -> HeraldError {
            unlink(temporary.path)
            return failure(code)
        }
        let permissions = exists ? status.st_mode & 0o7777 : newFilePermissions
        let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
        guard descriptor >= 0 else { throw failure(POSIXError.fromErrno.code) }
        do throws(POSIXError) {
            // The umask narrowed the new file's permissions; an existing file's are kept whole.
            if exists, fchmod(descriptor, permissions) != 0 {
                throw POSIXError.fromErrno
            }
            try write(WritableFile(descriptor: descriptor))
        } catch {
            close(descriptor)
            throw removingTemporary(error.code)
        }
        guard close(descriptor) == 0 else { throw removingTemporary(POSIXError.fromErrno.code) }
        guard rename(temporary.path, path) == 0 else {
            throw removingTemporary(POSIXError.fromErrno.code)
        }
    }

    /// Where `path` leads once its symbolic links are followed, whether or not the file there
    /// exists yet (a link to a file not made yet is followed too). A loop of links, or one
    /// longer than the system follows itself, is left where it stops: the write then fails there.
    private static func finalTarget(of path: String) -> String {
        var path = path
        for _ in 0..<40 {
            var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
            let length = readlink(path, &buffer, buffer.count - 1)
            guard length > 0 else { return path }
            let link = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            path =
                link.hasPrefix("/")
                ? link : URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(link).path
        }
        return path
    }
}
