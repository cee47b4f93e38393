import HeraldCore
import HeraldMarkdown

/// Text taken out of HTML (a `<title>`, an attribute value) turned into what a reader sees:
/// character references decoded, control and bidi characters removed (a page must not put
/// escape sequences into a draft or onto a terminal), runs of whitespace collapsed, the ends
/// trimmed.
///
/// Page titles arrive as `Ferris &amp; friends&#x2019; week` and must go into a Markdown entry
/// as `Ferris & friends’ week`, so the decoding is part of taking a title, not of fetching.
enum HTMLText {
    /// `raw` decoded, cleaned of ``ControlCharacters``, and with its whitespace normalised.
    static func plain(_ raw: some StringProtocol) -> String {
        collapsingWhitespace(ControlCharacters.removed(from: HTMLEntities.decodingReferences(in: raw)))
    }

    /// Whitespace runs (newlines and no-break spaces included) as one space, ends trimmed.
    static func collapsingWhitespace(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
