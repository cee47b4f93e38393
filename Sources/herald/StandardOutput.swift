import Foundation
import HeraldCore

/// Where commands write their result when it has no file of its own: a failure to write (a full
/// disk, a pipe closed early) is a problem of its own, said as one, never a half-written result
/// reported as success.
enum StandardOutput {
    /// Hands `write` standard output.
    ///
    /// - Throws: ``HeraldError`` naming the system's reason when a write fails.
    static func write(_ write: (WritableFile) throws(POSIXError) -> Void) throws(HeraldError) {
        do {
            try write(.standardOutput)
        } catch {
            throw HeraldError(
                Problem(
                    .unreadable, file: "-",
                    message: "cannot write to standard output (\(SystemError.description(of: error.code.rawValue)))"))
        }
    }
}
