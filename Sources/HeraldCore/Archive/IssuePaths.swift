import Foundation

/// Paths a user gives a verb (`herald check content/ draft/next.md`), as the files they name:
/// a folder stands for the issue files under it, so every verb that takes paths takes folders.
package enum IssuePaths {
    /// `path` itself, or, when it is a folder, the files under it that are written in a format
    /// `keeping` accepts, sorted, hidden files and folders skipped.
    package static func expanding(
        _ path: String, keeping keep: (IssueFileFormat) -> Bool = { $0 != .notAnIssue }
    ) -> [String] {
        var status = stat()
        guard stat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { return [path] }
        // The folder walk that reads a newsletter's folder, with no `stat` of a file `readdir`
        // has named (FileManager's enumerator and a check of each file took a tenth of a second
        // for ten archives, on one core, before any was read).
        var folder = path
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        let prefix = folder == "/" ? "/" : folder + "/"
        return FolderEntry.all(under: URL(fileURLWithPath: folder)).compactMap { entry in
            guard keep(IssueFileFormat(fileName: entry.path)) else { return nil }
            let full = prefix + entry.path
            switch entry.kind {
            case .folder: return nil
            case .regularFile, .other: return full
            // A link is followed, as the files it names are: to a file, not to a folder.
            case .symbolicLink:
                var target = stat()
                return stat(full, &target) == 0 && target.st_mode & S_IFMT != S_IFDIR ? full : nil
            }
        }.sorted()
    }
}
