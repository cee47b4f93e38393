import Testing

@testable import HeraldCore

@Suite("UTF-8 validation in pieces")
struct UTF8ValidationTests {
    private func string(_ bytes: [UInt8]) -> String? {
        bytes.withUnsafeBufferPointer(UTF8Validation.string(validating:))
    }

    @Test("valid text reads as the standard library reads it, whatever falls on a piece's edge")
    func validText() {
        for character in ["é", "€", "🦀", "\u{0}"] {
            for offset in 1014...1034 {
                let text =
                    String(repeating: "a", count: offset) + character + String(repeating: "b\n", count: 1500)
                    + String(repeating: character, count: 700)
                #expect(string(Array(text.utf8)) == text, "\(character) at \(offset)")
            }
        }
        let chinese = String(repeating: "周刊第四十二期，", count: 600)
        #expect(string(Array(chinese.utf8)) == chinese)
        #expect(string([]) == "")
    }

    @Test("any ill-formed sequence anywhere, even cut short where a piece ends, makes it nil")
    func invalidText() {
        let valid = Array(String(repeating: "plain ascii text, then é and 🦀.\n", count: 200).utf8)
        for bad: [UInt8] in [[0xFF], [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0xA6], [0xED, 0xA0, 0x80], [0xC0, 0x80]] {
            for offset in [0, 1, 1023, 1024, 1025, 2047, 2048, valid.count - 1, valid.count] {
                var bytes = valid
                bytes.insert(contentsOf: bad, at: offset)
                #expect(string(bytes) == nil, "\(bad) at \(offset)")
                #expect(UTF8Validation.firstInvalidOffset(in: bytes) != nil)
            }
        }
    }
}
