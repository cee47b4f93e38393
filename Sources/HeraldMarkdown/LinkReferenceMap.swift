/// The link reference definitions of a document, by normalised label.
struct LinkReferenceMap {
    struct Reference {
        /// After backslash escapes and character references are resolved.
        var destination: [UInt8]
        /// After backslash escapes and character references are resolved; empty when there is none.
        var title: [UInt8]
    }

    private var references: [[UInt8]: Reference] = [:]

    /// Whether no definition has been read; lets the inline phase skip label work entirely.
    var isEmpty: Bool { references.isEmpty }

    /// Adds the definitions of `later`, read from text after this map's, whose labels this map
    /// does not define: the first definition of a label wins, as in one reading.
    mutating func add(_ later: LinkReferenceMap) {
        references.merge(later.references) { first, _ in first }
    }

    /// Looks up a label as written between the brackets.
    func reference(for label: some Collection<UInt8>) -> Reference? {
        guard !references.isEmpty else { return nil }
        return references[LinkReferenceMap.normalize(label)]
    }

    /// Case-folds and collapses whitespace, as the spec's label matching requires: leading and
    /// trailing whitespace go, each inner run of whitespace becomes one space, and letters fold so
    /// that `ẞ`, `ß`, `SS` and `ss` all match.
    static func normalize(_ label: some Collection<UInt8>) -> [UInt8] {
        var folded: [UInt8] = []
        folded.reserveCapacity(label.count)
        var pendingSpace = false
        var isASCII = true
        for byte in label {
            if ASCII.isWhitespace(byte) {
                pendingSpace = !folded.isEmpty
                continue
            }
            if pendingSpace {
                folded.append(ASCII.space)
                pendingSpace = false
            }
            if byte >= 0x80 { isASCII = false }
            folded.append(ASCII.lowercased(byte))
        }
        if isASCII { return folded }
        // Lowercasing, uppercasing and lowercasing again reaches the full case folding for the
        // letters where a simple lowercase mapping is not enough (ẞ → ß → SS → ss, ς → Σ → σ).
        let text = String(decoding: folded, as: UTF8.self)
        return Array(text.lowercased().uppercased().lowercased().utf8)
    }

    /// Reads the link reference definitions at the start of a paragraph's text, adds them to the
    /// map (the first definition of a label wins) and returns how many bytes they took.
    mutating func consumeDefinitions(atStartOf buffer: UnsafeBufferPointer<UInt8>) -> Int {
        var consumed = 0
        while consumed < buffer.count, let end = readDefinition(in: buffer, at: consumed) {
            consumed = end
        }
        return consumed
    }

    /// Reads one definition starting at `start`; returns the index past its line ending (or the end
    /// of the text), or `nil` when no definition starts there.
    private mutating func readDefinition(in bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
        var index = start
        while index < bytes.count, index - start < 3, bytes[index] == ASCII.space { index += 1 }
        guard let label = LinkSyntax.label(in: bytes, at: index), LinkSyntax.hasContent(bytes, label.content) else {
            return nil
        }
        index = label.end
        guard index < bytes.count, bytes[index] == ASCII.colon else { return nil }
        index = LinkSyntax.skipSpacesAndOneNewline(in: bytes, from: index + 1)
        guard let destination = LinkSyntax.destination(in: bytes, at: index, allowsEmpty: false) else {
            return nil
        }
        let beforeTitle = destination.end
        var title: Range<Int>? = nil
        var end: Int? = nil
        let titleStart = LinkSyntax.skipSpacesAndOneNewline(in: bytes, from: beforeTitle)
        if titleStart > beforeTitle, let scanned = LinkSyntax.title(in: bytes, at: titleStart) {
            if let lineEnd = Self.endOfBlankRest(in: bytes, from: scanned.end) {
                title = scanned.content
                end = lineEnd
            }
        }
        if end == nil {
            // No title, or a title followed by more text: the definition may still end at the
            // destination, when nothing else follows it on its line.
            guard let lineEnd = Self.endOfBlankRest(in: bytes, from: beforeTitle) else { return nil }
            end = lineEnd
        }
        let key = Self.normalize(UnsafeBufferPointer(rebasing: bytes[label.content]))
        if references[key] == nil {
            var reference = Reference(destination: [], title: [])
            LinkSyntax.appendUnescaped(bytes, destination.content, to: &reference.destination)
            if let title { LinkSyntax.appendUnescaped(bytes, title, to: &reference.title) }
            references[key] = reference
        }
        return end
    }

    /// When only spaces and tabs remain on the line from `start`, the index past its line ending.
    private static func endOfBlankRest(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let index = LinkSyntax.skipSpaces(in: bytes, from: start)
        if index == bytes.count { return index }
        return bytes[index] == ASCII.newline ? index + 1 : nil
    }
}
