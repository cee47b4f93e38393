/// A template that cannot be parsed: what is wrong, how to fix it, and where (1-based line and
/// column, in characters).
struct TemplateSyntaxError: Error, Equatable, Sendable {
    let message: String
    let fix: String
    let line: Int
    let column: Int

    /// The error at a byte `offset` into `source`.
    init(_ message: String, fix: String, at offset: Int, in source: [UInt8]) {
        self.message = message
        self.fix = fix
        var line = 1
        var lineStart = 0
        for index in 0..<min(offset, source.count) where source[index] == UInt8(ascii: "\n") {
            line += 1
            lineStart = index + 1
        }
        self.line = line
        // Characters, not bytes: count every byte that starts a UTF-8 sequence.
        self.column = 1 + source[lineStart..<min(offset, source.count)].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }
}
