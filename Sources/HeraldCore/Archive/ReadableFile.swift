package import Foundation

/// A file read whole into one array of its size. Through `Data`, a file was read into a buffer
/// of its own and then copied into an array: twice its size in fresh pages and a copy's time,
/// a tenth of a rebuild after editing one issue, whose search parts (10 MB) are read that way.
package enum ReadableFile {
    /// The bytes of the file at `path`.
    /// - Throws: the system's error when it cannot be opened or read (a folder cannot be read).
    package static func bytes(atPath path: String) throws(POSIXError) -> [UInt8] {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError.fromErrno }
        defer { close(descriptor) }
        return try bytes(readingAll: descriptor)
    }

    /// Everything left to read from the open `descriptor` (a file, or standard input's pipe),
    /// which stays open.
    /// - Throws: the system's error when it cannot be read.
    package static func bytes(readingAll descriptor: Int32) throws(POSIXError) -> [UInt8] {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw POSIXError.fromErrno }
        // Only a regular file's size says how much is left to read.
        let size = status.st_mode & S_IFMT == S_IFREG ? max(Int(status.st_size), 0) : 0
        var failure: POSIXError?
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else {
                    if got < 0 { failure = POSIXError.fromErrno }
                    return
                }
                count += got
            }
        }
        if let failure { throw failure }
        // What a file that grew since `fstat` holds past that size (a pipe has no size).
        var piece = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = piece.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { throw POSIXError.fromErrno }
            if got == 0 { return bytes }
            bytes.append(contentsOf: piece[..<got])
        }
    }
}
