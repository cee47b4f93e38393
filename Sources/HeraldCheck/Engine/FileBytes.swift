import HeraldCore

/// A checked file's bytes: a text's own UTF-8, or bytes as they were read.
///
/// A file the folder has read already is checked from its text, which the folder keeps: copied
/// into an array for the rules' byte offsets, a 50 MB issue was held twice through its check.
public struct FileBytes: RandomAccessCollection, Sendable {
    private enum Storage: Sendable {
        case text(String)
        case bytes([UInt8])
    }

    private let storage: Storage
    public let endIndex: Int

    /// Bytes as read, which may not be UTF-8.
    public init(_ bytes: [UInt8]) {
        storage = .bytes(bytes)
        endIndex = bytes.count
    }

    /// A text's UTF-8, read from the string's own storage.
    public init(text: String) {
        var text = text
        text.makeContiguousUTF8()
        storage = .text(text)
        endIndex = text.utf8.count
    }

    public var startIndex: Int { 0 }

    public subscript(position: Int) -> UInt8 {
        precondition(position >= 0 && position < endIndex, "offset \(position) is outside the file")
        return withUnsafeBufferPointer { $0[position] }
    }

    /// The text, when these are a text's bytes.
    var text: String? {
        if case .text(let text) = storage { return text }
        return nil
    }

    /// The bytes, valid only inside `body`.
    public func withUnsafeBufferPointer<Result>(
        _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result {
        switch storage {
        case .bytes(let bytes): return try bytes.withUnsafeBufferPointer(body)
        // A contiguous string (see the initialiser) lends its storage.
        case .text(let text): return try text.withUTF8Bytes(body)
        }
    }

    /// Whether `bytes` are these bytes.
    func equals(_ bytes: [UInt8]) -> Bool {
        withUnsafeBufferPointer { mine in bytes.withUnsafeBufferPointer { mine.elementsEqual($0) } }
    }
}
