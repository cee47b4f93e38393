/// A document's HTML as the writer left it, in the writer's own buffer.
///
/// ``HTMLRenderer/renderBytes(_:)`` copies the HTML into an array; a caller that edits it in
/// place (headings moved down a level) and then copies it once into its final form needs no such
/// copy, which for a 50 MB issue held its 65 MB of HTML twice while it was made (and copied
/// 26 kB on average for each of an archive's 607 pages).
package struct RenderedHTML {
    private let buffer: ByteBuffer

    init(_ buffer: ByteBuffer) {
        self.buffer = buffer
    }

    /// The number of bytes.
    package var count: Int { buffer.count }

    /// The bytes, valid only inside `body`.
    package func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try buffer.withBytes(body)
    }

    /// The bytes, to be changed in place (their number stays), valid only inside `body`.
    package func withMutableBytes<Result>(_ body: (UnsafeMutableBufferPointer<UInt8>) throws -> Result) rethrows
        -> Result
    {
        try buffer.withMutableBytes(body)
    }
}
