extension String {
    /// A string of `byteCount` bytes of UTF-8 that `writePieces` hands over piece by piece, made
    /// at its final size with each piece copied in once: how a body with a few insertions, or a
    /// text with runs kept and replaced (``ByteSplice``), is written without an array grown to
    /// hold it first. Bytes past `byteCount` are left out.
    static func written(
        byteCount: Int, inPieces writePieces: ((UnsafeBufferPointer<UInt8>) -> Void) -> Void
    ) -> String {
        String(unsafeUninitializedCapacity: byteCount) { output in
            var written = 0
            writePieces { piece in
                let length = Swift.min(piece.count, output.count - written)
                guard length > 0, let source = piece.baseAddress, let target = output.baseAddress else { return }
                (target + written).update(from: source, count: length)
                written += length
            }
            return written
        }
    }
}
