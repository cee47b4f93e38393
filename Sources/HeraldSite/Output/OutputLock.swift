import Foundation
import HeraldCore

/// An exclusive `flock(2)` on the output's parent folder, held while one build writes the output.
///
/// Two builds of one output (`herald build` while `herald serve` rebuilds) take turns, and a build
/// holding the lock knows that any staging folder beside the output belongs to a build that died,
/// so it may replay that build's journal and delete its leftovers. The folder itself is locked,
/// rather than a lock file, so nothing is left beside `_site` in the user's repository.
final class OutputLock: Sendable {
    private let descriptor: Int32

    /// Waits for the lock on `folder`.
    init(on folder: URL, displayPath: String) throws(HeraldError) {
        let descriptor = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw HeraldError(
                Problem(
                    .cannotWriteSite, file: displayPath,
                    message: "cannot open \(folder.path) to lock it (\(SystemError.description(of: errno)))",
                    fix: "check that the output's parent folder can be read"))
        }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        self.descriptor = descriptor
    }

    deinit {
        close(descriptor)
    }
}
