public import Foundation

extension FileManager {
    /// Paths of the visible regular files under `folder`, relative to it, sorted: a theme's or
    /// a page bundle's files, hidden ones (`.DS_Store`, an editor's swap file) left out.
    package func regularFiles(under folder: URL) -> [String] {
        guard
            let enumerator = enumerator(
                at: folder, includingPropertiesForKeys: [.isRegularFileKey], options: [.skipsHiddenFiles])
        else { return [] }
        let base = folder.standardizedFileURL.path
        var paths: [String] = []
        for case let url as URL in enumerator
        where (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            paths.append(String(url.standardizedFileURL.path.dropFirst(base.count).drop { $0 == "/" }))
        }
        return paths.sorted()
    }
}
