/// A text made of runs of another text's bytes with new text between them, written once at its
/// final size, or read in runs from the other text's storage (``SplicedText``).
///
/// It makes the feed body (heading anchors left out and links made absolute, in one splice), a
/// page's entry ids and heading anchors, and the body the home page and `latest/` show with its
/// relative links rooted. Each of the first ones grew an array past the room it reserved and
/// copied it into a string: for a 50 MB issue, three times the body's size at once, the build's
/// peak memory; the feed body and the rooted body are written from the page body's storage,
/// never copied.
struct ByteSplice: Sendable, Equatable {
    private enum Piece: Sendable, Equatable {
        case run(Range<Int>)
        case text(String)
    }

    private var pieces: [Piece] = []
    /// The result's length in bytes.
    private var count = 0

    /// Appends the source's bytes in `run`.
    mutating func keep(_ run: Range<Int>) {
        guard !run.isEmpty else { return }
        pieces.append(.run(run))
        count += run.count
    }

    /// Appends `text`.
    mutating func insert(_ text: String) {
        guard !text.isEmpty else { return }
        pieces.append(.text(text))
        count += text.utf8.count
    }

    /// The pieces in order, runs read from `source`.
    func string(from source: UnsafeBufferPointer<UInt8>) -> String {
        String.written(byteCount: count) { forEachRun(from: source, $0) }
    }

    /// Calls `body` with each piece's bytes in order, runs read from `source`.
    func forEachRun(from source: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        for piece in pieces {
            switch piece {
            case .run(let run): body(UnsafeBufferPointer(rebasing: source[run]))
            case .text(var text): text.withUTF8(body)
            }
        }
    }
}
