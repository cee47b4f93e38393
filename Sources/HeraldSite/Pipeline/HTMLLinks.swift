import HeraldCore
import HeraldMarkdown

/// Finds and rewrites the `href` and `src` attributes of rendered HTML.
///
/// Issue bodies are Markdown rendered by Herald, whose attributes are always double-quoted;
/// raw HTML written by editors usually is too. A feed reader shows an entry away from the site,
/// so every link in a feed must be absolute; this is what makes them so.
enum HTMLLinks {
    /// `html` with each `href="…"` and `src="…"` value that stays on the site passed through
    /// `transform`; `nil` keeps it. External links (with a scheme, or protocol-relative) are kept
    /// without a call: nearly every link of an issue is one, and they are told apart on their
    /// bytes.
    static func rewriting(_ html: String, _ transform: (String) -> String?) -> String {
        guard let splice = splice(of: html, transform) else { return html }
        var html = html
        return html.withUTF8 { splice.string(from: $0) }
    }

    /// The rewriting of ``rewriting(_:_:)`` as runs of `html` and new values, to be written
    /// later, with the bytes of `removed` (ranges of `html`, in order, none overlapping) left out
    /// and the values inside them left alone; `nil` when nothing changes.
    static func splice(
        of html: String, removing removed: [Range<Int>] = [], _ transform: (String) -> String?
    ) -> ByteSplice? {
        var html = html
        return html.withUTF8 { bytes in
            var finder = ValueFinder(bytes: bytes)
            var splice = ByteSplice()
            var copied = 0
            // The first removed range not yet left out, and the first one a value may still fall in.
            var (nextRemoved, nextHiding) = (0, 0)
            // A value can start before a removed range and end in it (raw HTML that spells an
            // anchor inside a quoted value): what is copied never goes back.
            func keep(upTo end: Int) {
                while nextRemoved < removed.count, removed[nextRemoved].lowerBound < end {
                    if copied < removed[nextRemoved].lowerBound {
                        splice.keep(copied..<removed[nextRemoved].lowerBound)
                    }
                    copied = max(copied, removed[nextRemoved].upperBound)
                    nextRemoved += 1
                }
                if copied < end { splice.keep(copied..<end) }
                copied = max(copied, end)
            }
            var changed = !removed.isEmpty
            while let value = finder.next() {
                while nextHiding < removed.count, removed[nextHiding].upperBound <= value.lowerBound { nextHiding += 1 }
                if nextHiding < removed.count, removed[nextHiding].lowerBound <= value.lowerBound { continue }
                let link = UnsafeBufferPointer(rebasing: bytes[value])
                if isExternal(link) { continue }
                guard let replacement = transform(String(decoding: link, as: UTF8.self)) else { continue }
                keep(upTo: value.lowerBound)
                splice.insert(replacement)
                copied = value.upperBound
                changed = true
            }
            guard changed else { return nil }
            keep(upTo: bytes.count)
            return splice
        }
    }

    /// Whether a link leaves the site: it has a scheme (`https:`, `mailto:`) or is
    /// protocol-relative. A scheme is letters, digits, `+`, `-` and `.` after a letter; when a
    /// byte before the first colon or right after it is not ASCII, letters are Unicode's and the
    /// colon may carry a combining mark, so the question goes to `Character`s.
    private static func isExternal(_ link: UnsafeBufferPointer<UInt8>) -> Bool {
        if link.count >= 2, link[0] == UInt8(ascii: "/"), link[1] == UInt8(ascii: "/") { return true }
        guard let colon = link.firstIndex(of: UInt8(ascii: ":")) else { return false }
        let afterColon = colon + 1 < link.count ? link[colon + 1] : 0
        guard afterColon < 0x80, link[..<colon].allSatisfy({ $0 < 0x80 }) else {
            return isExternal(characters: String(decoding: link, as: UTF8.self))
        }
        guard colon > 0, ASCII.isLetter(link[0]) else { return false }
        return link[..<colon].allSatisfy { byte in
            ASCII.isAlphanumeric(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
                || byte == UInt8(ascii: ".")
        }
    }

    private static func isExternal(characters link: String) -> Bool {
        guard let colon = link.firstIndex(of: ":"), let first = link.first, first.isLetter else { return false }
        return link[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
    }
}

/// Walks the `href="…"` and `src="…"` values of HTML in order, skipping comments.
///
/// An attribute is found from its value's opening quote (`memchr`), checked for ` href=` or
/// ` src=` (after a space or a line end) just before it: quotes are a few per tag, where testing
/// every space of the text for an attribute name cost more than the rest of the rewriting. A
/// comment (`<!-- … -->`) that starts before an attribute hides everything up to its end.
private struct ValueFinder {
    let bytes: UnsafeBufferPointer<UInt8>
    /// Where the search goes on: the closing quote of the last value, or the end of a comment.
    private var position = 0
    /// The next comment's start at or after `position` (`Int.max` for none); `nil` until
    /// searched, and again once `position` passes it.
    private var commentStart: Int?

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private static let commentOpening: StaticString = "<!--"
    private static let commentClosing: StaticString = "-->"

    /// The range of the next attribute value; `nil` when there is none, or when a comment or a
    /// value is not closed (nothing after it is rewritten).
    mutating func next() -> Range<Int>? {
        var quoteSearch = position
        while let quote = ByteSearch.firstIndex(of: UInt8(ascii: "\""), in: bytes, within: quoteSearch..<bytes.count) {
            quoteSearch = quote + 1
            guard let start = attributeStart(quotedAt: quote), start >= position else { continue }
            let comment = nextComment()
            if comment < start {
                guard let end = Self.search(Self.commentClosing, in: bytes, from: comment + 4) else { return nil }
                position = end
                commentStart = nil
                quoteSearch = end
                continue
            }
            guard
                let closing = ByteSearch.firstIndex(of: UInt8(ascii: "\""), in: bytes, within: quote + 1..<bytes.count)
            else { return nil }
            position = closing
            return quote + 1..<closing
        }
        return nil
    }

    /// Where ` href="` or ` src="` (or the same after a line end) starts when it ends at the
    /// quote at `quote`.
    private func attributeStart(quotedAt quote: Int) -> Int? {
        guard quote >= 5, bytes[quote - 1] == UInt8(ascii: "=") else { return nil }
        func isSeparator(_ index: Int) -> Bool { bytes[index] == UInt8(ascii: " ") || bytes[index] == 0x0A }
        if bytes[quote - 4] == UInt8(ascii: "s"), bytes[quote - 3] == UInt8(ascii: "r"),
            bytes[quote - 2] == UInt8(ascii: "c"), isSeparator(quote - 5)
        {
            return quote - 5
        }
        if quote >= 6, bytes[quote - 5] == UInt8(ascii: "h"), bytes[quote - 4] == UInt8(ascii: "r"),
            bytes[quote - 3] == UInt8(ascii: "e"), bytes[quote - 2] == UInt8(ascii: "f"), isSeparator(quote - 6)
        {
            return quote - 6
        }
        return nil
    }

    /// The start of the first comment at or after `position`, searched once per comment.
    private mutating func nextComment() -> Int {
        if let commentStart, commentStart >= position { return commentStart }
        let found = Self.search(Self.commentOpening, in: bytes, from: position).map { $0 - 4 } ?? Int.max
        commentStart = found
        return found
    }

    /// The offset just past the first `needle` at or after `start`.
    private static func search(_ needle: StaticString, in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start <= bytes.count else { return nil }
        let needle = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        return ByteSearch.firstRange(of: needle, in: bytes, from: start)?.upperBound
    }
}
