package import Foundation

/// A file's bytes as a reader that goes through them once gets them: a regular file mapped
/// (``MappedFile``), its pages read as they are reached and let go behind the reader, anything
/// else (a pipe, a terminal, `/dev/stdin`, an empty file) read whole into one array
/// (``ReadableFile``).
package enum FileBytes {
    case mapped(MappedFile)
    case read([UInt8])

    /// The bytes of the file at `path`, opened once: a pipe opened twice would lose to the first
    /// opening what its writer sent.
    /// - Throws: the system's error when it cannot be opened, mapped or read (a folder: `EISDIR`).
    package static func of(path: String) throws(POSIXError) -> FileBytes {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError.fromErrno }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw POSIXError.fromErrno }
        switch status.st_mode & S_IFMT {
        case S_IFDIR:
            throw POSIXError(.EISDIR)
        case S_IFREG where status.st_size > 0:
            // A file system that cannot map its files is read from instead.
            if let file = try? MappedFile(descriptor: descriptor, size: Int(status.st_size)) { return .mapped(file) }
            fallthrough
        default:
            // Also a file that says it is empty, which may not be (`/proc`'s).
            return .read(try ReadableFile.bytes(readingAll: descriptor))
        }
    }
}
