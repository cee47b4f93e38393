import Foundation
import HeraldMarkdown

/// Finds the ``ForeignConstruct``s in an issue body: the one place that decides what is another
/// generator's syntax, for the check that reports it and for the body every output renders.
///
/// The body is parsed first so that code blocks and code spans, where `{{` and `<Tabs>` are what
/// the writer means to show, are passed over. Only the shapes below count, so that prose about
/// braces or a Rust `Vec<T>` in a Markdown file is never taken for a template:
///
/// - Hugo `{{< name … >}}` and `{{% name … %}}`, closing `{{< /name >}}`;
/// - Zola `{{ name(…) }}`, `{% name(…) %}` and `{% end %}`;
/// - Handlebars `{{> partial}}`;
/// - in an MDX file only, `import`/`export` statements starting a top-level paragraph, and JSX tags
///   whose name starts with a capital letter.
///
/// A construct ends on its own closing marks before the next blank line; an opening without them
/// is left as text. Each stretch of the body is looked at a bounded number of times, so a huge or
/// hostile line costs linear time.
package struct ForeignSyntaxScanner {
    private let bytes: [UInt8]
    private let isMDX: Bool
    /// The offset where each line starts; `lineStarts[0]` is line 1.
    private let lineStarts: [Int]
    /// Offsets where blank lines start, ascending: no construct crosses one.
    private let blankLines: [Int]
    /// The last search for each closing mark, reused while the scan stays before its answer.
    private var searches: [[UInt8]: (from: Int, found: Int?)] = [:]

    /// The constructs in `body`, in order; `isMDX` for a `.mdx` file, whose statements and
    /// components count too.
    package static func constructs(in body: Substring, isMDX: Bool) -> [ForeignConstruct] {
        guard isMDX || mayHoldTemplates(body) else { return [] }
        var scanner = ForeignSyntaxScanner(bytes: Array(body.utf8), isMDX: isMDX)
        return scanner.scan()
    }

    /// Whether `{{` or `{%` occurs at all: most bodies hold neither, and need no parse.
    ///
    /// Every issue is asked at every build, so the bytes are read in place, `{` by `{` with
    /// `memchr` (a byte-by-byte loop was a tenth of a rebuild that found nothing changed).
    private static func mayHoldTemplates(_ body: Substring) -> Bool {
        func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let base = bytes.baseAddress else { return false }
            var start = 0
            // A brace is looked for where a byte can follow it.
            while start < bytes.count - 1 {
                guard let found = memchr(base + start, Int32(ASCIIByte.openBrace), bytes.count - 1 - start) else {
                    return false
                }
                let index = UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
                if bytes[index + 1] == ASCIIByte.openBrace || bytes[index + 1] == ASCIIByte.percent { return true }
                start = index + 1
            }
            return false
        }
        return body.withUTF8Bytes(scan)
    }

    private init(bytes: [UInt8], isMDX: Bool) {
        self.bytes = bytes
        self.isMDX = isMDX
        var starts = [0]
        var blanks: [Int] = []
        var lineIsBlank = true
        for (offset, byte) in bytes.enumerated() {
            if byte == ASCIIByte.newline {
                if lineIsBlank { blanks.append(starts[starts.count - 1]) }
                starts.append(offset + 1)
                lineIsBlank = true
            } else if byte != ASCIIByte.space && byte != ASCIIByte.tab && byte != ASCIIByte.carriageReturn {
                lineIsBlank = false
            }
        }
        lineStarts = starts
        blankLines = blanks
    }

    private mutating func scan() -> [ForeignConstruct] {
        let document = MarkdownDocument(parsing: bytes, options: .issue)
        var passedOver = codeRanges(in: document)
        var found: [ForeignConstruct] = []
        if isMDX {
            for statement in statements(in: document) {
                found.append(statement)
                passedOver.append(statement.range)
            }
        }
        passedOver.sort { $0.lowerBound < $1.lowerBound }
        var skip = passedOver.makeIterator()
        var nextSkip = skip.next()
        var index = 0
        while index < bytes.count {
            if let range = nextSkip, index >= range.lowerBound {
                index = max(index, range.upperBound)
                nextSkip = skip.next()
                continue
            }
            let byte = bytes[index]
            if byte == ASCIIByte.openBrace, let construct = template(at: index) {
                found.append(construct)
                index = construct.range.upperBound
            } else if byte == ASCIIByte.lessThan && isMDX {
                switch jsxTag(at: index) {
                case .tag(let construct):
                    found.append(construct)
                    index = construct.range.upperBound
                case .unterminated(let resume):
                    index = resume
                case .none:
                    index += 1
                }
            } else {
                index += 1
            }
        }
        return found.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    // MARK: Code

    /// The byte ranges of code blocks (whole lines, fences included) and code spans.
    private func codeRanges(in document: MarkdownDocument) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for node in document.root.descendants {
            switch node.kind {
            case .codeBlock:
                ranges.append(offset(ofLine: node.range.start.line)..<offset(ofLine: node.range.end.line + 1))
            case .code:
                let start = offset(of: node.range.start)
                ranges.append(start..<max(start, min(offset(of: node.range.end) + 1, bytes.count)))
            default:
                break
            }
        }
        return ranges
    }

    private func offset(ofLine line: Int) -> Int {
        line - 1 < lineStarts.count ? lineStarts[max(line - 1, 0)] : bytes.count
    }

    private func offset(of location: SourceLocation) -> Int {
        min(offset(ofLine: location.line) + max(location.column - 1, 0), bytes.count)
    }

    private func location(of offset: Int) -> SourceLocation {
        SourceLocation(offset: offset, lineStarts: lineStarts)
    }

    /// Where the stretch starting at `offset` must end: the next blank line, or the end.
    private func limit(after offset: Int) -> Int {
        var low = 0
        var high = blankLines.count
        while low < high {
            let middle = (low + high) / 2
            if blankLines[middle] <= offset { low = middle + 1 } else { high = middle }
        }
        return low < blankLines.count ? blankLines[low] : bytes.count
    }

    /// The first `mark` at or after `start`. The scan only moves forward, so an earlier search
    /// still answers while `start` has not passed what it found.
    private mutating func find(_ mark: [UInt8], from start: Int) -> Int? {
        if let last = searches[mark], start >= last.from, start <= (last.found ?? Int.max) {
            return last.found
        }
        var found: Int?
        var index = start
        while index + mark.count <= bytes.count {
            if bytes[index] == mark[0] && bytes[index..<(index + mark.count)].elementsEqual(mark) {
                found = index
                break
            }
            index += 1
        }
        searches[mark] = (start, found)
        return found
    }

    private func make(_ kind: ForeignConstruct.Kind, _ name: ArraySlice<UInt8>, _ range: Range<Int>) -> ForeignConstruct
    {
        ForeignConstruct(
            kind: kind, name: String(decoding: name, as: UTF8.self), range: range,
            location: location(of: range.lowerBound))
    }

    // MARK: Shortcodes

    private static let hugoAngle = Array(">}}".utf8)
    private static let hugoPercent = Array("%}}".utf8)
    private static let doubleBrace = Array("}}".utf8)
    private static let blockEnd = Array("%}".utf8)

    /// A shortcode or partial starting at the `{` at `start`.
    private mutating func template(at start: Int) -> ForeignConstruct? {
        guard start + 2 < bytes.count else { return nil }
        let kind: ForeignConstruct.Kind
        let mark: [UInt8]
        var innerStart = start + 2
        switch (bytes[start + 1], bytes[start + 2]) {
        case (ASCIIByte.openBrace, ASCIIByte.lessThan):
            (kind, mark) = (.hugoShortcode, Self.hugoAngle)
            innerStart += 1
        case (ASCIIByte.openBrace, ASCIIByte.percent):
            (kind, mark) = (.hugoShortcode, Self.hugoPercent)
            innerStart += 1
        case (ASCIIByte.openBrace, ASCIIByte.greaterThan):
            (kind, mark) = (.handlebarsPartial, Self.doubleBrace)
            innerStart += 1
        case (ASCIIByte.openBrace, _):
            (kind, mark) = (.zolaShortcode, Self.doubleBrace)
        case (ASCIIByte.percent, _):
            (kind, mark) = (.zolaShortcode, Self.blockEnd)
        default:
            return nil
        }
        guard let close = find(mark, from: innerStart), close < limit(after: start) else { return nil }
        let inner = Self.trimmed(bytes[innerStart..<close])
        let name: ArraySlice<UInt8>?
        switch kind {
        case .hugoShortcode: name = Self.hugoName(in: inner)
        case .handlebarsPartial: name = Self.word(at: inner)
        default: name = Self.zolaName(in: inner, allowingEnd: mark == Self.blockEnd)
        }
        guard let name, !name.isEmpty else { return nil }
        return make(kind, name, start..<(close + mark.count))
    }

    /// `name` of `name args`, `/name`, or the escaped `/* name */` Hugo's documentation writes.
    private static func hugoName(in inner: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        var text = inner
        if text.starts(with: "/*".utf8) && text.reversed().starts(with: "/*".utf8) && text.count >= 4 {
            text = trimmed(text.dropFirst(2).dropLast(2))
        }
        if text.first == ASCIIByte.slash { text = trimmed(text.dropFirst()) }
        guard let first = text.first, isNameStart(first) else { return nil }
        return word(at: text)
    }

    /// `name` of `name(args)` (the call Zola's shortcodes are), or `end` when `allowingEnd`.
    private static func zolaName(in inner: ArraySlice<UInt8>, allowingEnd: Bool) -> ArraySlice<UInt8>? {
        if allowingEnd && inner.elementsEqual("end".utf8) { return inner }
        guard let first = inner.first, isNameStart(first), inner.last == ASCIIByte.rightParen else { return nil }
        let name = inner.prefix { isNameStart($0) || ASCIIByte.isDigit($0) }
        let rest = trimmed(inner[name.endIndex...])
        return rest.first == ASCIIByte.leftParen ? name : nil
    }

    /// The run of bytes up to the first space, tab or line end.
    private static func word(at text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        text.prefix { !ASCIIByte.isWhitespace($0) }
    }

    private static func isNameStart(_ byte: UInt8) -> Bool {
        ASCIIByte.isLetter(byte) || byte == ASCIIByte.underscore
    }

    private static func trimmed(_ text: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        guard let first = text.firstIndex(where: { !ASCIIByte.isWhitespace($0) }),
            let last = text.lastIndex(where: { !ASCIIByte.isWhitespace($0) })
        else { return text[text.endIndex...] }
        return text[first...last]
    }

    // MARK: MDX

    private enum TagScan {
        case tag(ForeignConstruct)
        /// An opening that never closes before `resume`, where the scan goes on.
        case unterminated(resume: Int)
    }

    /// A JSX tag with a capitalised name at the `<` at `start`: `<Tabs>`, `</Tabs>`, `<A.B x="1" />`.
    /// Attribute values in quotes and `{…}` expressions may hold `>` and span lines.
    private func jsxTag(at start: Int) -> TagScan? {
        var index = start + 1
        if index < bytes.count && bytes[index] == ASCIIByte.slash { index += 1 }
        guard index < bytes.count, ASCIIByte.isUppercase(bytes[index]) else { return nil }
        let nameStart = index
        while index < bytes.count && Self.isTagNameByte(bytes[index]) { index += 1 }
        let name = bytes[nameStart..<index]
        guard index < bytes.count,
            ASCIIByte.isWhitespace(bytes[index]) || bytes[index] == ASCIIByte.slash
                || bytes[index] == ASCIIByte.greaterThan
        else { return nil }
        let end = limit(after: start)
        var depth = 0
        var quote: UInt8?
        while index < end {
            let byte = bytes[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == ASCIIByte.quote || byte == ASCIIByte.apostrophe {
                quote = byte
            } else if byte == ASCIIByte.openBrace {
                depth += 1
            } else if byte == ASCIIByte.closeBrace {
                depth -= 1
            } else if depth == 0 && byte == ASCIIByte.greaterThan {
                return .tag(make(.jsx, name, start..<(index + 1)))
            } else if depth == 0 && byte == ASCIIByte.lessThan {
                return nil
            }
            index += 1
        }
        return .unterminated(resume: end)
    }

    private static func isTagNameByte(_ byte: UInt8) -> Bool {
        ASCIIByte.isLetter(byte) || ASCIIByte.isDigit(byte) || byte == ASCIIByte.dot || byte == ASCIIByte.underscore
            || byte == ASCIIByte.dash || byte == ASCIIByte.colon
    }

    /// The `import` and `export` statements MDX runs: each top-level paragraph that starts with
    /// one at its line's start is statements up to where they end (``statementEnd(from:)``).
    private func statements(in document: MarkdownDocument) -> [ForeignConstruct] {
        var found: [ForeignConstruct] = []
        for block in document.root.children where block.kind == .paragraph && block.range.start.column == 1 {
            var start = offset(ofLine: block.range.start.line)
            // A paragraph inside a statement that ran past its own paragraph is part of that statement.
            if let last = found.last, start < last.range.upperBound { continue }
            let blockEnd = offset(ofLine: block.range.end.line + 1)
            while start < blockEnd, let keyword = statementKeyword(at: start) {
                let end = statementEnd(from: start)
                found.append(make(.esm, keyword, start..<end))
                start = end < bytes.count ? end + 1 : end
            }
        }
        return found
    }

    private static let keywords = [Array("import".utf8), Array("export".utf8)]

    /// `import` or `export` when a statement starts at `start`: the word, then a space, `{` or `*`.
    private func statementKeyword(at start: Int) -> ArraySlice<UInt8>? {
        for keyword in Self.keywords {
            let after = start + keyword.count
            guard after < bytes.count, bytes[start..<after].elementsEqual(keyword) else { continue }
            let next = bytes[after]
            if ASCIIByte.isWhitespace(next) || next == ASCIIByte.openBrace || next == ASCIIByte.star {
                return bytes[start..<after]
            }
        }
        return nil
    }

    /// The end (before its line end) of the statement starting at `start`: the first line end where
    /// its brackets are closed and the next line does not carry it on (by starting indented, with a
    /// closing bracket, `.` or `from`, or after a line ending in `,`, `=`, `=>` or an open bracket).
    private func statementEnd(from start: Int) -> Int {
        var depth = 0
        var index = start
        while true {
            var quote: UInt8?
            var last: UInt8 = 0
            while index < bytes.count && bytes[index] != ASCIIByte.newline {
                let byte = bytes[index]
                if let open = quote {
                    if byte == open { quote = nil }
                } else if byte == ASCIIByte.quote || byte == ASCIIByte.apostrophe || byte == ASCIIByte.backtick {
                    quote = byte
                } else if byte == ASCIIByte.openBrace || byte == ASCIIByte.leftParen || byte == ASCIIByte.leftBracket {
                    depth += 1
                } else if byte == ASCIIByte.closeBrace || byte == ASCIIByte.rightParen
                    || byte == ASCIIByte.rightBracket
                {
                    depth -= 1
                }
                if !ASCIIByte.isWhitespace(byte) { last = byte }
                index += 1
            }
            guard index < bytes.count else { return index }
            let next = index + 1
            if depth > 0 || Self.continuesAfter(last) || continues(atLine: next) {
                index = next
            } else {
                return index
            }
        }
    }

    private static func continuesAfter(_ last: UInt8) -> Bool {
        [
            ASCIIByte.comma, ASCIIByte.equals, ASCIIByte.greaterThan, ASCIIByte.openBrace, ASCIIByte.leftParen,
            ASCIIByte.leftBracket,
        ].contains(last)
    }

    private func continues(atLine start: Int) -> Bool {
        guard start < bytes.count, limit(after: start - 1) != start else { return false }
        let first = bytes[start]
        return ASCIIByte.isWhitespace(first) || first == ASCIIByte.closeBrace || first == ASCIIByte.rightParen
            || first == ASCIIByte.rightBracket || first == ASCIIByte.dot
            || bytes[start...].starts(with: "from ".utf8)
    }
}

/// The bytes the scanner looks for; every construct's marks are ASCII.
private enum ASCIIByte {
    static let tab = UInt8(ascii: "\t")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")
    static let quote = UInt8(ascii: "\"")
    static let percent = UInt8(ascii: "%")
    static let apostrophe = UInt8(ascii: "'")
    static let leftParen = UInt8(ascii: "(")
    static let rightParen = UInt8(ascii: ")")
    static let star = UInt8(ascii: "*")
    static let comma = UInt8(ascii: ",")
    static let dash = UInt8(ascii: "-")
    static let dot = UInt8(ascii: ".")
    static let slash = UInt8(ascii: "/")
    static let colon = UInt8(ascii: ":")
    static let lessThan = UInt8(ascii: "<")
    static let equals = UInt8(ascii: "=")
    static let greaterThan = UInt8(ascii: ">")
    static let leftBracket = UInt8(ascii: "[")
    static let rightBracket = UInt8(ascii: "]")
    static let underscore = UInt8(ascii: "_")
    static let backtick = UInt8(ascii: "`")
    static let openBrace = UInt8(ascii: "{")
    static let closeBrace = UInt8(ascii: "}")

    static func isWhitespace(_ byte: UInt8) -> Bool { byte == space || (0x09...0x0D).contains(byte) }
    static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }
    static func isUppercase(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) }
    static func isLetter(_ byte: UInt8) -> Bool { isUppercase(byte) || (0x61...0x7A).contains(byte) }
}
