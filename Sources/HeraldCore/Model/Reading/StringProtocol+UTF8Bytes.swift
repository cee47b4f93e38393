extension StringProtocol {
    /// Calls `body` with the text's UTF-8 bytes: its own storage when that is contiguous, as a
    /// native string's always is, else a copy. The one way the byte-level readers reach a text's
    /// bytes, so none of them falls back to an answer of its own (an empty result, `false`) for
    /// a text stored otherwise.
    ///
    /// Inlinable, so that each caller gets it for its own string type: left generic across
    /// modules, every call asked the runtime for its result's optional type (750 instructions a
    /// call, 270 M of a cold build's search entries).
    @inlinable
    package func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        return try Array(utf8).withUnsafeBufferPointer(body)
    }
}
