/// Index of a node in its ``SyntaxTree``; `SyntaxTree.none` marks an absent link.
typealias NodeIndex = Int32

/// A stretch of a tree's bytes: of its ``SyntaxTree/text``, or of the source it was parsed from.
///
/// Text the source holds as it is (a one-line link's title and address, most of a newsletter's
/// words) points into the source instead of being copied: copied, a 50 MB issue's tree held
/// 46 MB of text beside the issue's own 50 MB, all of it at the build's peak.
struct TextSpan: Hashable {
    var start: Int32
    /// The length, its top bit set for a span of the source.
    private(set) var rawCount: UInt32

    private static let sourceBit: UInt32 = 1 << 31

    /// A span of the tree's text.
    init(start: Int32, count: Int32) {
        self.start = start
        rawCount = UInt32(count)
    }

    /// A span of either store, as ``NodeRecord`` keeps its ``NodeRecord/extra``.
    init(start: Int32, rawCount: UInt32) {
        self.start = start
        self.rawCount = rawCount
    }

    /// A span of the source the tree was parsed from.
    static func source(start: Int, count: Int) -> TextSpan {
        TextSpan(start: Int32(start), rawCount: UInt32(count) | sourceBit)
    }

    static let empty = TextSpan(start: 0, count: 0)

    var count: Int32 { Int32(bitPattern: rawCount & ~TextSpan.sourceBit) }
    var isInSource: Bool { rawCount & TextSpan.sourceBit != 0 }
    var end: Int32 { start + count }

    /// `count` bytes of this span from its byte `offset` on, in the same store.
    func subspan(from offset: Int, count: Int) -> TextSpan {
        TextSpan(start: start + Int32(offset), rawCount: UInt32(count) | (rawCount & TextSpan.sourceBit))
    }

    /// Whether `next` starts where this span ends, in the same store: two such spans read as one.
    func isFollowed(by next: TextSpan) -> Bool {
        isInSource == next.isInSource && end == next.start
    }

    /// This span and the ones after it that it is followed by, through `last`'s end.
    func through(_ last: TextSpan) -> TextSpan {
        subspan(from: 0, count: Int(last.end - start))
    }
}

/// Bits of ``NodeRecord/flags``; each kind uses the ones that concern it.
enum NodeFlag {
    /// list: tight.
    static let tight: UInt8 = 1
    /// list: ordered.
    static let ordered: UInt8 = 2
    /// codeBlock: fenced rather than indented.
    static let fenced: UInt8 = 4
    /// item: a task list item.
    static let task: UInt8 = 8
    /// item: a checked task.
    static let checked: UInt8 = 16
    /// heading: setext rather than ATX.
    static let setext: UInt8 = 32
    /// tableRow: the header row.
    static let header: UInt8 = 64
}

/// One node: kind, links to its neighbours, payload and source range, packed as plain values so
/// that a whole document lives in one array without a heap object or reference count per node.
struct NodeRecord {
    var kind: MarkdownNode.Kind
    var flags: UInt8 = 0
    /// heading: level; list: start number; list marker byte in `marker`; tableCell: alignment raw value;
    /// footnote reference / definition: footnote number (1-based, 0 while unnumbered); link, image,
    /// codeBlock: where ``extra`` starts.
    var number: Int32 = 0
    /// list: the bullet or delimiter byte; footnote reference: which reference to its note this is (1-based);
    /// link, image, codeBlock: ``extra``'s length.
    var marker: Int32 = 0
    var parent: NodeIndex = SyntaxTree.none
    var firstChild: NodeIndex = SyntaxTree.none
    var lastChild: NodeIndex = SyntaxTree.none
    var next: NodeIndex = SyntaxTree.none
    var previous: NodeIndex = SyntaxTree.none
    /// text, code, html, htmlBlock, codeBlock: the literal; link, image: destination;
    /// footnote reference and definition: the label as written; heading: see ``extra``.
    var literal: TextSpan = .empty
    // The source range in 8 bytes: the start line, and in 32 bits the lines to the end (10
    // bits) and the start and end columns (11 bits each). Four 32-bit numbers made every node 8
    // bytes larger, 24 MB of a 50 MB issue's tree; a range they cannot hold (a line longer
    // than 2,047 bytes, a block of more than a thousand lines) the tree keeps instead.
    private var startLine: Int32 = 0
    private var packedRange: UInt32 = 0

    /// ``packedRange`` of a range the tree keeps (``SyntaxTree/subscript(range:)``).
    private static let wideRange = UInt32.max

    init(kind: MarkdownNode.Kind) {
        self.kind = kind
    }

    /// codeBlock: info string; link, image: title; heading: the id its `{#id}` gave it, if any.
    ///
    /// Kept where these kinds have room, a heading's `literal` and the others' `number` and
    /// `marker`, rather than in a field of its own: that made every node 8 bytes larger, 24 MB
    /// of a 50 MB issue's tree, for the few nodes that have one.
    var extra: TextSpan {
        get {
            switch kind {
            case .heading: literal
            case .link, .image, .codeBlock: TextSpan(start: number, rawCount: UInt32(bitPattern: marker))
            default: .empty
            }
        }
        set {
            // An empty text is stored as nothing, wherever it was cut from.
            let span = newValue.count > 0 ? newValue : .empty
            switch kind {
            case .heading: literal = span
            case .link, .image, .codeBlock: (number, marker) = (span.start, Int32(bitPattern: span.rawCount))
            default: assertionFailure("\(kind) has no extra text")
            }
        }
    }

    /// Moves the node's text by `shift` bytes, for a tree whose text is appended to another's;
    /// spans of the source stay where they are.
    mutating func moveText(by shift: Int32) {
        if literal.count > 0, !literal.isInSource { literal.start += shift }
        if kind != .heading, extra.count > 0, !extra.isInSource { extra.start += shift }
    }

    /// The source range, when the record holds it; `nil` when the tree does.
    @inline(__always)
    var compactRange: SourceRange? {
        guard packedRange != NodeRecord.wideRange else { return nil }
        let line = Int(startLine)
        return SourceRange(
            start: SourceLocation(line: line, column: Int(packedRange >> 11 & 0x7FF)),
            end: SourceLocation(line: line + Int(packedRange >> 22), column: Int(packedRange & 0x7FF)))
    }

    /// Keeps `range` in the record and returns `true` when it fits; otherwise marks the record
    /// as one whose range the tree keeps and returns `false`.
    @inline(__always)
    mutating func setCompactRange(_ range: SourceRange) -> Bool {
        // Compared as unsigned numbers, a negative one is out of range too.
        let line = UInt(bitPattern: range.start.line)
        let lines = UInt(bitPattern: range.end.line &- range.start.line)
        let startColumn = UInt(bitPattern: range.start.column)
        let endColumn = UInt(bitPattern: range.end.column)
        guard lines < 1023, startColumn | endColumn < 2048, line <= UInt(Int32.max) else {
            packedRange = NodeRecord.wideRange
            return false
        }
        startLine = Int32(truncatingIfNeeded: line)
        packedRange = UInt32(truncatingIfNeeded: lines << 22 | startColumn << 11 | endColumn)
        return true
    }

    /// Moves the end of a range the record holds to `end` and returns `true` when the range still
    /// fits; otherwise changes nothing and returns `false`. Blocks get their end as they close,
    /// and this spares decoding the start to encode it again.
    @inline(__always)
    mutating func setCompactEnd(_ end: SourceLocation) -> Bool {
        let lines = UInt(bitPattern: end.line &- Int(startLine))
        let column = UInt(bitPattern: end.column)
        guard packedRange != NodeRecord.wideRange, lines < 1023, column < 2048 else { return false }
        packedRange = UInt32(truncatingIfNeeded: lines << 22 | column) | packedRange & NodeRecord.startColumnBits
        return true
    }

    /// Where ``packedRange`` keeps the start column.
    private static let startColumnBits: UInt32 = 0x7FF << 11
}

/// A tree's two stores of bytes, its text and its source, read through one span or another.
struct SpanBytes {
    let text: UnsafeBufferPointer<UInt8>
    let source: UnsafeBufferPointer<UInt8>

    @inline(__always)
    subscript(span: TextSpan) -> UnsafeBufferPointer<UInt8> {
        let store = span.isInSource ? source : text
        return UnsafeBufferPointer(start: store.baseAddress.map { $0 + Int(span.start) }, count: Int(span.count))
    }
}

/// The storage behind a ``MarkdownDocument``: every node in one array, and every string either a
/// stretch of the source, which the tree keeps, or of one byte buffer of text the parse made.
final class SyntaxTree: @unchecked Sendable {
    static let none: NodeIndex = -1

    let nodes: NodeStore
    @exclusivity(unchecked) var text: [UInt8] = []
    /// The bytes the tree was parsed from, which spans of the source point into: lent by the
    /// parser while it runs, then the storage of ``sourceOwner``.
    private(set) var source = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    /// What keeps ``source`` where it is: the string or array parsed, or their repaired copy.
    private var sourceOwner: Any?
    var extensions: Set<MarkdownExtension>
    /// Per table node (indexed by its `number`): the column alignments.
    var tableAlignments: [[TableAlignment]] = []
    /// The source ranges too wide for their node's record (``NodeRecord/compactRange``), by node.
    private var wideRanges: [NodeIndex: SourceRange] = [:]
    /// The parsed tree whose storage this one shares, or `nil` when this is that tree: see
    /// ``init(sharingStorageOf:)``.
    let original: SyntaxTree?

    /// The object nodes are compared and hashed by: the parsed tree, whichever view reaches it.
    var identity: ObjectIdentifier { ObjectIdentifier(original ?? self) }

    /// Reserves room for a source of `sourceSize` bytes: real newsletters make a node per 16 bytes,
    /// and a text of no decoded character and no second line could all be copied, so growing the
    /// arrays (which holds the old and the new copy at once, three times the final size) is rare;
    /// pages reserved but never written cost no memory.
    init(extensions: Set<MarkdownExtension>, sourceSize: Int = 0) {
        self.extensions = extensions
        original = nil
        nodes = NodeStore(capacity: sourceSize / 12 + 16)
        text.reserveCapacity(sourceSize + 16)
    }

    /// A second object over the same finished tree (its arrays are shared, not copied), for one
    /// thread of a parallel walk: every node a walk passes retains and releases its tree, and when
    /// two cores do that to one object each count waits for the other core's cache line. The
    /// shared tree must not change afterwards.
    init(sharingStorageOf tree: SyntaxTree) {
        nodes = tree.nodes
        text = tree.text
        source = tree.source
        sourceOwner = tree.sourceOwner
        extensions = tree.extensions
        tableAlignments = tree.tableAlignments
        wideRanges = tree.wideRanges
        original = tree.original ?? tree
    }

    /// Forgets every node and text, for a reading that starts again.
    func removeAll() {
        nodes.removeAll()
        text.removeAll(keepingCapacity: true)
        tableAlignments.removeAll()
        wideRanges.removeAll()
    }

    /// The source range of the node at `node`, kept in its record when it fits.
    subscript(range node: NodeIndex) -> SourceRange {
        @inline(__always) get {
            self[node].compactRange ?? wideRange(of: node)
        }
        @inline(__always) set {
            if !self[node].setCompactRange(newValue) { keepWideRange(newValue, of: node) }
        }
    }

    /// Moves the end of the node's source range to `end`.
    @inline(__always)
    func setRangeEnd(_ end: SourceLocation, of node: NodeIndex) {
        if !self[node].setCompactEnd(end) { self[range: node].end = end }
    }

    /// The range kept for `node` outside its record: rare, and kept out of the callers' code.
    @inline(never)
    private func wideRange(of node: NodeIndex) -> SourceRange {
        wideRanges[node]
            ?? SourceRange(start: SourceLocation(line: 0, column: 0), end: SourceLocation(line: 0, column: 0))
    }

    @inline(never)
    private func keepWideRange(_ range: SourceRange, of node: NodeIndex) {
        wideRanges[node] = range
    }

    /// The wide range of `node` in `other` (``subscript(range:)``), kept for `index` of this tree,
    /// for a node moved here; nothing when its record holds its range.
    func takeWideRange(of node: NodeIndex, in other: SyntaxTree, as index: NodeIndex) {
        if let range = other.wideRanges[node] { wideRanges[index] = range }
    }

    /// Reads `bytes`, lent for the length of a parse, as the source: the spans the parse makes
    /// point into them until ``keepSource(_:)``.
    func lendSource(_ bytes: UnsafeBufferPointer<UInt8>) {
        source = bytes
    }

    /// Keeps the source the parse was lent, now held by `owner`: an array, or a string whose
    /// UTF-8 storage it was. A native string's or an array's storage does not move while it is
    /// referenced and unchanged, so the spans read it in place for as long as the tree lives; a
    /// small string (its bytes within the value itself, lent from a temporary) is copied first.
    func keepSource(_ owner: Substring) {
        if owner.utf8.count <= SyntaxTree.longestSmallString {
            keepSource(Array(owner.utf8))
            return
        }
        var owner = owner
        source = owner.withUTF8 { $0 }
        sourceOwner = owner
    }

    /// Keeps the source the parse was lent, now held by `owner` (see ``keepSource(_:)-(Substring)``).
    func keepSource(_ owner: [UInt8]) {
        source = owner.withUnsafeBufferPointer { $0 }
        sourceOwner = owner
    }

    /// How many bytes of text the tree reads, its own and its source's: what the size of its HTML
    /// is reckoned from.
    var textByteCount: Int { text.count + source.count }

    /// Where `bytes` start in the source, when they lie within it; `-1` otherwise.
    func offsetInSource(of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = source.baseAddress, let start = bytes.baseAddress, start >= base,
            start + bytes.count <= base + source.count
        else { return -1 }
        return start - base
    }

    /// The most UTF-8 bytes a string keeps within its own value rather than in storage of its own.
    private static let longestSmallString = 15

    @inline(__always)
    subscript(index: NodeIndex) -> NodeRecord {
        _read { yield nodes[Int(index)] }
        _modify { yield &nodes[Int(index)] }
    }

    /// The child of the document that holds `node` (`node` itself when it is one).
    func topLevelAncestor(of node: NodeIndex) -> NodeIndex {
        var current = node
        while true {
            let parent = self[current].parent
            if parent == SyntaxTree.none || parent == 0 { return current }
            current = parent
        }
    }

    /// Creates a detached node.
    func makeNode(_ kind: MarkdownNode.Kind, range: SourceRange) -> NodeIndex {
        let index = NodeIndex(nodes.count)
        var record = NodeRecord(kind: kind)
        if !record.setCompactRange(range) { keepWideRange(range, of: index) }
        nodes.append(record)
        return index
    }

    /// Copies `bytes` into the text buffer.
    func store<C: Collection>(_ bytes: C) -> TextSpan where C.Element == UInt8 {
        let start = Int32(text.count)
        text.append(contentsOf: bytes)
        return TextSpan(start: start, count: Int32(text.count) - start)
    }

    /// Calls `body` with the bytes of `span`.
    func withBytes<Result>(of span: TextSpan, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows
        -> Result
    {
        try withSpanBytes { try body($0[span]) }
    }

    /// Calls `body` with the tree's two stores, for a walk that reads many spans.
    func withSpanBytes<Result>(_ body: (SpanBytes) throws -> Result) rethrows -> Result {
        try text.withUnsafeBufferPointer { try body(SpanBytes(text: $0, source: source)) }
    }

    func string(of span: TextSpan) -> String {
        withBytes(of: span) { String(decoding: $0, as: UTF8.self) }
    }

    /// Makes `child` the last child of `parent`; `child` must be detached.
    func append(_ child: NodeIndex, to parent: NodeIndex) {
        let last = self[parent].lastChild
        self[child].parent = parent
        self[child].previous = last
        self[child].next = SyntaxTree.none
        if last == SyntaxTree.none {
            self[parent].firstChild = child
        } else {
            self[last].next = child
        }
        self[parent].lastChild = child
    }

    /// Puts detached `node` right after `sibling`.
    func insert(_ node: NodeIndex, after sibling: NodeIndex) {
        let parent = self[sibling].parent
        let next = self[sibling].next
        self[node].parent = parent
        self[node].previous = sibling
        self[node].next = next
        self[sibling].next = node
        if next == SyntaxTree.none {
            if parent != SyntaxTree.none { self[parent].lastChild = node }
        } else {
            self[next].previous = node
        }
    }

    /// Puts detached `node` right before `sibling`.
    func insert(_ node: NodeIndex, before sibling: NodeIndex) {
        let parent = self[sibling].parent
        let previous = self[sibling].previous
        self[node].parent = parent
        self[node].previous = previous
        self[node].next = sibling
        self[sibling].previous = node
        if previous == SyntaxTree.none {
            if parent != SyntaxTree.none { self[parent].firstChild = node }
        } else {
            self[previous].next = node
        }
    }

    /// Detaches `node` (with its subtree) from its parent and siblings.
    func unlink(_ node: NodeIndex) {
        let record = self[node]
        if record.previous != SyntaxTree.none {
            self[record.previous].next = record.next
        } else if record.parent != SyntaxTree.none {
            self[record.parent].firstChild = record.next
        }
        if record.next != SyntaxTree.none {
            self[record.next].previous = record.previous
        } else if record.parent != SyntaxTree.none {
            self[record.parent].lastChild = record.previous
        }
        self[node].parent = SyntaxTree.none
        self[node].next = SyntaxTree.none
        self[node].previous = SyntaxTree.none
    }

    /// Moves the siblings from `first` through `last` (inclusive, same parent) to be the children of
    /// detached `container`, and puts `container` where they were.
    func wrap(from first: NodeIndex, through last: NodeIndex, in container: NodeIndex) {
        insert(container, before: first)
        var current = first
        while true {
            let next = self[current].next
            unlink(current)
            append(current, to: container)
            if current == last { break }
            current = next
        }
    }
}
