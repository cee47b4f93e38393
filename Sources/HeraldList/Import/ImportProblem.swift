/// A row an import skipped, and why: rendered `file:line: message` so editors can jump to it.
public struct ImportProblem: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let message: String

    public var description: String { "\(file):\(line): \(message)" }
}

/// Why one row cannot be imported; the reader adds the file and line.
struct ImportRowProblem: Error {
    let message: String

    init(_ message: String) { self.message = message }
}
