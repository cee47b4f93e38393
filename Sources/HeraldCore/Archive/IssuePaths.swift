import Foundation

/// Paths a user gives a verb (`herald check content/ draft/next.md`), as the files they name:
/// a folder stands for the issue files under it, so every verb that takes paths takes folders.
package enum IssuePaths {
    /// `path` itself, or, when it is a folder, the files under it that are written in a format
    /// `keeping` accepts, sorted, hidden files and folders skipped.
    package static func expanding(
        _ path: String, keeping keep: (IssueFileFormat) -> Bool = { $0 != .notAnIssue }
    ) -> [String] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue,
            let enumerator = FileManager.default.enumerator(atPath: path)
        else { return [path] }
        var files: [String] = []
        while let relative = enumerator.nextObject() as? String {
            let full = (path as NSString).appendingPathComponent(relative)
            var isFolder: ObjCBool = false
            guard !relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }),
                FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue,
                keep(IssueFileFormat(fileName: relative))
            else { continue }
            files.append(full)
        }
        return files.sorted()
    }
}
