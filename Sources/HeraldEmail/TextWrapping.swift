/// Fills words into lines of a given width, for the plain-text edition.
///
/// Plain-text mail is read in terminals and clients that do not re-flow; 72 columns leaves
/// room for the `> ` a reply adds. Words (and URLs) longer than a line are never split, since
/// a broken URL cannot be followed.
enum TextWrapping {
    /// `text`'s words in lines of at most `width` characters; `\n` in `text` forces a break.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var length = 0
            for word in paragraph.split(separator: " ") {
                let wordLength = word.count
                if length > 0, length + 1 + wordLength > width {
                    lines.append(line)
                    line = ""
                    length = 0
                }
                if length > 0 {
                    line += " "
                    length += 1
                }
                line += word
                length += wordLength
            }
            lines.append(line)
        }
        return lines
    }
}
