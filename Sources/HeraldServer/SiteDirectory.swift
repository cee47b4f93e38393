import Foundation

// Linux defines the dispatch sources' members in CDispatch, which member import visibility asks for.
#if canImport(CDispatch)
    import CDispatch
#endif

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The built site on disk, and the one place a request path becomes a file path.
///
/// A preview server reads files named by whoever can reach it, so a path is refused unless it
/// names a file that, with every symbolic link followed, lies inside the site: `..` and `.`
/// segments (however encoded), NUL bytes and backslashes are refused before touching the disk,
/// and hidden files (the build manifest) are not served.
struct SiteDirectory: Sendable {
    /// The site folder; resolved at each request, as it may not exist before the first build.
    let root: URL

    /// What a request path names.
    enum Resolution: Equatable, Sendable {
        /// A file inside the site, by its resolved path.
        case file(String)
        /// A folder asked for without its trailing slash: the address to send the browser to.
        case folder(redirectTo: String)
        /// Nothing the site serves.
        case notFound
    }

    /// Resolves `rawPath`, the request target's path as sent, still percent-encoded.
    func resolve(_ rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return .notFound }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        for segment in segments where segment.hasPrefix(".") || segment.contains("\\") || segment.contains("\0") {
            return .notFound
        }
        guard let root = SiteDirectory.resolvedPath(root.path) else { return .notFound }
        let relative = segments.joined(separator: "/")
        guard let resolved = inside(root, relative.isEmpty ? root : root + "/" + relative) else { return .notFound }
        var status = stat()
        guard stat(resolved, &status) == 0 else { return .notFound }
        switch status.st_mode & S_IFMT {
        case S_IFREG:
            return decoded.hasSuffix("/") ? .notFound : .file(resolved)
        case S_IFDIR:
            guard decoded.hasSuffix("/") else { return .folder(redirectTo: SiteDirectory.folderAddress(rawPath)) }
            guard let index = inside(root, resolved + "/index.html"), stat(index, &status) == 0,
                status.st_mode & S_IFMT == S_IFREG
            else { return .notFound }
            return .file(index)
        default:
            return .notFound
        }
    }

    /// The address a folder is redirected to: its path with one `/` between segments and one at
    /// the end. `//archive` must not become `//archive/`, which a browser reads as the host
    /// `archive`.
    static func folderAddress(_ rawPath: String) -> String {
        let segments = rawPath.split(separator: "/", omittingEmptySubsequences: true)
        return segments.isEmpty ? "/" : "/" + segments.joined(separator: "/") + "/"
    }

    /// `path` with every symbolic link followed, when it exists and lies inside `root` (resolved).
    private func inside(_ root: String, _ path: String) -> String? {
        guard let resolved = SiteDirectory.resolvedPath(path) else { return nil }
        return resolved == root || resolved.hasPrefix(root.hasSuffix("/") ? root : root + "/") ? resolved : nil
    }

    private static func resolvedPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
