import HeraldMarkdown

/// Finds the line and column of every key and table header in a TOML document.
///
/// TOMLKit gives values but not where they were written, and a configuration error that does
/// not say which line is half an error. This scanner reads just enough TOML to know where each
/// key path starts: table headers, dotted and quoted keys, and the strings, arrays and inline
/// tables it must skip over (including multi-line ones). It trusts TOMLKit to have rejected
/// invalid documents first.
struct TOMLKeyLocator: Sendable {
    private var locations: [[String]: SourceLocation] = [:]

    init(text: String) {
        var scanner = Scanner(bytes: Array(text.utf8))
        var table: [String] = []
        while !scanner.isAtEnd {
            scanner.skipWhitespaceAndComments()
            guard let byte = scanner.peek() else { break }
            let start = scanner.location
            if byte == UInt8(ascii: "[") {
                scanner.advance()
                let isArrayTable = scanner.peek() == UInt8(ascii: "[")
                if isArrayTable { scanner.advance() }
                table = scanner.keyPath()
                if locations[table] == nil { locations[table] = start }
                scanner.skipRestOfLine()
            } else if byte == UInt8(ascii: "\n") {
                scanner.advance()
            } else {
                let key = scanner.keyPath()
                for length in 1...max(key.count, 1) where !key.isEmpty {
                    let path = table + key.prefix(length)
                    if locations[path] == nil { locations[path] = start }
                }
                if scanner.peek() == UInt8(ascii: "=") {
                    scanner.advance()
                    scanner.skipValue()
                }
                scanner.skipRestOfLine()
            }
        }
    }

    /// Where the key (or table header) at `path` was first written, if it was.
    func location(of path: [String]) -> SourceLocation? {
        locations[path]
    }

    private struct Scanner {
        let bytes: [UInt8]
        var offset = 0
        var line = 1
        var lineStart = 0

        init(bytes: [UInt8]) {
            self.bytes = bytes
        }

        var isAtEnd: Bool { offset >= bytes.count }
        var location: SourceLocation { SourceLocation(line: line, column: offset - lineStart + 1) }

        func peek(_ ahead: Int = 0) -> UInt8? {
            offset + ahead < bytes.count ? bytes[offset + ahead] : nil
        }

        mutating func advance() {
            if bytes[offset] == UInt8(ascii: "\n") {
                line += 1
                lineStart = offset + 1
            }
            offset += 1
        }

        mutating func skipSpaces() {
            while let byte = peek(),
                byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
            {
                advance()
            }
        }

        mutating func skipWhitespaceAndComments() {
            skipSpaces()
            if peek() == UInt8(ascii: "#") { skipRestOfLine() }
        }

        /// Skips to the start of the next line.
        mutating func skipRestOfLine() {
            while let byte = peek() {
                advance()
                if byte == UInt8(ascii: "\n") { return }
            }
        }

        /// Reads `a.b."c d"` up to `=` or `]`, leaving the scanner on that character.
        mutating func keyPath() -> [String] {
            var path: [String] = []
            while true {
                skipSpaces()
                guard let byte = peek() else { return path }
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    path.append(quotedString())
                } else {
                    var key: [UInt8] = []
                    while let next = peek(), next.isKeyCharacter {
                        key.append(next)
                        advance()
                    }
                    guard !key.isEmpty else { return path }
                    path.append(String(decoding: key, as: UTF8.self))
                }
                skipSpaces()
                guard peek() == UInt8(ascii: ".") else { return path }
                advance()
            }
        }

        /// Reads a one-line basic or literal string, returning its (unescaped) contents.
        mutating func quotedString() -> String {
            let quote = bytes[offset]
            advance()
            var contents: [UInt8] = []
            while let byte = peek(), byte != quote, byte != UInt8(ascii: "\n") {
                if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\"), let escaped = peek(1) {
                    advance()
                    advance()
                    contents.append(TOMLKeyLocator.unescaped(escaped))
                    continue
                }
                contents.append(byte)
                advance()
            }
            if peek() == quote { advance() }
            return String(decoding: contents, as: UTF8.self)
        }

        /// Skips one value: a scalar, a (multi-line) string, an array or an inline table.
        mutating func skipValue() {
            var depth = 0
            while let byte = peek() {
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    skipString()
                    continue
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    depth += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    depth -= 1
                case UInt8(ascii: "#"):
                    if depth <= 0 { return }
                    skipRestOfLine()
                    continue
                case UInt8(ascii: "\n") where depth <= 0:
                    return
                default:
                    break
                }
                advance()
            }
        }

        /// Skips a string of any of TOML's four kinds, multi-line ones included.
        mutating func skipString() {
            let quote = bytes[offset]
            let isMultiline = peek(1) == quote && peek(2) == quote
            if isMultiline {
                advance()
                advance()
                advance()
                while !isAtEnd {
                    if quote == UInt8(ascii: "\""), peek() == UInt8(ascii: "\\") {
                        advance()
                        if !isAtEnd { advance() }
                        continue
                    }
                    if peek() == quote, peek(1) == quote, peek(2) == quote {
                        advance()
                        advance()
                        advance()
                        // A closing delimiter may be followed by up to two more quotes.
                        while peek() == quote { advance() }
                        return
                    }
                    advance()
                }
            } else {
                _ = quotedString()
            }
        }
    }

    private static func unescaped(_ byte: UInt8) -> UInt8 {
        switch byte {
        case UInt8(ascii: "n"): UInt8(ascii: "\n")
        case UInt8(ascii: "t"): UInt8(ascii: "\t")
        default: byte
        }
    }
}
