import Foundation
import HeraldCore
import Testing

/// ``JSONWriter`` writes a long array in runs on every core; the bytes must be those of one
/// writer writing every member in turn.
@Suite struct JSONWriterTests {
    /// An object with two members, as the check report's entries are.
    struct Pair: JSONWritable, Equatable, Decodable {
        let name: String
        let number: Int

        func write(to json: inout JSONWriter) {
            json.object { json in
                json.field("name", name)
                json.field("number", number)
            }
        }
    }

    /// What `count` pairs inside an object's member look like, written out by hand.
    func expected(_ count: Int) -> String {
        let members = (0..<count).map { index in
            "    {\n      \"name\": \"pair \\\"\(index)\\\"\",\n      \"number\": \(index)\n    }"
        }
        let array = count == 0 ? "[]" : "[\n" + members.joined(separator: ",\n") + "\n  ]"
        return "{\n  \"pairs\": " + array + "\n}"
    }

    @Test(
        "long and short arrays, nested in an object, are laid out member by member",
        arguments: [0, 1, 3, 4_095, 4_096, 10_001])
    func arraysOfAnyLengthWriteTheSameLayout(count: Int) throws {
        let pairs = (0..<count).map { Pair(name: "pair \"\($0)\"", number: $0) }
        var json = JSONWriter()
        json.object { json in json.field("pairs", pairs) }
        let text = String(decoding: json.bytes, as: UTF8.self)
        #expect(text == expected(count))
        struct Root: Decodable { let pairs: [Pair] }
        #expect(try JSONDecoder().decode(Root.self, from: Data(json.bytes)).pairs == pairs)
    }

    @Test("a string literal is the one JSONEncoder writes (slashes unescaped), every ASCII byte included")
    func literalsAreJSONEncoders() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var every = String(String.UnicodeScalarView((0..<0x80).map { Unicode.Scalar(UInt8($0)) }))
        every += "\u{2028}\u{85}é🦀 <a href=\"https://x.example/\">"
        for text in [every, "", "plain", "\u{8}\u{C}\\\""] {
            #expect(JSONWriter.literal(text) == String(decoding: try encoder.encode(text), as: UTF8.self))
        }
    }
}
