import Foundation

/// A regular file mapped into memory to be read, for a reader that goes through a long file in
/// stretches and is done with each in turn (`herald markdown`): its pages come from the page
/// cache as they are touched and leave the process again on ``release(_:)``, so the file is never
/// in memory whole, where ``ReadableFile`` holds all of it at once in fresh pages.
///
/// A file cut short while mapped would end the process with SIGBUS at the first touch past its
/// new end; ``endProcessIfCutShort(saying:exitStatus:)`` turns that into a message and an exit
/// status.
package final class MappedFile: @unchecked Sendable {
    /// The file's bytes as they were when it was mapped.
    package let bytes: UnsafeBufferPointer<UInt8>

    /// Maps the first `size` bytes, at least one, of the regular file open as `descriptor`,
    /// which may be closed after.
    /// - Throws: the system's error when it cannot be mapped.
    init(descriptor: Int32, size: Int) throws(POSIXError) {
        let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0)
        guard let address, address != MAP_FAILED else { throw POSIXError.fromErrno }
        bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
    }

    deinit {
        munmap(UnsafeMutableRawPointer(mutating: bytes.baseAddress), bytes.count)
    }

    /// Lets the pages holding `range` of the bytes go: they stop counting towards the process's
    /// memory, and are read again from the page cache if touched later. The pages at either end
    /// go too, though they also hold bytes outside the range, which thus may be read again.
    package func release(_ range: Range<Int>) {
        guard let start = bytes.baseAddress, !range.isEmpty else { return }
        let pageSize = MappedFile.pageSize
        let first = range.lowerBound / pageSize * pageSize
        let end = min(range.upperBound, bytes.count)
        guard first < end else { return }
        madvise(UnsafeMutableRawPointer(mutating: start + first), end - first, MADV_DONTNEED)
    }

    /// Makes SIGBUS, which a mapped file cut short sends its reader, write `message` to standard
    /// error and end the process with `exitStatus`, instead of dumping core: the output so far
    /// stands, and the message says why it stops. One message for the process, the last given.
    package static func endProcessIfCutShort(saying message: String, exitStatus: Int32) {
        // Kept for the life of the process: the handler may read it at any time.
        cutShortMessage = strdup(message + "\n")
        cutShortStatus = exitStatus
        signal(SIGBUS) { _ in
            // Only what is safe in a signal handler: write(2) and _exit(2).
            if let message = cutShortMessage { _ = write(STDERR_FILENO, message, strlen(message)) }
            _exit(cutShortStatus)
        }
    }

    private static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
}

/// What the SIGBUS handler says and exits with (``MappedFile/endProcessIfCutShort(saying:exitStatus:)``);
/// globals, since a C signal handler captures nothing.
nonisolated(unsafe) private var cutShortMessage: UnsafeMutablePointer<CChar>?
nonisolated(unsafe) private var cutShortStatus: Int32 = 1
