import HeraldCore

/// One entry the archive search finds: a link, an event, a crate or quote of the week, an RFC,
/// a job, a call for participation.
///
/// Results are entries rather than issues because that is what a reader looks for ("the Polars
/// post", "that talk in Berlin"); the issue is shown beside the entry and the link leads to the
/// entry's own place on the issue page.
struct SearchDocument: Hashable, Sendable {
    /// What the result shows first and what ranks highest when it matches.
    var title: String
    /// What else the entry says (an editor's note, a description, where an event is, who said a
    /// quote), searched too and shown under the title.
    var detail: String
    /// The title of the section the entry is in ("Updates from Rust Community").
    var section: String
    /// The file line the entry starts on: its anchor on the issue page is `L<line>`
    /// (see ``EntryAnchors``).
    var line: Int
    /// Set for entries that issues carry from week to week (upcoming events, calls for
    /// participation, final comment periods, jobs): of several entries with one key, only the
    /// newest issue's is indexed.
    var repeatKey: String?
    /// The whole text of a prose entry (a quote, an introduction), of which ``detail`` keeps the
    /// beginning: every word of it is indexed, so a quote is found by any word it says.
    var searchedDetail: String?

    /// The longest title or detail kept: a note or a paragraph is cut at a word boundary.
    static let maximumLength = 200
    /// The longest detail a prose entry keeps, from which results show an excerpt.
    static let maximumProseLength = 480

    init(title: String, detail: String? = nil, section: String, line: Int, repeatKey: String? = nil) {
        self.title = SearchDocument.clean(title)
        self.detail = SearchDocument.clean(detail ?? "")
        self.section = SearchDocument.clean(section)
        self.line = line
        self.repeatKey = repeatKey
    }

    /// A document whose fields are clean already: one the last build made, read back.
    init(
        cleanTitle title: String, detail: String, section: String, line: Int, repeatKey: String?,
        searchedDetail: String?
    ) {
        self.title = title
        self.detail = detail
        self.section = section
        self.line = line
        self.repeatKey = repeatKey
        self.searchedDetail = searchedDetail
    }

    /// A prose entry: `text` is its detail, the longer part of it kept for excerpts and all of it
    /// searched.
    static func prose(title: String, text: String, section: String, line: Int) -> SearchDocument {
        var document = SearchDocument(title: title, section: section, line: line)
        document.detail = SearchDocument.clean(text, maximumLength: maximumProseLength)
        let whole = SearchDocument.clean(text, maximumLength: Int.max)
        document.searchedDetail = whole == document.detail ? nil : whole
        return document
    }

    /// `text` on one line (tabs and line ends are the index files' separators), cut to
    /// ``maximumLength`` characters at a space.
    ///
    /// The length so far is counted as words are added, as counting a `String`'s characters
    /// walks all of it: every entry of every issue passes through here.
    static func clean(_ text: String, maximumLength: Int = maximumLength) -> String {
        let isASCII = text.withUTF8Bytes { $0.allSatisfy { $0 < 0x80 } }
        // ASCII text counts a character per byte; text of fewer bytes than the limit is never
        // cut, so its characters need no counting (an event's detail is short, and its `·`
        // made every event take the slow path).
        if isASCII || text.utf8.count < maximumLength { return cleanBytes(text, maximumLength: maximumLength) }
        var result = ""
        var length = 0
        for word in text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }) {
            let wordLength = word.count
            if length + wordLength + 1 > maximumLength {
                return result.isEmpty ? String(word.prefix(maximumLength)) + "…" : result + "…"
            }
            if !result.isEmpty {
                result += " "
                length += 1
            }
            result += word
            length += wordLength
        }
        return result
    }

    /// ``clean(_:)`` byte by byte, for ASCII text or text shorter than `maximumLength` bytes:
    /// most entries are, and splitting into `Character`s cost more than reading the issue.
    /// Spaces, tabs and line ends are single bytes that no longer character holds.
    private static func cleanBytes(_ text: String, maximumLength: Int) -> String {
        func isSpace(_ byte: UInt8) -> Bool {
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
        }
        var text = text
        let original = text
        // Words are copied whole from the contiguous bytes, not byte by byte through a buffer.
        return text.withUTF8 { bytes in
            if isClean(bytes, maximumLength: maximumLength) { return original }
            var result: [UInt8] = []
            result.reserveCapacity(min(bytes.count, maximumLength) + 4)
            var index = 0
            while index < bytes.count {
                while index < bytes.count, isSpace(bytes[index]) { index += 1 }
                let start = index
                while index < bytes.count, !isSpace(bytes[index]) { index += 1 }
                guard index > start else { break }
                let word = bytes[start..<index]
                if result.count + word.count + 1 > maximumLength {
                    if result.isEmpty { result = Array(word.prefix(maximumLength)) }
                    result += "…".utf8
                    break
                }
                if !result.isEmpty { result.append(UInt8(ascii: " ")) }
                result += word
            }
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Whether ``cleanBytes(_:maximumLength:)`` would give `bytes` back as they are: shorter
    /// than the limit, with single spaces between words and none around them. Most titles,
    /// details and every section's name are, and are then kept without a copy.
    private static func isClean(_ bytes: UnsafeBufferPointer<UInt8>, maximumLength: Int) -> Bool {
        guard bytes.count < maximumLength, bytes.first != UInt8(ascii: " "), bytes.last != UInt8(ascii: " ") else {
            return false
        }
        var previous: UInt8 = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): return false
            case UInt8(ascii: " ") where previous == UInt8(ascii: " "): return false
            default: previous = byte
            }
        }
        return true
    }
}
