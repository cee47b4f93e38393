import HeraldTestSupport
import Testing

@testable import HeraldMarkdown

/// The label and destination scanners skip ordinary bytes a word at a time; they must find what a
/// byte-by-byte reading of the spec's rules finds, wherever the bytes that matter fall in a word.
@Suite("Link syntax")
struct LinkSyntaxTests {
    @Test("labels: brackets, escapes and the length limit at every place in a word")
    func labels() {
        var random = SplitMix64(seed: 3)
        let alphabet: [UInt8] = Array("ab [\\]".utf8) + [0x0A, 0x5A, 0x5E, 0xC3, 0xA9]
        for _ in 0..<4_000 {
            let length = Int(random.next() % 40)
            var bytes =
                [UInt8(ascii: "[")] + (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            if random.next() % 2 == 0 { bytes.append(UInt8(ascii: "]")) }
            expectSameLabel(bytes)
        }
        // Around the longest label: 999 bytes inside the brackets pass, 1,000 do not, escapes too.
        for inside in 990...1_005 {
            for escapeAt in [-1, inside - 2, inside - 1, inside] {
                var bytes = [UInt8(ascii: "[")] + [UInt8](repeating: UInt8(ascii: "x"), count: inside)
                if escapeAt >= 0 && escapeAt < inside { bytes[1 + escapeAt] = UInt8(ascii: "\\") }
                bytes += Array("]]".utf8)
                expectSameLabel(bytes)
            }
        }
    }

    @Test("destinations: parentheses, escapes, spaces and control bytes at every place in a word")
    func destinations() {
        var random = SplitMix64(seed: 4)
        let alphabet: [UInt8] =
            Array("a/:.()\\ <>".utf8) + [0x00, 0x09, 0x0A, 0x1F, 0x21, 0x29, 0x2A, 0x7F, 0x80, 0xE2]
        for _ in 0..<6_000 {
            let length = Int(random.next() % 48)
            let bytes = (0..<length).map { _ in alphabet[Int(random.next() % UInt64(alphabet.count))] }
            bytes.withUnsafeBufferPointer { buffer in
                for start in [0, min(1, length)] {
                    for allowsEmpty in [false, true] {
                        let found = LinkSyntax.destination(in: buffer, at: start, allowsEmpty: allowsEmpty)
                        let expected = Self.destinationByBytes(buffer, at: start, allowsEmpty: allowsEmpty)
                        #expect(found?.content == expected?.content && found?.end == expected?.end, "\(bytes)")
                    }
                }
            }
        }
        // Nesting deeper than the limit is no destination, however the parentheses fall in words.
        for depth in 30...34 {
            let bytes = Array((String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)).utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let found = LinkSyntax.destination(in: buffer, at: 0, allowsEmpty: false)
                let expected = Self.destinationByBytes(buffer, at: 0, allowsEmpty: false)
                #expect(found?.end == expected?.end, "depth \(depth)")
            }
        }
    }

    private func expectSameLabel(_ bytes: [UInt8], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        bytes.withUnsafeBufferPointer { buffer in
            let found = LinkSyntax.label(in: buffer, at: 0)
            let expected = Self.labelByBytes(buffer, at: 0)
            #expect(
                found?.content == expected?.content && found?.end == expected?.end, "\(bytes.count) bytes",
                sourceLocation: sourceLocation)
        }
    }

    /// CommonMark's link label read a byte at a time: no unescaped bracket inside, at most 999 bytes.
    private static func labelByBytes(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (
        content: Range<Int>, end: Int
    )? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "[") else { return nil }
        var index = start + 1
        while index < bytes.count, index - start - 1 <= 999 {
            switch bytes[index] {
            case UInt8(ascii: "]"): return (start + 1..<index, index + 1)
            case UInt8(ascii: "["): return nil
            case UInt8(ascii: "\\"): index += index + 1 < bytes.count && ASCII.isPunctuation(bytes[index + 1]) ? 2 : 1
            default: index += 1
            }
        }
        return nil
    }

    /// CommonMark's link destination read a byte at a time: `<...>` on one line, or non-space,
    /// non-control bytes whose unescaped parentheses balance, nested at most 32 deep.
    private static func destinationByBytes(
        _ bytes: UnsafeBufferPointer<UInt8>, at start: Int, allowsEmpty: Bool
    ) -> (content: Range<Int>, end: Int)? {
        var index = start
        if index < bytes.count, bytes[index] == UInt8(ascii: "<") {
            index += 1
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ">"): return (start + 1..<index, index + 1)
                case 0x0A, 0x0D, UInt8(ascii: "<"): return nil
                case UInt8(ascii: "\\"):
                    index += index + 1 < bytes.count && ASCII.isPunctuation(bytes[index + 1]) ? 2 : 1
                default: index += 1
                }
            }
            return nil
        }
        var depth = 0
        scan: while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\\"):
                index += index + 1 < bytes.count && ASCII.isPunctuation(bytes[index + 1]) ? 2 : 1
            case UInt8(ascii: "("):
                depth += 1
                if depth > 32 { return nil }
                index += 1
            case UInt8(ascii: ")"):
                if depth == 0 { break scan }
                depth -= 1
                index += 1
            default:
                if byte <= 0x20 || byte == 0x7F { break scan }
                index += 1
            }
        }
        guard depth == 0, allowsEmpty || index > start else { return nil }
        return (start..<index, index)
    }
}
