package import Foundation

extension FileManager {
    /// Paths of the visible regular files under `folder`, relative to it, sorted: a theme's or
    /// a page bundle's files, hidden ones (`.DS_Store`, an editor's swap file) left out.
    package func regularFiles(under folder: URL) -> [String] {
        FolderEntry.all(under: folder).filter { $0.kind == .regularFile }.map(\.path).sorted()
    }
}
