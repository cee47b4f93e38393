extension HTMLWriter {
    /// Appends the tree's text `span` with `&`, `<`, `>` and `"` escaped.
    mutating func escapeHTML(_ span: TextSpan) {
        let tree = tree
        tree.withBytes(of: span) { escapeHTML($0) }
    }

    /// Appends the tree's text `span` as a URL (see ``escapeHref(_:)-(UnsafeBufferPointer<UInt8>)``).
    mutating func escapeHref(_ span: TextSpan) {
        let tree = tree
        tree.withBytes(of: span) { escapeHref($0) }
    }

    /// Appends the tree's text `span` as raw HTML (see ``putRawHTML(_:)-(UnsafeBufferPointer<UInt8>)``).
    mutating func putRawHTML(_ span: TextSpan) {
        let tree = tree
        tree.withBytes(of: span) { putRawHTML($0) }
    }

    /// Appends text with `&`, `<`, `>` and `"` escaped; the bytes between them are found a word at
    /// a time.
    mutating func escapeHTML(_ buffer: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        var index = 0
        let count = buffer.count
        while index < count {
            index = WordScan.firstIndex(
                in: buffer, from: index,
                wordMayMatch: {
                    WordScan.hasByte(ASCII.ampersand, in: $0) || WordScan.hasByte(ASCII.lessThan, in: $0)
                        || WordScan.hasByte(ASCII.greaterThan, in: $0) || WordScan.hasByte(ASCII.quote, in: $0)
                },
                byteMatches: { $0 <= ASCII.greaterThan && HTMLWriter.needsEscape($0) })
            guard index < count else { break }
            let byte = buffer[index]
            if runStart < index {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
            }
            switch byte {
            case ASCII.ampersand: put("&amp;")
            case ASCII.lessThan: put("&lt;")
            case ASCII.greaterThan: put("&gt;")
            default: put("&quot;")
            }
            index += 1
            runStart = index
        }
        if runStart < count { output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<count])) }
    }

    @inline(__always)
    static func needsEscape(_ byte: UInt8) -> Bool {
        byte == ASCII.ampersand || byte == ASCII.lessThan || byte == ASCII.greaterThan || byte == ASCII.quote
    }

    /// Appends a URL for an `href` or `src`: characters a URL may hold stay, `&` and `'` become entities,
    /// everything else is percent-encoded.
    mutating func escapeHref(_ buffer: UnsafeBufferPointer<UInt8>) {
        let hex: StaticString = "0123456789ABCDEF"
        var runStart = 0
        var index = 0
        let count = buffer.count
        while index < count {
            let byte = buffer[index]
            if HTMLWriter.isSafeInHref(byte) {
                index += 1
                continue
            }
            if runStart < index {
                output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<index]))
            }
            if byte == ASCII.ampersand {
                put("&amp;")
            } else if byte == ASCII.apostrophe {
                put("&#x27;")
            } else {
                output.append(0x25)
                output.append(hex.utf8Start[Int(byte >> 4)])
                output.append(hex.utf8Start[Int(byte & 0x0F)])
            }
            index += 1
            runStart = index
        }
        if runStart < count { output.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[runStart..<count])) }
    }

    /// Bytes that stay as they are in a URL attribute: letters, digits and `-_.+!*(),%#@?=;:/$~`.
    private static let hrefSafe: [Bool] = (0..<256).map { value in
        let byte = UInt8(value)
        return ASCII.isAlphanumeric(byte) || "-_.+!*(),%#@?=;:/$~".utf8.contains(byte)
    }

    @inline(__always)
    static func isSafeInHref(_ byte: UInt8) -> Bool {
        hrefSafe.withUnsafeBufferPointer { $0[Int(byte)] }
    }

    /// Appends raw HTML, with the tag filter applied when that extension is on.
    mutating func putRawHTML(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard filtersTags, bytes.contains(ASCII.lessThan) else {
            output.append(contentsOf: bytes)
            return
        }
        for index in bytes.indices {
            if bytes[index] == ASCII.lessThan
                && TagFilter.isDisallowedTag(UnsafeBufferPointer(rebasing: bytes[index...]))
            {
                put("&lt;")
            } else {
                output.append(bytes[index])
            }
        }
    }
}

/// GFM's tag filter: the tags whose `<` is escaped so they cannot act in a page.
enum TagFilter {
    private static let names: [[UInt8]] = [
        "title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext",
    ].map { Array($0.utf8) }

    /// Whether `bytes`, which start with `<`, open or close one of the filtered tags.
    static func isDisallowedTag(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 1
        if index < bytes.count && bytes[index] == ASCII.slash { index += 1 }
        for name in names {
            let end = index + name.count
            guard end < bytes.count else { continue }
            guard bytes[index..<end].map(ASCII.lowercased).elementsEqual(name) else { continue }
            let after = bytes[end]
            if ASCII.isWhitespace(after) || after == ASCII.greaterThan { return true }
            if after == ASCII.slash && end + 1 < bytes.count && bytes[end + 1] == ASCII.greaterThan { return true }
        }
        return false
    }
}
