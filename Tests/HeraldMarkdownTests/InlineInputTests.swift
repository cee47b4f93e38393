import Testing

@testable import HeraldMarkdown

/// A leaf's text viewed in the source (``InlineInput/appendSourceLine(_:at:)``) reads, cuts and
/// maps back to the source exactly as the same text copied does, and a second line joins it as
/// if both had been copied.
@Suite struct InlineInputTests {
    static let line = Array("[ ] [a]: /x then  text \t".utf8)
    static let origin = SourceLocation(line: 7, column: 3)

    /// The same text twice: viewed in `source`, and copied.
    static func pair(_ source: UnsafeBufferPointer<UInt8>) -> (viewed: InlineInput, copied: InlineInput) {
        var viewed = InlineInput()
        viewed.appendSourceLine(source, at: origin)
        var copied = InlineInput()
        copied.appendLine(Array(source), at: origin)
        return (viewed, copied)
    }

    static func expectSame(_ viewed: InlineInput, _ copied: InlineInput, _ step: String) {
        #expect(viewed.withBytes(Array.init) == copied.withBytes(Array.init), "\(step): text")
        #expect(viewed.count == copied.count, "\(step): count")
        for offset in 0...copied.count {
            #expect(viewed.location(of: offset) == copied.location(of: offset), "\(step): offset \(offset)")
        }
    }

    /// A pending leaf is held for every leaf of a document between its two phases (92,600 of them
    /// for the archive in one file): no optional's tag byte and no padding between its fields.
    @Test("a pending leaf is 48 bytes")
    func pendingLeafSize() {
        #expect(MemoryLayout<PendingLeaf>.stride == 48)
    }

    @Test("a leaf of no lines, of one and of several counts its origins")
    func lineOrigins() {
        var origins = LineOrigins()
        #expect(origins.isEmpty && origins.onlyOrigin == nil)
        origins.append(LineOrigin(offset: 0, line: 1, column: 1))
        #expect(origins.count == 1 && origins.onlyOrigin?.line == 1)
        origins.append(LineOrigin(offset: 4, line: 2, column: 3))
        #expect(origins.count == 2 && origins.onlyOrigin == nil && origins[1].column == 3)
        origins.removeLast()
        #expect(origins.count == 1 && origins[0].line == 1)
        origins.removeLast()
        #expect(origins.isEmpty)
    }

    @Test("cut at the front, at the back and of its trailing blanks, a view is its copy")
    func cutsMatch() {
        InlineInputTests.line.withUnsafeBufferPointer { source in
            var (viewed, copied) = InlineInputTests.pair(source)
            InlineInputTests.expectSame(viewed, copied, "as made")
            viewed.removeFirst(4)
            copied.removeFirst(4)
            InlineInputTests.expectSame(viewed, copied, "after removeFirst")
            viewed.trimTrailingWhitespace()
            copied.trimTrailingWhitespace()
            InlineInputTests.expectSame(viewed, copied, "after trimTrailingWhitespace")
            viewed.removeLast(from: 11)
            copied.removeLast(from: 11)
            InlineInputTests.expectSame(viewed, copied, "after removeLast")
            #expect(viewed.withBytes { String(decoding: $0, as: UTF8.self) } == "[a]: /x the")
            viewed.removeFirst(viewed.count)
            #expect(viewed.isEmpty && viewed.lines.isEmpty)
        }
    }

    @Test("a second line after a viewed one gives the text two copied lines give")
    func aSecondLineJoins() {
        let second = Array("second line".utf8)
        let next = SourceLocation(line: 8, column: 5)
        InlineInputTests.line.withUnsafeBufferPointer { source in
            var (viewed, copied) = InlineInputTests.pair(source)
            second.withUnsafeBufferPointer { viewed.appendSourceLine($0, at: next) }
            copied.appendLine(second, at: next)
            InlineInputTests.expectSame(viewed, copied, "two lines")
            #expect(viewed.lines.count == 2)
            #expect(viewed.location(of: InlineInputTests.line.count + 1) == next)
        }
    }
}
