import HeraldTestSupport
import Testing

@testable import HeraldCore

/// A triage's counts are read from ASCII text split at its bytes; they must be those the text's
/// characters, split at whitespace, `,` and `;`, give.
@Suite("Performance triage counts")
struct TriageCountTests {
    private static func definition(_ text: String) -> [Int?] {
        var result: [Int?] = [nil, nil, nil]
        let words = text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" })
        for (index, word) in words.enumerated().dropFirst() {
            guard let count = Int(words[index - 1]) else { continue }
            if word.hasPrefixIgnoringCase("regression"), result[0] == nil { result[0] = count }
            if word.hasPrefixIgnoringCase("improvement"), result[1] == nil { result[1] = count }
            if word.hasPrefixIgnoringCase("mixed"), result[2] == nil { result[2] = count }
        }
        return result
    }

    @Test("generated lines, ASCII and not, against the characters' split")
    func generated() {
        let alphabet = [
            "2", "14", "-3", " ", "  ", "\t", "\r\n", ",", ";", ", ", "Regressions", "improvement", "MIXED", "mixed)",
            "of", "rollups", "\u{A0}", "é", "\u{2003}", "(", "\u{1C}",
        ]
        var random = SplitMix64(seed: 21)
        for _ in 0..<3_000 {
            let text = (0..<Int(random.next() % 10)).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
                .joined()
            let counts = PerformanceTriage.counts(in: text)
            #expect(
                [counts.regressions, counts.improvements, counts.mixed] == Self.definition(text),
                "\(text.debugDescription)")
        }
        let line = PerformanceTriage.counts(in: "2 Regressions, 4 Improvements, 10 Mixed; 3 of them in rollups")
        #expect(line.regressions == 2 && line.improvements == 4 && line.mixed == 10)
    }
}
