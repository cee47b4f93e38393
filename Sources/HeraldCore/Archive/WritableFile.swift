package import Foundation

/// An open file written whole: `write(2)` may take only part of a buffer, or be interrupted by a
/// signal before writing anything, and every writer of Herald's output must go on until the
/// buffer is out or the system reports an error.
package struct WritableFile: Sendable {
    package let descriptor: Int32

    package init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// Standard output, for a verb that writes its result there.
    package static let standardOutput = WritableFile(descriptor: STDOUT_FILENO)

    /// Writes every byte of `buffer`.
    package func write(_ buffer: UnsafeBufferPointer<UInt8>) throws(POSIXError) {
        var offset = 0
        while offset < buffer.count {
            let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw POSIXError.fromErrno }
            offset += written
        }
    }

    /// Writes every byte of `bytes`.
    package func write(_ bytes: [UInt8]) throws(POSIXError) {
        try write(bytes[...])
    }

    /// Writes every byte of `bytes`.
    package func write(_ bytes: ArraySlice<UInt8>) throws(POSIXError) {
        try bytes.withUnsafeBufferPointer { buffer throws(POSIXError) in try write(buffer) }
    }

    /// Writes `text`'s UTF-8, from the string's own storage when it has it.
    package func write(_ text: String) throws(POSIXError) {
        var text = text
        try writeEach { write in text.withUTF8 { write($0) } }
    }

    /// Writes every byte of `data`, from its own storage.
    package func write(_ data: Data) throws(POSIXError) {
        try writeEach { write in data.withUnsafeBytes { write($0.bindMemory(to: UInt8.self)) } }
    }

    /// Runs `body` with a writer for the buffers a storage lends to a closure that cannot throw
    /// a typed error (`withUTF8`, `withUnsafeBytes`): the first failure is kept, the buffers after
    /// it are not written, and it is thrown once `body` returns.
    package func writeEach(
        _ body: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void
    ) throws(POSIXError) {
        var failure: POSIXError?
        body { buffer in
            guard failure == nil else { return }
            do throws(POSIXError) { try write(buffer) } catch { failure = error }
        }
        if let failure { throw failure }
    }
}
