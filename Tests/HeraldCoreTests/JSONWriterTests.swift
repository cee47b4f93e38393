import Foundation
import HeraldCore
import Testing

/// ``JSONWriter`` writes a long array in runs on every core, and a streaming one passes its
/// bytes on as it goes; the bytes must be those of one writer writing every member in turn.
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

    @Test(
        "a streaming writer leaves in its file the bytes one writer holds, passing them on as it goes",
        arguments: [0, 1, 4_096, 40_001])
    func streamingWritesTheSameBytes(count: Int) throws {
        let pairs = (0..<count).map { Pair(name: "pair \"\($0)\"", number: $0) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("out.json")
        var largestHeld = 0
        try AtomicFile.replace(at: url, displayPath: "out.json") { file throws(POSIXError) in
            var json = JSONWriter(streamingTo: file)
            json.object { json in
                json.field("pairs", pairs)
                largestHeld = json.bytes.count
            }
            try json.finish()
        }
        #expect(String(decoding: try Data(contentsOf: url), as: UTF8.self) == expected(count))
        // 40,001 pairs are 2.3 MB: by the array's end most of them were in the file.
        #expect(largestHeld < 2 * 1_048_576)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.json"])
    }

    @Test("a file that cannot be written fails the stream, and the file replaced is left as it was")
    func failedStreamLeavesTheOldFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("json-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("out.json")
        try Data("old\n".utf8).write(to: url)
        let pairs = (0..<40_001).map { Pair(name: "pair \"\($0)\"", number: $0) }
        // A descriptor open for reading only: every write(2) to it fails.
        let readOnly = open(url.path, O_RDONLY)
        defer { close(readOnly) }
        var json = JSONWriter(streamingTo: WritableFile(descriptor: readOnly))
        json.object { json in json.field("pairs", pairs) }
        #expect(throws: POSIXError.self) { try json.finish() }
        #expect(
            throws: HeraldError.self,
            performing: {
                try AtomicFile.replace(at: url, displayPath: "out.json") { file throws(POSIXError) in
                    try file.write(Array("{".utf8))
                    throw POSIXError(.ENOSPC)
                }
            })
        #expect(try String(contentsOf: url, encoding: .utf8) == "old\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["out.json"])
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

    @Test("a byte that needs an escape is found wherever it sits in a string, among bytes that need none")
    func escapesAreFoundAtEveryPlace() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        // Bytes beside the escaped ones in value (0x20, 0x21, 0x23, 0x5B, 0x5D), the last ASCII
        // byte, and characters of two and four bytes, which shift the escapes' byte places.
        let plain = [" ", "!", "#", "[", "]", "\u{7F}", "é", "🦀", "a"]
        for length in 0..<20 {
            for place in 0...length {
                for special in ["\"", "\\", "\n", "\u{1F}", "\u{0}"] {
                    var characters = (0..<length).map { plain[$0 % plain.count] }
                    if place < length { characters[place] = special }
                    let text = characters.joined()
                    let expected = String(decoding: try encoder.encode(text), as: UTF8.self)
                    var json = JSONWriter()
                    json.string(text)
                    #expect(String(decoding: json.bytes, as: UTF8.self) == expected)
                    #expect(JSONWriter.literal(text) == expected)
                }
            }
        }
    }

    @Test("a number is written in decimal, the extremes included", arguments: [0, 7, -7, 10, -100, Int.max, Int.min])
    func numbersAreDecimal(number: Int) {
        var json = JSONWriter()
        json.number(number)
        #expect(String(decoding: json.bytes, as: UTF8.self) == String(number))
    }
}
