import Foundation
import HeraldCore

/// A text made of runs of another text's bytes with new text between them, written once at its
/// final size.
///
/// It writes the feed body (heading anchors left out and links made absolute, in one splice), a
/// page's entry ids and heading anchors, and the body the home page and `latest/` show with its
/// relative links rooted (written from the body's storage, never copied). Each of the first
/// ones grew an array past the room it reserved and copied it into a string: for a 50 MB issue,
/// three times the body's size at once, the build's peak memory.
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

    /// Writes the pieces in order to `file`, runs read from `source`'s own storage: a page
    /// that shows a body with a few links rewritten is written without a copy of the body.
    func write(from source: String, to file: WritableFile) throws(POSIXError) {
        var source = source
        try file.writeEach { write in
            source.withUTF8 { forEachRun(from: $0, write) }
        }
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
