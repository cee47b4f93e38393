/// GFM extended autolinks (GFM spec §6.9), matching cmark-gfm 0.29.0.gfm.6: `www.` links and
/// `http://`, `https://`, `ftp://` links are recognised while parsing, outside brackets;
/// e-mail addresses are found afterwards in the text (see `InlineParser+TextNodes.swift`).
extension InlineParser {
    /// Remembers a `www.` domain that failed the underscore rule: a later `www.` that starts inside
    /// it before `failsBefore` (the second-to-last dot) reaches the same end and fails the same way.
    struct DomainMemo {
        var from = -1
        var failsBefore = -1
    }

    /// `www.` at `position`, after the start of the text, whitespace or one of `*_~(`.
    mutating func matchWWWAutolink() -> Bool {
        let start = position
        guard allowsExtendedAutolink else { return false }
        if start > 0 {
            let before = bytes[start - 1]
            guard
                ASCII.isWhitespace(before) || before == ASCII.star || before == ASCII.underscore
                    || before == ASCII.tilde || before == ASCII.leftParen
            else { return false }
        }
        let size = bytes.count - start
        guard size >= 4, bytes[start + 1] == UInt8(ascii: "w"), bytes[start + 2] == UInt8(ascii: "w"),
            bytes[start + 3] == ASCII.dot
        else { return false }
        if start > domainMemo.from, start < domainMemo.failsBefore { return false }
        guard checkDomain(start: start, size: size, allowsShort: false) > 0 else { return false }
        var end = start + 4
        while end < bytes.count, !ASCII.isWhitespace(bytes[end]), bytes[end] != ASCII.lessThan { end += 1 }
        let length = Self.autolinkLength(in: bytes, start: start, length: end - start)
        guard length > 0 else { return false }

        flushText()
        let link = tree.makeNode(.link, range: sourceRange(start, start + length - 1))
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: "http://".utf8)
        scratch.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<start + length]))
        tree[link].literal = tree.store(scratch)
        appendAutolinkText(start..<start + length, to: link)
        tree.append(link, to: parent)
        position = start + length
        return true
    }

    /// `http://`, `https://` or `ftp://` around the `:` at `position`; the scheme letters were
    /// already taken as text and are taken back.
    mutating func matchURLAutolink() -> Bool {
        let colon = position
        guard allowsExtendedAutolink else { return false }
        let size = bytes.count - colon
        guard size >= 4, bytes[colon + 1] == ASCII.slash, bytes[colon + 2] == ASCII.slash else { return false }
        var rewind = 0
        while rewind < colon, ASCII.isLetter(bytes[colon - rewind - 1]) { rewind += 1 }
        let start = colon - rewind
        guard isAutolinkScheme(start..<colon), isHostCharacter(at: colon + 3) else { return false }
        // The scheme must be the tail of the pending text, exactly as written.
        guard pendingFirst >= 0, pendingFirst <= start, pendingLast == colon - 1,
            checkDomain(start: colon + 3, size: size - 3, allowsShort: true) > 0
        else { return false }
        var end = colon + 3
        while end < bytes.count, !ASCII.isWhitespace(bytes[end]), bytes[end] != ASCII.lessThan { end += 1 }
        let length = Self.autolinkLength(in: bytes, start: colon, length: end - colon)
        guard length > 0, takeBackPendingTail(from: start, count: rewind) else { return false }

        flushText()
        let linkEnd = colon + length
        let link = tree.makeNode(.link, range: sourceRange(start, linkEnd - 1))
        tree[link].literal = inputSpan(start..<linkEnd)
        appendAutolinkText(start..<linkEnd, to: link)
        tree.append(link, to: parent)
        position = linkEnd
        return true
    }

    private mutating func appendAutolinkText(_ range: Range<Int>, to link: NodeIndex) {
        let text = tree.makeNode(.text, range: sourceRange(range.lowerBound, range.upperBound - 1))
        tree[text].literal = inputSpan(range)
        tree.append(text, to: link)
    }

    private func isAutolinkScheme(_ range: Range<Int>) -> Bool {
        let schemes: [StaticString] = ["http", "https", "ftp"]
        return schemes.contains { scheme in
            scheme.withUTF8Buffer { name in
                name.count == range.count
                    && name.indices.allSatisfy { ASCII.lowercased(bytes[range.lowerBound + $0]) == name[$0] }
            }
        }
    }

    /// cmark-gfm's domain check: from the second byte on, `_`, `.`, `-` and any character that is
    /// neither whitespace nor punctuation continue the domain; an underscore in either of the last
    /// two segments rejects it; a `www.` domain needs a dot. The last byte of the text is never
    /// examined (a quirk kept for identical output). Returns the scanned length, 0 for no domain.
    private mutating func checkDomain(start: Int, size: Int, allowsShort: Bool) -> Int {
        var index = 1
        var dots = 0
        var underscoresBeforeLastDot = 0
        var underscoresSinceLastDot = 0
        var lastDot = -1
        var secondLastDot = -1
        while index < size - 1 {
            let byte = bytes[start + index]
            if byte == ASCII.underscore {
                underscoresSinceLastDot += 1
            } else if byte == ASCII.dot {
                underscoresBeforeLastDot = underscoresSinceLastDot
                underscoresSinceLastDot = 0
                dots += 1
                secondLastDot = lastDot
                lastDot = start + index
            } else if byte != ASCII.dash, !isHostCharacter(at: start + index) {
                break
            }
            index += 1
        }
        if underscoresBeforeLastDot > 0 || underscoresSinceLastDot > 0 {
            if !allowsShort, secondLastDot >= 0 { domainMemo = DomainMemo(from: start, failsBefore: secondLastDot) }
            return 0
        }
        if allowsShort { return index }
        return dots > 0 ? index : 0
    }

    /// Neither whitespace nor punctuation (general category P*), decoded as UTF-8 from `index`;
    /// a byte that does not start a well-formed character is not one.
    private func isHostCharacter(at index: Int) -> Bool {
        guard let (scalar, _) = UnicodeClasses.scalar(in: bytes, startingAt: index) else { return false }
        return !UnicodeClasses.isWhitespace(scalar) && !UnicodeClasses.isPunctuationProper(scalar)
    }

    /// cmark-gfm's trimming of an autolink candidate `data[start..<start + length]`: cut at `<`,
    /// then drop trailing `?!.,:*_~'"`, a trailing `&entity;`, and `)` that has no `(` to match.
    /// Returns the new length (0 when nothing is left).
    static func autolinkLength(in data: UnsafeBufferPointer<UInt8>, start: Int, length: Int) -> Int {
        var end = length
        for offset in 0..<length where data[start + offset] == ASCII.lessThan {
            end = offset
            break
        }
        var opening = 0
        var closing = 0
        for offset in 0..<end {
            if data[start + offset] == ASCII.leftParen { opening += 1 }
            if data[start + offset] == ASCII.rightParen { closing += 1 }
        }
        while end > 0 {
            let last = data[start + end - 1]
            switch last {
            case UInt8(ascii: "?"), ASCII.bang, ASCII.dot, UInt8(ascii: ","), ASCII.colon, ASCII.star,
                ASCII.underscore, ASCII.tilde, ASCII.apostrophe, ASCII.quote:
                end -= 1
            case UInt8(ascii: ";"):
                var entityStart = end - 2
                while entityStart > 0, ASCII.isLetter(data[start + entityStart]) { entityStart -= 1 }
                if entityStart >= 0, entityStart < end - 2, data[start + entityStart] == ASCII.ampersand {
                    end = entityStart
                } else {
                    end -= 1
                }
            case ASCII.rightParen:
                if closing <= opening { return end }
                closing -= 1
                end -= 1
            default:
                return end
            }
        }
        return end
    }
}
