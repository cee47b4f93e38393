/// A template's output as the pieces it was written in: a value of 64 KB or more (an issue's
/// body, a feed entry's content) stays a piece of its own instead of being copied into one
/// string, and the site's writer writes the pieces in turn.
///
/// A 50 MB issue's page was its body copied twice, into the page's template and then into the
/// layout, and the home page, `latest/` and five feeds carry it too: two of them made at once
/// held 300 MB beside the bodies they were made from, the peak of the build.
struct RenderedText: Sendable {
    /// The pieces before ``tail``.
    private var pieces: [String] = []
    /// Where small output gathers until a large value ends it.
    private var tail = ""

    /// How long a value must be to stay a piece of its own.
    static let pieceSize = 1 << 16

    init() {}

    mutating func append(_ text: String) {
        guard text.utf8.count >= RenderedText.pieceSize else {
            tail += text
            return
        }
        if !tail.isEmpty {
            pieces.append(tail)
            tail = ""
        }
        pieces.append(text)
    }

    mutating func append(_ text: Substring) {
        tail += text
    }

    /// Appends another rendering's pieces: its large ones stay pieces, its small ones join the tail.
    mutating func append(contentsOf other: RenderedText) {
        for piece in other.allPieces { append(piece) }
    }

    var isEmpty: Bool { pieces.isEmpty && tail.isEmpty }

    /// Every piece, in order.
    var allPieces: [String] { tail.isEmpty ? pieces : pieces + [tail] }

    /// The whole output as one string, for a step that needs it so (an email, a page whose links
    /// are made relative).
    var text: String { allPieces.joined() }
}
