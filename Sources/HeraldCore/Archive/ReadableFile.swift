import Foundation

/// A file read whole into one array of its size. Through `Data`, a file was read into a buffer
/// of its own and then copied into an array: twice its size in fresh pages and a copy's time,
/// a tenth of a rebuild after editing one issue, whose search parts (10 MB) are read that way.
package enum ReadableFile {
    /// The bytes of the file at `path`; `nil` when it cannot be opened or read.
    package static func bytes(atPath path: String) -> [UInt8]? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        let size = max(Int(status.st_size), 0)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let got = read(descriptor, buffer.baseAddress! + count, size - count)
                if got < 0 && errno == EINTR { continue }
                guard got > 0 else {
                    failed = got < 0
                    return
                }
                count += got
            }
        }
        guard !failed else { return nil }
        // What a file that grew since `fstat` holds past that size.
        var piece = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let got = piece.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            guard got >= 0 else { return nil }
            if got == 0 { return bytes }
            bytes.append(contentsOf: piece[..<got])
        }
    }
}
