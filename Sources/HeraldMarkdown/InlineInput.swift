/// The text of one leaf block (paragraph, heading, table cell), handed from the block phase to the
/// inline phase.
///
/// The text is the block's lines joined by `\n` with no final newline; for a paragraph the leading
/// whitespace of each line and the trailing whitespace of the last are already gone. `lines` maps
/// the text back to the source: one entry per line, in order.
///
/// A leaf of one line as the source has it (a one-line paragraph or heading: most of a
/// newsletter's list items) is a view of the source, which the parser keeps in place until the
/// inline phase is done; the text is copied only when a second line joins it. Copied, the
/// archive's one-line leaves were most of the text held from the block phase to the inline phase.
struct InlineInput {
    /// The text, once it is more than a view of one source line.
    private var made: [UInt8] = []
    /// The text while it is one stretch of the source, in ``view``.
    private var viewed = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var lines = LineOrigins()

    /// The text while it is one stretch of the source: `viewed`, unless it has no start. Stored
    /// as an optional, its tag byte and the padding after it took room in every pending leaf
    /// (``PendingLeaf``).
    private var view: UnsafeBufferPointer<UInt8>? {
        get { viewed.baseAddress == nil ? nil : viewed }
        set { viewed = newValue ?? UnsafeBufferPointer(start: nil, count: 0) }
    }

    /// How many bytes the text has.
    var count: Int { view?.count ?? made.count }

    var isEmpty: Bool { count == 0 }

    /// Whether the text is a view of the source, not a copy.
    var isSourceView: Bool { view != nil }

    /// Calls `body` with the text's bytes.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let view { return try body(view) }
        return try made.withUnsafeBufferPointer(body)
    }

    /// Appends one line of the source, whose first byte sits at `location`: the first line is
    /// viewed where it is, and a later one copies the text.
    mutating func appendSourceLine(_ line: UnsafeBufferPointer<UInt8>, at location: SourceLocation) {
        guard lines.isEmpty else {
            appendLine(line, at: location)
            return
        }
        lines.append(LineOrigin(offset: 0, line: Int32(location.line), column: Int32(location.column)))
        view = line
    }

    /// Appends one line whose first byte sits at `location` in the source.
    mutating func appendLine<C: Collection>(_ line: C, at location: SourceLocation) where C.Element == UInt8 {
        copyView()
        if !lines.isEmpty { made.append(UInt8(ascii: "\n")) }
        lines.append(LineOrigin(offset: Int32(made.count), line: Int32(location.line), column: Int32(location.column)))
        made.append(contentsOf: line)
    }

    /// Drops the text from `offset` on.
    mutating func removeLast(from offset: Int) {
        if let view {
            self.view = UnsafeBufferPointer(rebasing: view[..<offset])
        } else {
            made.removeSubrange(offset...)
        }
    }

    private mutating func copyView() {
        guard let view else { return }
        made = Array(view)
        self.view = nil
    }

    /// The source location of the text's byte at `offset` (or of the end, for `offset == count`).
    func location(of offset: Int) -> SourceLocation {
        var low = 0
        var high = lines.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if Int(lines[middle].offset) <= offset { low = middle } else { high = middle - 1 }
        }
        guard lines.indices.contains(low) else { return SourceLocation(line: 1, column: 1) }
        let origin = lines[low]
        return origin.location(of: offset)
    }
}

/// A leaf block whose text waits for the inline phase (``BlockParser/pendingInlines``).
///
/// A struct rather than a tuple: a tuple holding a type with references is copied and destroyed
/// through the runtime's generic witnesses, which took as long as the copies themselves.
///
/// The node follows the input, in the room the input's alignment leaves after it; with no
/// optional in the input (its view, its first line's origin), a leaf is 48 bytes, not 64: 1.5 MB
/// of the archive file's 92,600 leaves, all held between the two phases.
struct PendingLeaf {
    var input: InlineInput
    var node: NodeIndex

    init(node: NodeIndex, input: consuming InlineInput) {
        self.input = input
        self.node = node
    }
}

/// Where one line of an ``InlineInput`` starts in the source.
struct LineOrigin {
    /// Offset of the line's first byte in the leaf's text.
    var offset: Int32
    var line: Int32
    var column: Int32

    /// The source location of the leaf's byte at `offset`, on this line.
    func location(of offset: Int) -> SourceLocation {
        SourceLocation(line: Int(line), column: Int(column) + offset - Int(self.offset))
    }

    /// No line's origin: the line of none.
    static let absent = LineOrigin(offset: 0, line: .min, column: 0)

    var isAbsent: Bool { line == .min }
}

extension InlineInput {
    /// Drops the first `count` bytes, which end at a line boundary (after reference definitions).
    mutating func removeFirst(_ count: Int) {
        guard count > 0 else { return }
        if count >= self.count {
            made.removeAll()
            view = nil
            lines.removeAll()
            return
        }
        if let view {
            self.view = UnsafeBufferPointer(rebasing: view[count...])
        } else {
            made.removeFirst(count)
        }
        var kept = LineOrigins()
        for (index, var origin) in lines.enumerated() {
            let nextStart = index + 1 < lines.count ? Int(lines[index + 1].offset) : Int.max
            if nextStart <= count { continue }
            let shifted = Int(origin.offset) - count
            if shifted < 0 {
                origin.column += Int32(-shifted)
                origin.offset = 0
            } else {
                origin.offset = Int32(shifted)
            }
            kept.append(origin)
        }
        lines = kept
    }

    /// Drops spaces and tabs at the end of the text.
    mutating func trimTrailingWhitespace() {
        if let view {
            var end = view.count
            while end > 0 && ASCII.isSpaceOrTab(view[end - 1]) { end -= 1 }
            self.view = UnsafeBufferPointer(rebasing: view[..<end])
        } else {
            while let last = made.last, ASCII.isSpaceOrTab(last) { made.removeLast() }
        }
    }
}
