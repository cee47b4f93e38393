import Foundation

/// An advisory lock (`flock`) on a folder, held by every Herald command that rewrites, moves or
/// removes a file in it, so two commands never interleave their read-compare-write steps.
///
/// The folder is locked rather than the file because a write replaces the file by a rename:
/// a lock on the old file would not stop a second writer that opened the new one.
enum FolderLock {
    /// Runs `body` while holding the exclusive lock on `folder`, waiting for another holder.
    ///
    /// The lock is not re-entrant: `body` must not take the lock on the same folder again.
    static func holding<T>(
        _ folder: URL, displayPath: String, _ body: () throws(HeraldError) -> T
    ) throws(HeraldError) -> T {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY)
        guard descriptor >= 0 else {
            throw HeraldError(
                Problem(
                    .unreadable, file: displayPath,
                    message: "cannot open the folder to lock it (\(SystemError.description(of: errno)))"))
        }
        defer { close(descriptor) }
        while flock(descriptor, LOCK_EX) != 0 {
            guard errno == EINTR else {
                throw HeraldError(
                    Problem(
                        .unreadable, file: displayPath,
                        message: "cannot lock the folder (\(SystemError.description(of: errno)))"))
            }
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}
