import Foundation
import HeraldCore

/// A template's output as the pieces it was written in: a value of 64 KB or more (an issue's
/// body, a feed entry's content) stays a piece of its own instead of being copied into one
/// string, and the site's writer writes the pieces in turn.
///
/// A 50 MB issue's page was its body copied twice, into the page's template and then into the
/// layout, and the home page, `latest/` and five feeds carry it too: two of them made at once
/// held 300 MB beside the bodies they were made from, the peak of the build.
struct RenderedText: Sendable {
    /// One piece of the output: text as it is, or a large text escaped only as it is written.
    enum Piece: Sendable, Equatable {
        case text(String)
        /// A feed entry's whole body, escaped for the feed's format a window at a time as the
        /// file is written: held escaped, the XML and JSON copies of a 50 MB issue's body were
        /// 157 MB of the build's peak.
        case escaped(SplicedText, Escaping)
        /// A text with a few values rewritten (``ByteSplice``), written from the text's storage.
        case spliced(SplicedText)

        /// The piece's text, escaped when it is to be.
        var text: String {
            switch self {
            case .text(let text): text
            case .escaped(let text, let escaping): escaping.quote + escaping.escape(text.string) + escaping.quote
            case .spliced(let text): text.string
            }
        }

        /// Writes the piece to `file`; an escaped one in windows of about ``pieceSize`` bytes,
        /// each ending before an ASCII byte so that no character is cut.
        func write(to file: WritableFile) throws(POSIXError) {
            switch self {
            case .text(let text):
                try file.write(text)
            case .escaped(let text, let escaping):
                try file.write(escaping.quote)
                try file.writeEach { write in
                    var escaped: [UInt8] = []
                    text.forEachRun { run in
                        var start = 0
                        while start < run.count {
                            var end = Swift.min(start + RenderedText.pieceSize, run.count)
                            while end < run.count, run[end] >= 0x80 { end += 1 }
                            escaped.removeAll(keepingCapacity: true)
                            escaping.append(UnsafeBufferPointer(rebasing: run[start..<end]), to: &escaped)
                            escaped.withUnsafeBufferPointer(write)
                            start = end
                        }
                    }
                }
                try file.write(escaping.quote)
            case .spliced(let text):
                try file.writeEach { text.forEachRun($0) }
            }
        }
    }

    /// How an escaped piece is written.
    enum Escaping: Sendable, Equatable {
        /// Character references for XML (``MarkupEscaping/xml(_:)``).
        case xml
        /// A JSON string literal, quotes included (``JSONWriter/literal(_:)``).
        case jsonString

        fileprivate var quote: String { self == .jsonString ? "\"" : "" }

        fileprivate func escape(_ text: String) -> String {
            switch self {
            case .xml: MarkupEscaping.xml(text)
            case .jsonString: JSONWriter.escaped(text)
            }
        }

        /// Appends the UTF-8 text `bytes` escaped, as ``escape(_:)`` escapes its text.
        fileprivate func append(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
            switch self {
            case .xml: MarkupEscaping.appendXML(bytes, to: &output)
            case .jsonString: JSONWriter.appendEscaped(bytes, to: &output)
            }
        }
    }

    /// The pieces before ``tail``.
    private var pieces: [Piece] = []
    /// Where small output gathers until a large value ends it.
    private var tail = ""

    /// How long a value must be to stay a piece of its own.
    static let pieceSize = 1 << 16

    init() {}

    /// `text` escaped as `escaping` says, as it is written: from its bytes, a window at a time,
    /// whatever its length. (A short body escaped at once was made into a string and escaped
    /// into another, each checked as UTF-8 again: a tenth of a rebuild's instructions.)
    init(escaping text: SplicedText, as escaping: Escaping) {
        pieces = [.escaped(text, escaping)]
    }

    /// `text`, or `text` as `splice` rewrites it when there is one: at once when it is short,
    /// as it is written when it is long enough to be a piece of its own.
    init(_ text: String, spliced splice: ByteSplice? = nil) {
        guard let splice else {
            append(text)
            return
        }
        let piece = Piece.spliced(SplicedText(text, splice: splice))
        guard text.utf8.count >= RenderedText.pieceSize else {
            tail = piece.text
            return
        }
        pieces = [piece]
    }

    mutating func append(_ text: String) {
        guard text.utf8.count >= RenderedText.pieceSize else {
            tail += text
            return
        }
        append(piece: .text(text))
    }

    mutating func append(_ text: Substring) {
        tail += text
    }

    /// Appends another rendering's pieces: its large ones stay pieces, its small ones join the tail.
    mutating func append(contentsOf other: RenderedText) {
        for piece in other.allPieces {
            switch piece {
            case .text(let text): append(text)
            case .escaped, .spliced: append(piece: piece)
            }
        }
    }

    private mutating func append(piece: Piece) {
        if !tail.isEmpty {
            pieces.append(.text(tail))
            tail = ""
        }
        pieces.append(piece)
    }

    var isEmpty: Bool { pieces.isEmpty && tail.isEmpty }

    /// Every piece, in order.
    var allPieces: [Piece] { tail.isEmpty ? pieces : pieces + [.text(tail)] }

    /// The whole output as one string, for a step that needs it so (an email, a page whose links
    /// are made relative).
    var text: String { allPieces.map(\.text).joined() }
}
