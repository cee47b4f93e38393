package import Foundation

/// A file, folder or link found under a folder, by its path relative to it.
///
/// Read with `readdir`, whose entries carry their type: `FileManager`'s enumerator made a
/// dictionary of attributes for each entry, some 130,000 instructions a file, which was a tenth
/// of a rebuild that found nothing changed.
package struct FolderEntry: Equatable, Sendable {
    package enum Kind: Equatable, Sendable {
        case regularFile, folder, symbolicLink, other
    }

    /// The path below the folder walked, `/` between components.
    package let path: String
    package let kind: Kind

    /// Every entry under `folder`, each folder's entries after it. Hidden entries (a name that
    /// starts with `.`) and everything in a hidden folder are left out, and symbolic links are
    /// reported, not followed.
    package static func all(under folder: URL) -> [FolderEntry] {
        var entries: [FolderEntry] = []
        walk(folder.path, relative: "", depth: 0, into: &entries)
        return entries
    }

    /// Deeper than any folder an editor keeps; the walk stops there rather than recurse without end.
    private static let maximumDepth = 256

    private static func walk(_ folder: String, relative: String, depth: Int, into entries: inout [FolderEntry]) {
        guard depth < maximumDepth, let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: &entry.pointee.d_name) {
                String(cString: UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self))
            }
            guard !name.hasPrefix(".") else { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            let full = folder + "/" + name
            let kind = Self.kind(ofType: entry.pointee.d_type, at: full)
            entries.append(FolderEntry(path: path, kind: kind))
            if kind == .folder { walk(full, relative: path, depth: depth + 1, into: &entries) }
        }
    }

    /// The kind `readdir` gives (`DT_REG`, `DT_DIR`, `DT_LNK`), or `lstat`'s where the file
    /// system does not say (`DT_UNKNOWN`).
    private static func kind(ofType type: UInt8, at path: String) -> Kind {
        switch type {
        case 8: return .regularFile
        case 4: return .folder
        case 10: return .symbolicLink
        case 0:
            var status = stat()
            guard lstat(path, &status) == 0 else { return .other }
            switch status.st_mode & S_IFMT {
            case S_IFREG: return .regularFile
            case S_IFDIR: return .folder
            case S_IFLNK: return .symbolicLink
            default: return .other
            }
        default: return .other
        }
    }
}
