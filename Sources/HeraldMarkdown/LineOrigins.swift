/// Where each line of a leaf's text starts in the source (``InlineInput/lines``), in order.
///
/// The first origin is kept in place and only the later ones in an array: most leaves are one
/// line (a newsletter's list items), and an array for each was an allocation per leaf, a
/// twentieth of all a check of the archive made.
struct LineOrigins: RandomAccessCollection {
    private var firstOrigin: LineOrigin?
    private var later: [LineOrigin] = []

    var startIndex: Int { 0 }
    var endIndex: Int { firstOrigin == nil ? 0 : later.count + 1 }

    subscript(position: Int) -> LineOrigin {
        precondition(position >= 0 && position < endIndex, "line \(position) is outside the leaf")
        return position == 0 ? firstOrigin! : later[position - 1]
    }

    /// The origin of a text of one line, the most common leaf: `nil` for none or several.
    var onlyOrigin: LineOrigin? { later.isEmpty ? firstOrigin : nil }

    mutating func append(_ origin: LineOrigin) {
        if firstOrigin == nil { firstOrigin = origin } else { later.append(origin) }
    }

    mutating func removeLast() {
        precondition(firstOrigin != nil, "a leaf without lines has no last line")
        if later.isEmpty { firstOrigin = nil } else { later.removeLast() }
    }

    mutating func removeAll() {
        firstOrigin = nil
        later.removeAll()
    }
}
