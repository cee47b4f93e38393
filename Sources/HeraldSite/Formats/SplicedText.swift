import HeraldCore

/// A text as a splice (``ByteSplice``) rewrites it, kept as the text and the splice until it is
/// written: a feed carries its issue's page body with the heading anchors out and a few links
/// made absolute, and made into a string of its own, a 50 MB issue's feed body was 66 MB held
/// beside the page body it came from for the whole of the writing.
struct SplicedText: Sendable, Equatable {
    /// The text the splice reads its runs from.
    let original: String
    /// What changes; `nil` when nothing does.
    let splice: ByteSplice?

    init(_ original: String, splice: ByteSplice? = nil) {
        self.original = original
        self.splice = splice
    }

    /// The rewritten text as one string.
    var string: String {
        guard let splice else { return original }
        var original = original
        return original.withUTF8 { splice.string(from: $0) }
    }

    /// Calls `body` with the rewritten text's bytes, in order, in runs that each end between two
    /// characters: the original's own storage and the splice's new values.
    func forEachRun(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var original = original
        original.withUTF8 { bytes in
            guard let splice else { return body(bytes) }
            splice.forEachRun(from: bytes, body)
        }
    }
}
