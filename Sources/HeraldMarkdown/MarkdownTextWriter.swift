/// Writes text into Markdown so that it renders as that same text, escaping only what would change
/// the rendering where it is written: link text, text in the middle of a line, code spans, link
/// titles and destinations.
///
/// Gathered titles ("Tracking Issue for `dropping_{references,copy_types}`", "Allow #[must_use] on
/// associated types") are written as editors write them by hand: an underscore inside a word, a
/// balanced pair of brackets or a lone `*` cannot start markup, so they stay as they are, and a
/// backslash inside a code span would show on the page, so code spans are never escaped. Only what
/// the parser would read as markup gets a backslash: a pair of emphasis delimiters that could
/// match, a bracket pair followed by `(` or `[`, a bracket the link text cannot hold, `<` before a
/// tag or autolink, `&` before an entity, a backslash before punctuation, a backtick run that would
/// close a code span. The engine's own parser checks this in the tests.
package struct MarkdownTextWriter: Sendable {
    /// The extensions the Markdown will be read with; `~` is escaped only with strikethrough.
    package var extensions: Set<MarkdownExtension>

    package init(extensions: Set<MarkdownExtension> = MarkdownExtension.gfm) {
        self.extensions = extensions
    }

    /// `text` as plain text in the middle of a line, white space collapsed to single spaces.
    ///
    /// At the start of a line a `#`, `>` or list marker would still begin a block: write something
    /// before it. Bare web addresses become links under GitHub's autolink extension whatever is
    /// escaped.
    package func text(_ text: String) -> String {
        Self.isPlain(text) ? text : escaped(Self.oneLine(text), inLink: false, keepingCodeSpans: false)
    }

    /// `text` as the text of a link, `[…](…)`, white space collapsed to single spaces.
    package func linkText(_ text: String) -> String {
        Self.isPlain(text) ? text : escaped(Self.oneLine(text), inLink: true, keepingCodeSpans: false)
    }

    /// `text` as link text where backtick spans are code, as GitHub shows issue titles: the code
    /// spans are written as they are, the text around them escaped as ``linkText(_:)`` does.
    package func linkText(keepingCodeSpans text: String) -> String {
        escaped(Self.oneLine(text), inLink: true, keepingCodeSpans: true)
    }

    /// `code` as a code span, fenced with one backtick more than its longest run and padded with a
    /// space where the content would otherwise lose or merge one. Empty code gives an empty string:
    /// Markdown has no empty code span.
    package func codeSpan(_ code: String) -> String {
        let content = code.map { $0 == "\n" || $0 == "\r" || $0 == "\r\n" ? " " : String($0) }.joined()
        guard !content.isEmpty else { return "" }
        var longest = 0
        var run = 0
        for character in content {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let fence = String(repeating: "`", count: longest + 1)
        let allSpaces = content.allSatisfy { $0 == " " }
        let pad =
            content.first == "`" || content.last == "`"
            || (!allSpaces && content.first == " " && content.last == " ")
        return fence + (pad ? " " + content + " " : content) + fence
    }

    /// `title` as a link title, in double quotes: `"…"`.
    package func linkTitle(_ title: String) -> String {
        let scalars = Array(Self.oneLine(title).unicodeScalars)
        var result = "\""
        for (index, scalar) in scalars.enumerated() {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            if scalar == "\"" || (scalar == "\\" && (next.map(Self.isASCIIPunctuation) ?? true))
                || (scalar == "&" && Self.startsEntity(scalars, at: index))
            {
                result.unicodeScalars.append("\\")
            }
            result.unicodeScalars.append(scalar)
        }
        return result + "\""
    }

    /// `url` as a link destination inside `(…)`: white space, angle brackets, backslashes and
    /// unbalanced parentheses percent-encoded, an `&` that would read as an entity escaped.
    package func destination(_ url: String) -> String {
        var url = url
        guard url.withUTF8({ $0.contains(where: Self.mayChangeInDestination) }) else { return url }
        let scalars = Array(url.trimmingASCIIWhitespace().unicodeScalars)
        var depth = 0
        var balanced = true
        for scalar in scalars {
            if scalar == "(" { depth += 1 }
            if scalar == ")" {
                depth -= 1
                if depth < 0 { balanced = false }
            }
        }
        balanced = balanced && depth == 0
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case " ", "<", ">", "\\", "`":
                result += Self.percentEncoded(scalar)
            case "(" where !balanced, ")" where !balanced:
                result += Self.percentEncoded(scalar)
            case "&" where Self.startsEntity(scalars, at: index):
                result += "\\&"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += Self.percentEncoded(scalar)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }

    /// `%XX` for an ASCII scalar.
    private static func percentEncoded(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "%" + (hex.count == 1 ? "0" : "") + hex
    }

    /// `[text](url)`, or the text alone without an address; with `keepingCodeSpans`, the text's
    /// backtick spans stay code.
    package func link(_ text: String, to url: String?, keepingCodeSpans: Bool = false) -> String {
        guard let url, !url.isEmpty else {
            return keepingCodeSpans
                ? escaped(Self.oneLine(text), inLink: false, keepingCodeSpans: true) : self.text(text)
        }
        let label = keepingCodeSpans ? linkText(keepingCodeSpans: text) : linkText(text)
        return "[\(label)](\(destination(url)))"
    }
}

extension MarkdownTextWriter {
    /// Whether `text` is written as it is, in text or link text: one line with single spaces
    /// between words and no byte that could be markup. Most gathered titles and names are, and
    /// a section may write hundreds of thousands of them.
    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isPlain)
    }

    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous = ASCII.space
        for byte in bytes {
            switch byte {
            case ASCII.space where previous == ASCII.space: return false
            case ASCII.tab...ASCII.carriageReturn, ASCII.backslash, ASCII.lessThan, ASCII.ampersand, ASCII.backtick,
                ASCII.leftBracket, ASCII.rightBracket, ASCII.star, ASCII.underscore, ASCII.tilde:
                return false
            default: previous = byte
            }
        }
        return previous != ASCII.space
    }

    /// Whether a byte of a link destination may be encoded or escaped: white space and control
    /// characters, angle brackets, backslashes, backticks, parentheses and `&`.
    static func mayChangeInDestination(_ byte: UInt8) -> Bool {
        byte <= ASCII.space || byte == 0x7F || byte == ASCII.lessThan || byte == ASCII.greaterThan
            || byte == ASCII.backslash || byte == ASCII.backtick || byte == ASCII.leftParen
            || byte == ASCII.rightParen || byte == ASCII.ampersand
    }

    /// `text` on one line: every run of ASCII white space one space, none at either end.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isASCII && $0.isWhitespace }).joined(separator: " ")
    }

    /// The escaped text: which scalars need a backslash is decided over the whole text, since
    /// a delimiter or bracket is markup only when its partner is there too.
    private func escaped(_ text: String, inLink: Bool, keepingCodeSpans: Bool) -> String {
        let scalars = Array(text.unicodeScalars)
        let code = keepingCodeSpans ? Self.codeSpans(in: scalars) : Array(repeating: false, count: scalars.count)
        var escape = Array(repeating: false, count: scalars.count)
        for index in scalars.indices where !code[index] {
            let next = index + 1 < scalars.count ? scalars[index + 1] : nil
            switch scalars[index] {
            case "\\": escape[index] = next.map(Self.isASCIIPunctuation) ?? true
            case "<": escape[index] = next.map { Self.isASCIILetter($0) || "/!?".unicodeScalars.contains($0) } ?? false
            case "&": escape[index] = Self.startsEntity(scalars, at: index)
            default: break
            }
        }
        if !keepingCodeSpans { Self.markClosingBacktickRuns(scalars, escape: &escape) }
        Self.markBrackets(scalars, code: code, inLink: inLink, escape: &escape)
        var delimiters: [Unicode.Scalar] = ["*", "_"]
        if extensions.contains(.strikethrough) { delimiters.append("~") }
        for delimiter in delimiters {
            Self.markEmphasis(of: delimiter, in: scalars, code: code, escape: &escape)
        }
        var result = ""
        result.unicodeScalars.reserveCapacity(scalars.count + 8)
        for (index, scalar) in scalars.enumerated() {
            if escape[index] { result.unicodeScalars.append("\\") }
            result.unicodeScalars.append(scalar)
        }
        return result
    }

    /// Which scalars belong to a code span: a backtick run and the next run of the same length,
    /// with what is between them.
    static func codeSpans(in scalars: [Unicode.Scalar]) -> [Bool] {
        var code = Array(repeating: false, count: scalars.count)
        let runs = backtickRuns(scalars, skipping: code)
        var index = 0
        while index < runs.count {
            let opener = runs[index]
            if let closer = runs[(index + 1)...].firstIndex(where: { $0.count == opener.count }) {
                for position in opener.start..<(runs[closer].start + runs[closer].count) { code[position] = true }
                index = closer + 1
            } else {
                index += 1
            }
        }
        return code
    }

    /// Escapes every backtick when two runs would make a code span. All of them: inside a code span
    /// a backslash is literal, so an escaped backtick still closes a span an earlier one opens.
    private static func markClosingBacktickRuns(_ scalars: [Unicode.Scalar], escape: inout [Bool]) {
        let runs = backtickRuns(scalars, skipping: escape)
        let pairs = runs.indices.contains { opener in
            runs[(opener + 1)...].contains { $0.count == runs[opener].count }
        }
        guard pairs else { return }
        for index in scalars.indices where scalars[index] == "`" { escape[index] = true }
    }

    /// Maximal runs of backticks, not counting those marked in `skipping`.
    private static func backtickRuns(_ scalars: [Unicode.Scalar], skipping: [Bool]) -> [(start: Int, count: Int)] {
        var runs: [(start: Int, count: Int)] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == "`", !skipping[index] else {
                index += 1
                continue
            }
            let start = index
            while index < scalars.count, scalars[index] == "`", !skipping[index] { index += 1 }
            runs.append((start, index - start))
        }
        return runs
    }

    /// Brackets that would make or break a link: a pair followed by `(` or `[` (an inline or
    /// reference link), and in link text any bracket without its partner, which would end the
    /// text early or leave it open.
    private static func markBrackets(
        _ scalars: [Unicode.Scalar], code: [Bool], inLink: Bool, escape: inout [Bool]
    ) {
        var open: [Int] = []
        for index in scalars.indices where !code[index] && !escape[index] {
            if scalars[index] == "[" {
                open.append(index)
            } else if scalars[index] == "]" {
                guard let opener = open.popLast() else {
                    if inLink { escape[index] = true }
                    continue
                }
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                if next == "(" || next == "[" {
                    escape[opener] = true
                    escape[index] = true
                }
            }
        }
        if inLink { for index in open { escape[index] = true } }
    }

    /// Escapes every run of `delimiter` that could open or close emphasis (or strikethrough),
    /// when one that can open comes before another that can close; otherwise none could pair.
    private static func markEmphasis(
        of delimiter: Unicode.Scalar, in scalars: [Unicode.Scalar], code: [Bool], escape: inout [Bool]
    ) {
        var runs: [(start: Int, end: Int, opens: Bool, closes: Bool)] = []
        var index = 0
        while index < scalars.count {
            guard scalars[index] == delimiter, !code[index], !escape[index] else {
                index += 1
                continue
            }
            let start = index
            while index < scalars.count, scalars[index] == delimiter, !code[index] { index += 1 }
            // Outside the text is punctuation (`[`, `]`) or unknown: taken as punctuation, which
            // makes a run at the edge flanking whenever it could be.
            let before = start > 0 ? scalars[start - 1] : nil
            let after = index < scalars.count ? scalars[index] : nil
            let beforeSpace = before.map(isWhitespace) ?? false
            let afterSpace = after.map(isWhitespace) ?? false
            let beforePunctuation = before.map(isPunctuation) ?? true
            let afterPunctuation = after.map(isPunctuation) ?? true
            let left = !afterSpace && (!afterPunctuation || beforeSpace || beforePunctuation)
            let right = !beforeSpace && (!beforePunctuation || afterSpace || afterPunctuation)
            let opens = delimiter == "_" ? left && (!right || beforePunctuation) : left
            let closes = delimiter == "_" ? right && (!left || afterPunctuation) : right
            runs.append((start, index, opens, closes))
        }
        guard let firstOpener = runs.firstIndex(where: \.opens),
            runs[(firstOpener + 1)...].contains(where: \.closes)
        else { return }
        for run in runs where run.opens || run.closes {
            for position in run.start..<run.end { escape[position] = true }
        }
    }

    /// Whether an entity or numeric character reference starts at `index` (an `&`).
    static func startsEntity(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        var position = index + 1
        guard position < scalars.count else { return false }
        var digits = 0
        if scalars[position] == "#" {
            position += 1
            let hex = position < scalars.count && (scalars[position] == "x" || scalars[position] == "X")
            if hex { position += 1 }
            while position < scalars.count, digits < 8,
                hex ? scalars[position].properties.isASCIIHexDigit : isASCIIDigit(scalars[position])
            {
                position += 1
                digits += 1
            }
        } else {
            while position < scalars.count, isASCIILetter(scalars[position]) || isASCIIDigit(scalars[position]) {
                position += 1
                digits += 1
            }
        }
        return digits > 0 && position < scalars.count && scalars[position] == ";"
    }

    static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && ASCII.isPunctuation(UInt8(scalar.value))
    }

    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && ASCII.isLetter(UInt8(scalar.value))
    }

    private static func isASCIIDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && ASCII.isDigit(UInt8(scalar.value))
    }

    private static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool { UnicodeClasses.isWhitespace(scalar) }

    private static func isPunctuation(_ scalar: Unicode.Scalar) -> Bool { UnicodeClasses.isPunctuation(scalar) }
}

extension String {
    /// The string without ASCII white space at either end.
    fileprivate func trimmingASCIIWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !($0.isASCII && $0.properties.isWhitespace) }),
            let last = scalars.lastIndex(where: { !($0.isASCII && $0.properties.isWhitespace) })
        else { return "" }
        return String(scalars[first...last])
    }
}
