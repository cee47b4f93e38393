/// Fills words into lines of a given width, for the plain-text edition.
///
/// Plain-text mail is read in terminals and clients that do not re-flow; 72 columns leaves
/// room for the `> ` a reply adds. Words (and URLs) longer than a line are never split, since
/// a broken URL cannot be followed.
///
/// Width is what a terminal shows: East Asian wide and fullwidth characters take two columns.
/// Chinese and Japanese put no spaces between words, so a line may also break between two such
/// characters, as UAX #14 allows, but never before closing punctuation (`。`, `）`) or after
/// opening punctuation (`（`, `「`); without that a paragraph of Chinese was one 218-column line.
enum TextWrapping {
    /// `text`'s words in lines of at most `width` columns; `\n` in `text` forces a break.
    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var length = 0
            for word in paragraph.split(separator: " ") {
                for (index, unit) in units(of: word).enumerated() {
                    // A word's first unit follows a space; the others join it directly.
                    let separator = index == 0 && length > 0 ? 1 : 0
                    let unitWidth = columns(of: unit)
                    if length > 0, length + separator + unitWidth > width {
                        lines.append(line)
                        line = ""
                        length = 0
                    } else if separator == 1 {
                        line += " "
                        length += 1
                    }
                    line += unit
                    length += unitWidth
                }
            }
            lines.append(line)
        }
        return lines
    }

    /// How many columns `text` takes in a terminal.
    static func columns(of text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + columns(of: $1) }
    }

    /// The pieces a word may be broken into: the whole word, unless it holds wide characters,
    /// each of which can stand on its own with the punctuation that clings to it.
    private static func units(of word: Substring) -> [Substring] {
        guard word.unicodeScalars.contains(where: { columns(of: $0) == 2 }) else { return [word] }
        var units: [Substring] = []
        var start = word.startIndex
        var previous: Character?
        for index in word.indices {
            let character = word[index]
            defer { previous = character }
            guard let before = previous, index != start else { continue }
            let breaksBefore = isWide(character) || isWide(before)
            if breaksBefore, !closing.contains(character), !opening.contains(before) {
                units.append(word[start..<index])
                start = index
            }
        }
        units.append(word[start...])
        return units
    }

    private static func isWide(_ character: Character) -> Bool {
        character.unicodeScalars.first.map { columns(of: $0) == 2 } ?? false
    }

    /// Punctuation that must not start a line, and punctuation that must not end one.
    private static let closing: Set<Character> = [
        "。", "，", "、", "．", "：", "；", "！", "？", "）", "」", "』", "》", "〉", "】", "〕", "］", "｝", "ー", "・", ".", ",",
        ":", ";", "!", "?", ")", "]", "}",
    ]
    private static let opening: Set<Character> = ["（", "「", "『", "《", "〈", "【", "〔", "［", "｛", "(", "[", "{"]

    /// Columns of one scalar: 0 for combining marks and zero-width characters, 2 for East Asian
    /// wide and fullwidth ones (Unicode's EastAsianWidth W and F, in ranges), else 1.
    private static func columns(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch value {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
            0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
            0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
            0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
