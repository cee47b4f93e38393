import Foundation
import HeraldCore

/// What the last build wrote: each output path with the key of the inputs it was made from.
///
/// Saved inside the output folder, so it is moved in last, after the files it describes, and can
/// never claim a file that a failed build did not write. It is also Herald's proof of ownership:
/// a build deletes only files a readable manifest names, so a manifest that is empty, corrupt,
/// foreign or of a format Herald cannot read deletes nothing (a `CNAME`, a gh-pages `.git/`
/// survive) and only makes every page again.
struct BuildManifest: Codable, Sendable {
    static let fileName = ".herald-manifest.json"

    /// Bumped whenever Herald's output changes for the same inputs, to rebuild everything once.
    static let currentFormat = 1

    var format: Int = BuildManifest.currentFormat
    /// Output path → input key in hexadecimal.
    var files: [String: String] = [:]

    /// The manifest in `folder` in any format whose file list Herald can read, or `nil` when
    /// there is none or it cannot be read.
    static func read(in folder: URL) -> BuildManifest? {
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(fileName).path) else {
            return nil
        }
        let quick = data.withUnsafeBytes { bytes in
            var reader = ManifestReader(bytes: bytes.bindMemory(to: UInt8.self))
            return reader.manifest()
        }
        return quick ?? (try? JSONDecoder().decode(BuildManifest.self, from: data))
    }

    /// Whether the keys were made by this version's rules, so files they name can be carried over.
    var hasCurrentKeys: Bool { format == BuildManifest.currentFormat }

    /// The paths this manifest proves Herald wrote: those that stay inside the output folder.
    var ownedPaths: Set<ContainedPath> {
        Set(files.keys.compactMap { try? ContainedPath($0) })
    }

    /// The manifest as JSON in the shape ``ManifestReader`` reads, written with ``JSONWriter``:
    /// `JSONEncoder` spent 28 M instructions on the archive's 1,400 entries at every build that
    /// wrote a file.
    func data() -> Data {
        var json = JSONWriter(capacity: files.count * 64)
        json.object { json in
            json.key("files")
            json.object { json in
                for (path, key) in files.sorted(by: { $0.key < $1.key }) {
                    json.key(path)
                    json.string(key)
                }
            }
            json.key("format")
            json.raw(String(format))
        }
        return Data(json.bytes)
    }
}

/// Reads the shape ``BuildManifest/data()`` writes, `{"files": {path: key, …}, "format": n}`,
/// straight from the bytes: every build reads the manifest, and `JSONDecoder` spent 13,000
/// instructions on each of its 1,400 entries. Anything else (an escape in a string, another key,
/// a fraction) gives `nil`, and `JSONDecoder` reads it instead.
private struct ManifestReader {
    let bytes: UnsafeBufferPointer<UInt8>
    private var position = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func manifest() -> BuildManifest? {
        var manifest = BuildManifest()
        var sawFormat = false
        let read = object { reader, key in
            switch key {
            case "files":
                var files: [String: String] = [:]
                let read = reader.object { reader, path in
                    guard let value = reader.string() else { return false }
                    files[path] = value
                    return true
                }
                manifest.files = files
                return read
            case "format":
                guard let format = reader.integer() else { return false }
                manifest.format = format
                sawFormat = true
                return true
            default:
                return false
            }
        }
        skipWhitespace()
        return read && sawFormat && position == bytes.count ? manifest : nil
    }

    /// An object, each member's value read by `member` (which returns false to give up).
    private mutating func object(_ member: (inout ManifestReader, String) -> Bool) -> Bool {
        guard consume(UInt8(ascii: "{")) else { return false }
        if consume(UInt8(ascii: "}")) { return true }
        repeat {
            guard let key = string(), consume(UInt8(ascii: ":")), member(&self, key) else { return false }
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "}"))
    }

    /// A string without escapes or control characters.
    private mutating func string() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = position
        while position < bytes.count, bytes[position] != UInt8(ascii: "\"") {
            guard bytes[position] != UInt8(ascii: "\\"), bytes[position] >= 0x20 else { return nil }
            position += 1
        }
        guard position < bytes.count else { return nil }
        let text = String(validating: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        position += 1
        return text
    }

    /// A non-negative integer of at most nine digits.
    private mutating func integer() -> Int? {
        skipWhitespace()
        var value = 0
        let start = position
        let digits = UInt8(ascii: "0")...UInt8(ascii: "9")
        while position < bytes.count, position - start < 9, digits.contains(bytes[position]) {
            value = value * 10 + Int(bytes[position] - UInt8(ascii: "0"))
            position += 1
        }
        let next = position < bytes.count ? bytes[position] : UInt8(ascii: " ")
        guard position > start, next != UInt8(ascii: "."), next != UInt8(ascii: "e"), next != UInt8(ascii: "E"),
            !digits.contains(next)
        else { return nil }
        return value
    }

    /// Skips whitespace, then takes `byte` if it is next.
    private mutating func consume(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard position < bytes.count, bytes[position] == byte else { return false }
        position += 1
        return true
    }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
            default: return
            }
        }
    }
}
