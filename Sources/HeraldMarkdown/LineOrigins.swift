/// Where each line of a leaf's text starts in the source (``InlineInput/lines``), in order.
///
/// The first origin is kept in place and only the later ones in an array: most leaves are one
/// line (a newsletter's list items), and an array for each was an allocation per leaf, a
/// twentieth of all a check of the archive made.
///
/// The first origin is ``LineOrigin/absent`` while there is none, not an optional, whose tag byte
/// would pad every leaf; it comes last, so that what holds the origins can put its next field in
/// the room after it (``PendingLeaf``).
struct LineOrigins: RandomAccessCollection {
    private var later: [LineOrigin] = []
    private var first = LineOrigin.absent

    var startIndex: Int { 0 }
    var endIndex: Int { first.isAbsent ? 0 : later.count + 1 }

    subscript(position: Int) -> LineOrigin {
        precondition(position >= 0 && position < endIndex, "line \(position) is outside the leaf")
        return position == 0 ? first : later[position - 1]
    }

    /// The origin of a text of one line, the most common leaf: `nil` for none or several.
    var onlyOrigin: LineOrigin? { later.isEmpty && !first.isAbsent ? first : nil }

    mutating func append(_ origin: LineOrigin) {
        if first.isAbsent { first = origin } else { later.append(origin) }
    }

    mutating func removeLast() {
        precondition(!first.isAbsent, "a leaf without lines has no last line")
        if later.isEmpty { first = .absent } else { later.removeLast() }
    }

    mutating func removeAll() {
        first = .absent
        later.removeAll()
    }
}
