public import Foundation

/// A file's bytes as one read found them: what an edit is planned from and what the file must
/// still hold when the edit is written back.
///
/// Drafts live on editors' machines and in pull requests; Herald plans an edit (a submitted
/// line, a carried entry, a gathered section, a fix) from one reading and writes it only if
/// nobody saved the file in between, so a concurrent save is never overwritten.
public struct DraftSnapshot: Hashable, Sendable {
    /// Where the file is.
    public let url: URL
    /// The path shown in problems about the file.
    public let displayPath: String
    /// The whole file as read, byte-order mark included.
    public let bytes: [UInt8]

    static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// A snapshot of bytes already read from `url`.
    public init(url: URL, displayPath: String, bytes: [UInt8]) {
        self.url = url
        self.displayPath = displayPath
        self.bytes = bytes
    }

    /// Reads the file at `url` now.
    ///
    /// - Throws: ``HeraldError`` with ``ProblemCode/unreadable`` naming `displayPath`.
    public static func read(at url: URL, displayPath: String) throws(HeraldError) -> DraftSnapshot {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw HeraldError(Problem(.unreadable, file: displayPath, message: "cannot read the file"))
        }
        return DraftSnapshot(url: url, displayPath: displayPath, bytes: Array(data))
    }

    /// Whether the file starts with a UTF-8 byte-order mark, which a write keeps.
    public var hasByteOrderMark: Bool { bytes.starts(with: Self.byteOrderMark) }

    /// The file's text without its byte-order mark, as ``IssueFile/text`` holds it.
    public var text: String {
        String(decoding: bytes.dropFirst(hasByteOrderMark ? 3 : 0), as: UTF8.self)
    }

    /// The file read as an issue, for planning an edit.
    public func issueFile() throws(HeraldError) -> IssueFile {
        try IssueFile(path: displayPath, data: Data(bytes))
    }
}
