import HeraldCore
import HeraldMarkdown

/// Gives the blocks of an issue's body an `id` made from the file line they start on (`L38`),
/// so that a search result, or a reader, can link to one entry of an issue.
///
/// Entries know their file line (``SourceSpan``), which is what makes the id the same for the
/// search index and the page without either reading the other. The Markdown renderer writes no
/// positions (and `herald markdown` must keep matching cmark-gfm), so the ids are added to its
/// output: every list item, block quote, rendered paragraph and code block opens with a fixed
/// tag (`<li>`, `<blockquote>`, `<p>`, `<pre>`) in document order, and raw HTML is the only other
/// source of those tags, so its occurrences are counted and passed over. Should the counts ever
/// disagree, the body is left as it was. The outermost block starting on a line gets the id;
/// heading ids are lower case, so they never collide with these.
enum EntryAnchors {
    /// The id of the block that starts on file line `line`.
    static func id(forLine line: Int) -> String { idPrefix + String(line) }

    /// What an entry id has before its line's number.
    private static let idPrefix = "L"

    private static let tags = ["<li>", "<blockquote>", "<p>", "<pre>"].map { Array($0.utf8) }

    /// Where a block's id goes in the HTML (right after its tag's name), and the file line it
    /// names: two numbers, where a string of the attribute for each of a 50 MB issue's million
    /// blocks was 24 MB of its build's peak.
    struct Insertion: Equatable {
        let offset: Int
        let line: Int

        /// Calls `body` with the attribute written there (` id="L38"`), made in place: both
        /// passes over a body's pieces ask for it (``BodyRenderer``), and made as a string each
        /// time, the archive's attributes were a seventieth of a cold build's instructions.
        func withAttribute<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in
                buffer[buffer.count - 1] = UInt8(ascii: "\"")
                var start = DecimalDigits.write(line, endingAt: buffer.count - 1, in: buffer)
                for byte in Insertion.attributeStart.reversed() {
                    start -= 1
                    buffer[start] = byte
                }
                return body(UnsafeBufferPointer(rebasing: buffer[start...]))
            }
        }

        /// What comes before the line's number: ``EntryAnchors/id(forLine:)``'s prefix in `id="…"`.
        private static let attributeStart = Array(" id=\"\(EntryAnchors.idPrefix)".utf8)
    }

    /// Where each block's id goes in `html`, rendered from `document`, in order; none when the
    /// tags and the blocks disagree.
    ///
    /// - Parameter lineOffset: how many file lines come before the document's first line (the
    ///   issue's header).
    static func insertions(
        in html: UnsafeBufferPointer<UInt8>, document: MarkdownDocument, lineOffset: Int
    ) -> [Insertion] {
        // For each tag, the file line of every block that writes it, in order; 0 for an
        // occurrence in raw HTML, or for a block whose line already has an id.
        var expected: [[Int32]] = Array(repeating: [], count: tags.count)
        var usedLines = LineSet(lineCount: document.root.range.end.line + lineOffset + 1)
        for node in document.root.descendants {
            let tag: Int
            switch node.kind {
            case .item: tag = 0
            case .blockQuote: tag = 1
            case .paragraph where !isInTightList(node): tag = 2
            case .codeBlock: tag = 3
            case .htmlBlock, .html:
                let literal = Array(node.literal.utf8)
                for (index, tag) in tags.enumerated() {
                    expected[index] += Array(repeating: 0, count: occurrences(of: tag, in: literal))
                }
                continue
            default: continue
            }
            let line = node.range.start.line + lineOffset
            expected[tag].append(usedLines.insert(line) ? Int32(truncatingIfNeeded: line) : 0)
        }
        var cursors = Array(repeating: 0, count: tags.count)
        var insertions: [Insertion] = []
        insertions.reserveCapacity(expected.reduce(0) { $0 + $1.count })
        var position = 0
        while let open = html.firstIndex(of: UInt8(ascii: "<"), from: position) {
            position = open + 1
            guard let tag = tags.firstIndex(where: { html.hasBytes($0, at: open) }) else { continue }
            guard cursors[tag] < expected[tag].count else { return [] }
            let line = Int(expected[tag][cursors[tag]])
            if line != 0 { insertions.append(Insertion(offset: open + tags[tag].count - 1, line: line)) }
            cursors[tag] += 1
        }
        guard cursors == expected.map(\.count) else { return [] }
        return insertions
    }

    /// The file lines whose block has its id: one bit a line (blocks come in the order of their
    /// lines but for footnotes, moved to the end).
    private struct LineSet {
        private var words: [UInt64]

        init(lineCount: Int) {
            words = Array(repeating: 0, count: max(lineCount, 0) / 64 + 1)
        }

        /// Adds `line`; whether it was not there before.
        mutating func insert(_ line: Int) -> Bool {
            guard line >= 0 else { return false }
            let (word, bit) = line.quotientAndRemainder(dividingBy: 64)
            if word >= words.count { words += Array(repeating: 0, count: word + 1 - words.count) }
            let mask = UInt64(1) << UInt64(bit)
            defer { words[word] |= mask }
            return words[word] & mask == 0
        }
    }

    /// Whether `paragraph` is written without `<p>`, as in a tight list.
    private static func isInTightList(_ paragraph: MarkdownNode) -> Bool {
        guard let item = paragraph.parent, item.kind == .item, let list = item.parent else { return false }
        return list.isTight
    }

    private static func occurrences(of needle: [UInt8], in bytes: [UInt8]) -> Int {
        var count = 0
        var position = 0
        while let range = bytes.firstRange(of: needle, from: position) {
            count += 1
            position = range.upperBound
        }
        return count
    }
}
