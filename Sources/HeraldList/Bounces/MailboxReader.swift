import Foundation

/// The messages of an mbox file or a Maildir folder (`cur/` and `new/`, or the files directly in it).
public enum MailboxReader {
    /// Each message's bytes, in file order.
    ///
    /// - Throws: ``BounceFileError`` naming the path when it cannot be read.
    public static func messages(at path: String) throws(BounceFileError) -> [[UInt8]] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw BounceFileError(path: path, reason: "there is no such file or folder")
        }
        if isFolder.boolValue { return try maildir(path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw BounceFileError(path: path, reason: "it cannot be read")
        }
        return mbox(Array(data))
    }

    /// Splits at lines starting `From ` (the mbox separator), dropping the separator line.
    static func mbox(_ bytes: [UInt8]) -> [[UInt8]] {
        var messages: [[UInt8]] = []
        var start: Int?
        var lineStart = 0
        let separator = Array("From ".utf8)
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != 10 { lineEnd += 1 }
            let next = min(lineEnd + 1, bytes.count)
            if bytes[lineStart..<min(lineStart + 5, bytes.count)].elementsEqual(separator) {
                if let start { messages.append(Array(bytes[start..<lineStart])) }
                start = next
            } else if start == nil {
                start = lineStart
            }
            lineStart = next
        }
        if let start, start < bytes.count { messages.append(Array(bytes[start...])) }
        return messages
    }

    static func maildir(_ path: String) throws(BounceFileError) -> [[UInt8]] {
        let manager = FileManager.default
        var folders = [path + "/cur", path + "/new"].filter { manager.fileExists(atPath: $0) }
        if folders.isEmpty { folders = [path] }
        var messages: [[UInt8]] = []
        for folder in folders {
            guard let names = try? manager.contentsOfDirectory(atPath: folder) else {
                throw BounceFileError(path: folder, reason: "the folder cannot be listed")
            }
            for name in names.sorted() where !name.hasPrefix(".") {
                var isFolder: ObjCBool = false
                let file = folder + "/" + name
                guard manager.fileExists(atPath: file, isDirectory: &isFolder), !isFolder.boolValue,
                    let data = manager.contents(atPath: file)
                else { continue }
                messages.append(Array(data))
            }
        }
        return messages
    }
}

/// A bounce file or folder that cannot be read.
public struct BounceFileError: Error, Sendable, CustomStringConvertible {
    public let path: String
    public let reason: String

    public var description: String { "cannot read '\(path)': \(reason)" }
}
