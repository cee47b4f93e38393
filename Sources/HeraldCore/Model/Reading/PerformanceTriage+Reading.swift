import HeraldMarkdown

extension PerformanceTriage {
    /// Reads "Triage done by **@who**. Revision range: [a..b](url)", the "2 Regressions,
    /// 4 Improvements, 10 Mixed" line and the "Full report" link. `nil` for an empty section.
    init?(groups: [SectionOutline.BlockGroup], context: ReadingContext) {
        let blocks = groups.flatMap(\.blocks)
        guard let first = blocks.first(where: { $0.kind != .htmlBlock }) else { return nil }
        self.init(source: context.span(of: first))
        let paragraphs = blocks.flatMap {
            $0.kind == .paragraph ? [$0] : $0.descendants.filter { $0.kind == .paragraph }
        }
        var bestCounts = 0
        for paragraph in paragraphs {
            let text = paragraph.plainText
            if triager == nil, let done = text.firstByteRange(of: "Triage done by") {
                var rest = text[done.upperBound...]
                if let revision = rest.firstByteRange(of: "Revision range") { rest = rest[..<revision.lowerBound] }
                var name = rest.trimmingLeadingSeparators
                while name.hasSuffix(".") { name.removeLast() }
                triager = name.nonEmpty
            }
            if revisionRange == nil, text.firstByteRange(of: "Revision range") != nil {
                let children = Array(paragraph.children)
                if let label = children.firstIndex(where: { $0.plainText.firstByteRange(of: "Revision range") != nil }),
                    let link = children[label...].lazy.compactMap({ $0.kind == .link ? $0 : $0.firstLink }).first
                {
                    revisionRange = link.plainText.trimmingWhitespace
                    revisionURL = link.destination
                }
            }
            if reportURL == nil,
                let report = paragraph.descendants.first(where: {
                    $0.kind == .link && $0.plainText.containsIgnoringCase("full report")
                })
            {
                reportURL = report.destination
            }
            let counts = PerformanceTriage.counts(in: text)
            let found = [counts.regressions, counts.improvements, counts.mixed].compactMap { $0 }.count
            if found > bestCounts {
                bestCounts = found
                (regressions, improvements, mixed) = counts
            }
        }
    }

    /// The numbers written before "Regression(s)", "Improvement(s)" and "Mixed".
    static func counts(in text: String) -> (regressions: Int?, improvements: Int?, mixed: Int?) {
        var result: (regressions: Int?, improvements: Int?, mixed: Int?) = (nil, nil, nil)
        let words = asciiWords(of: text) ?? text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" })
        for (index, word) in words.enumerated().dropFirst() {
            guard let count = Int(words[index - 1]) else { continue }
            if word.hasPrefixIgnoringCase("regression"), result.regressions == nil { result.regressions = count }
            if word.hasPrefixIgnoringCase("improvement"), result.improvements == nil { result.improvements = count }
            if word.hasPrefixIgnoringCase("mixed"), result.mixed == nil { result.mixed = count }
        }
        return result
    }

    /// The words of an ASCII `text` split at its bytes, as splitting its characters would split
    /// them (ASCII whitespace, `,` and `;`), or `nil` for other text. A triage's paragraphs are
    /// long: split character by character, they were a tenth of reading an issue.
    private static func asciiWords(of text: String) -> [Substring]? {
        let cuts: [Range<Int>]? = text.withUTF8Bytes { bytes in
            var words: [Range<Int>] = []
            var start: Int?
            for (offset, byte) in bytes.enumerated() {
                guard byte < 0x80 else { return nil }
                if ASCII.isWhitespace(byte) || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") {
                    if let first = start { words.append(first..<offset) }
                    start = nil
                } else if start == nil {
                    start = offset
                }
            }
            if let first = start { words.append(first..<bytes.count) }
            return words
        }
        guard let cuts else { return nil }
        let utf8 = text.utf8
        let start = utf8.startIndex
        return cuts.map {
            text[utf8.index(start, offsetBy: $0.lowerBound)..<utf8.index(start, offsetBy: $0.upperBound)]
        }
    }
}
