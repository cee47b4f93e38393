/// One start tag of an HTML document, its name and attributes lower-cased where HTML ignores case.
struct HTMLTag: Hashable, Sendable {
    /// The tag name, lower-cased (`meta`, `link`, `title`); end tags are not tags here.
    var name: String
    /// Attribute names lower-cased, values as written (character references still encoded).
    var attributes: [String: String]

    /// The value of `attribute`, character references decoded and whitespace trimmed.
    func value(_ attribute: String) -> String? {
        attributes[attribute].map(HTMLText.plain)
    }
}

/// Walks the start tags at the top of an HTML document: just enough HTML to read a page's
/// `<head>` without a parser, tolerant of the markup real sites send.
///
/// Comments are skipped, and so are the contents of `<script>` and `<style>`, where a `<` is
/// not a tag. A `<title>`'s text is handed over whole because it is the one element whose
/// content a submission needs.
struct HTMLTagScanner {
    private let bytes: [UInt8]
    private var index = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The next start tag, or `nil` at the end of the document.
    mutating func nextTag() -> HTMLTag? {
        while let open = firstIndex(of: UInt8(ascii: "<"), from: index) {
            index = open + 1
            if hasPrefix("!--", at: index) {
                index = range(of: Array("-->".utf8), from: index + 3)?.upperBound ?? bytes.count
                continue
            }
            guard index < bytes.count, isLetter(bytes[index]) else {
                // An end tag, a declaration or a stray `<`: nothing to read.
                index = firstIndex(of: UInt8(ascii: ">"), from: index).map { $0 + 1 } ?? bytes.count
                continue
            }
            let tag = readTag()
            if tag.name == "script" || tag.name == "style" {
                _ = skip(pastEndTag: tag.name)
            }
            return tag
        }
        index = bytes.count
        return nil
    }

    /// The raw text up to `</name>` (case-insensitive), moving past the end tag; when the end
    /// tag is not within `limit` bytes (an unclosed `<title>`), the first `limit` bytes, and the
    /// scan goes on after them.
    mutating func text(untilEndTag name: String, limit: Int) -> String {
        let start = index
        let end = skip(pastEndTag: name, within: limit)
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Moves past `</name>` and returns where that end tag starts (the end of the document, or
    /// of `within` bytes, when it never comes).
    private mutating func skip(pastEndTag name: String, within limit: Int = .max) -> Int {
        let closing = Array("</\(name)".utf8)
        var from = index
        let stop = limit >= bytes.count - index ? bytes.count : index + limit
        while let found = range(of: closing, from: from, ignoringCase: true, before: stop + closing.count) {
            let after = found.upperBound
            if after >= bytes.count || !isNameByte(bytes[after]) {
                index = firstIndex(of: UInt8(ascii: ">"), from: after).map { $0 + 1 } ?? bytes.count
                return found.lowerBound
            }
            from = after
        }
        index = stop
        return stop
    }

    private mutating func readTag() -> HTMLTag {
        let nameStart = index
        while index < bytes.count, isNameByte(bytes[index]) { index += 1 }
        let name = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
        var attributes: [String: String] = [:]
        while index < bytes.count {
            skipWhitespace()
            guard index < bytes.count else { break }
            let byte = bytes[index]
            if byte == UInt8(ascii: ">") {
                index += 1
                break
            }
            if byte == UInt8(ascii: "/") {
                index += 1
                continue
            }
            let attributeStart = index
            while index < bytes.count, !isSpace(bytes[index]),
                ![UInt8(ascii: "="), UInt8(ascii: ">"), UInt8(ascii: "/")].contains(bytes[index])
            {
                index += 1
            }
            if index == attributeStart {
                index += 1
                continue
            }
            let attribute = String(decoding: bytes[attributeStart..<index], as: UTF8.self).lowercased()
            skipWhitespace()
            var value = ""
            if index < bytes.count, bytes[index] == UInt8(ascii: "=") {
                index += 1
                skipWhitespace()
                value = readValue()
            }
            if attributes[attribute] == nil { attributes[attribute] = value }
        }
        return HTMLTag(name: name, attributes: attributes)
    }

    private mutating func readValue() -> String {
        guard index < bytes.count else { return "" }
        let quote = bytes[index]
        if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
            let start = index + 1
            let end = firstIndex(of: quote, from: start) ?? bytes.count
            index = min(end + 1, bytes.count)
            return String(decoding: bytes[start..<end], as: UTF8.self)
        }
        let start = index
        while index < bytes.count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">") { index += 1 }
        return String(decoding: bytes[start..<index], as: UTF8.self)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
    }

    private func firstIndex(of byte: UInt8, from start: Int) -> Int? {
        guard start < bytes.count else { return nil }
        return bytes[start...].firstIndex(of: byte)
    }

    private func hasPrefix(_ text: String, at position: Int) -> Bool {
        let prefix = Array(text.utf8)
        guard position + prefix.count <= bytes.count else { return false }
        return Array(bytes[position..<position + prefix.count]) == prefix
    }

    private func range(of needle: [UInt8], from start: Int, ignoringCase: Bool = false, before end: Int = .max)
        -> Range<Int>?
    {
        let end = min(end, bytes.count)
        guard !needle.isEmpty, start + needle.count <= end else { return nil }
        var position = start
        while position + needle.count <= end {
            var matches = true
            for offset in 0..<needle.count {
                let byte = bytes[position + offset]
                let folded = ignoringCase ? lowercased(byte) : byte
                if folded != needle[offset] {
                    matches = false
                    break
                }
            }
            if matches { return position..<position + needle.count }
            position += 1
        }
        return nil
    }

    private func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(lowercased(byte))
    }

    private func isNameByte(_ byte: UInt8) -> Bool {
        isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ":")
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D
    }
}
