import Foundation
import HeraldCore

/// Asks git whether a file could be committed from the newsletter's work tree: subscriber
/// addresses must never reach a (often public) repository.
enum GitWorkTree {
    /// Throws when `path` lies inside the work tree holding `folder` and git does not ignore it
    /// (a tracked file counts as not ignored).
    /// A folder outside any work tree, or a machine without git, has nothing to commit to.
    static func refuseCommittable(_ path: String, newsletterFolder folder: URL) throws(ListStoreError) {
        guard let found = run(["-C", folder.path, "rev-parse", "--show-toplevel"], in: folder), found.status == 0,
            !found.output.isEmpty
        else { return }
        let top = found.output
        let root = URL(fileURLWithPath: top).resolvingSymlinksInPath().path
        let file = resolvedPath(path)
        guard file.hasPrefix(root + "/") else { return }
        let relative = String(file.dropFirst(root.count + 1))
        let ignored = run(["-C", root, "check-ignore", "-q", "--", relative], in: folder)
        if ignored?.status != 0 { throw ListStoreError(.insideWorkTree(path: path)) }
    }

    /// `path` with symbolic links resolved in its deepest existing folder, so that a link into
    /// the work tree is caught.
    private static func resolvedPath(_ path: String) -> String {
        var folder = URL(fileURLWithPath: path).standardizedFileURL
        var rest: [String] = []
        while !FileManager.default.fileExists(atPath: folder.path), folder.path != "/" {
            rest.insert(folder.lastPathComponent, at: 0)
            folder.deleteLastPathComponent()
        }
        var resolved = folder.resolvingSymlinksInPath()
        for component in rest { resolved.appendPathComponent(component) }
        return resolved.path
    }

    private static func run(_ arguments: [String], in folder: URL) -> (status: Int32, output: String)? {
        guard let outcome = try? GitProcess(directory: folder).run(arguments) else { return nil }
        return (outcome.status, outcome.text.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
