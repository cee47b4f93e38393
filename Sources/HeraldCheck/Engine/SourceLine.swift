import HeraldCore

/// A reported line of a checked file, kept as where it is in the file's bytes: the text is made
/// only for the reports that show it (the terminal's caret display, the baseline's match), where
/// a string made for every finding was an allocation each, held to the end of the check (the
/// ten-times archive's 247 thousand findings slowed every later allocation of the check).
struct SourceLine: Hashable, Sendable {
    private let bytes: FileBytes
    private let range: Range<Int>

    /// Line `line` (1-based) of `bytes`, whose lines start at `lineStarts`, without its line end;
    /// empty for a line the file does not have.
    init(_ line: Int, of bytes: FileBytes, lineStarts: [Int]) {
        self.bytes = bytes
        guard line >= 1, line <= lineStarts.count else {
            range = 0..<0
            return
        }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        range = start..<max(start, end)
    }

    /// A line given as text.
    init(text: String) {
        bytes = FileBytes(text: text)
        range = 0..<bytes.count
    }

    /// The line as text, ill-formed UTF-8 repaired.
    var text: String {
        withBytes { String(decoding: $0, as: UTF8.self) }
    }

    private func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[range])) }
    }

    static func == (left: SourceLine, right: SourceLine) -> Bool {
        left.withBytes { left in right.withBytes { left.elementsEqual($0) } }
    }

    func hash(into hasher: inout Hasher) {
        withBytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
