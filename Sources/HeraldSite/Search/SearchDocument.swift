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

    /// The longest title or detail kept: a quote or a paragraph is cut at a word boundary.
    static let maximumLength = 200

    init(title: String, detail: String? = nil, section: String, line: Int, repeatKey: String? = nil) {
        self.title = SearchDocument.clean(title)
        self.detail = SearchDocument.clean(detail ?? "")
        self.section = SearchDocument.clean(section)
        self.line = line
        self.repeatKey = repeatKey
    }

    /// `text` on one line (tabs and line ends are the index files' separators), cut to
    /// ``maximumLength`` characters at a space.
    ///
    /// The length so far is counted as words are added, as counting a `String`'s characters
    /// walks all of it: every entry of every issue passes through here.
    static func clean(_ text: String) -> String {
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
}
