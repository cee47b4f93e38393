import Testing

@testable import HeraldCheck

@Suite("mojibake")
struct MojibakeTests {
    @Test("damage is found wherever it falls after a run of ASCII, which is skipped a word at a time")
    func everyAlignment() {
        for prefix in 0...17 {
            for suffix in [0, 1, 9] {
                let text = String(repeating: "a", count: prefix) + "â€” é" + String(repeating: "b", count: suffix)
                let damages = Array(text.utf8).withUnsafeBufferPointer(Mojibake.find(in:))
                #expect(
                    damages == [Mojibake.Damage(range: prefix..<prefix + 8, original: "â€”", repaired: "—")],
                    "after \(prefix) ASCII bytes")
            }
        }
    }

    @Test("text that is only ASCII, or Latin text that never spells UTF-8, has none")
    func noDamage() {
        #expect(
            Array(String(repeating: "plain text ", count: 20).utf8).withUnsafeBufferPointer(Mojibake.find(in:)).isEmpty)
        #expect(Array("café crème, naïve — fine".utf8).withUnsafeBufferPointer(Mojibake.find(in:)).isEmpty)
        #expect([UInt8]().withUnsafeBufferPointer(Mojibake.find(in:)).isEmpty)
    }
}
