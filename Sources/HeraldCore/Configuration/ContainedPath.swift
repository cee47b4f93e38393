public import Foundation

/// A path relative to an output folder that provably stays inside it: the one place where
/// configured patterns and an issue's metadata (slug, number, date) become the names Herald
/// writes, for the site's pages, the build manifest and `herald email`'s files.
///
/// A value from a pull request (`Slug: ../../../../tmp/x`) must not make CI write wherever it can
/// write, so the path is checked as text before it ever meets the file system: its components
/// are split on `/`, empty and `.` components are dropped, and a `..` component, a backslash or a
/// control character (NUL would cut the path short at the system call) is refused. What is left
/// can only name something below the folder it is appended to.
public struct ContainedPath: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// The path with `/` between its components, never empty, with no leading `/`.
    public let rawValue: String

    /// Checks a path relative to its folder, such as `theme/style.css`; a leading `/` is a
    /// site-root path and is read as relative.
    public init(_ path: String) throws(Escape) {
        if ContainedPath.isPlain(path) {
            rawValue = path
            return
        }
        var components: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) where component != "." {
            if component == ".." {
                throw Escape(path: path, reason: "it climbs out of its folder with '..'")
            }
            components.append(component)
        }
        if let bad = path.unicodeScalars.first(where: ContainedPath.isRefused) {
            let code = "U+" + String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4)
            throw Escape(path: path, reason: "it holds the character \(code), which no file name may hold")
        }
        guard !components.isEmpty else {
            throw Escape(path: path, reason: "it names the folder itself, not a file in it")
        }
        rawValue = components.joined(separator: "/")
    }

    /// The file a URL path is served from: a path ending in `/` (or empty) is a folder holding
    /// `index.html`, as static hosts serve it.
    public init(urlPath: String) throws(Escape) {
        let isFolder = urlPath.isEmpty || urlPath.hasSuffix("/")
        try self.init(isFolder ? urlPath + "index.html" : urlPath)
    }

    /// A file directly in its folder, such as `533.eml`: a `/` is refused as well, so the name
    /// cannot reach into a subfolder either.
    public init(fileName: String) throws(Escape) {
        if fileName.contains("/") {
            throw Escape(path: fileName, reason: "a file name cannot hold '/'")
        }
        try self.init(fileName)
        if rawValue != fileName {
            throw Escape(path: fileName, reason: "it is not a plain file name")
        }
    }

    /// The path's URL inside `folder`.
    public func url(in folder: URL) -> URL {
        folder.appendingPathComponent(rawValue)
    }

    /// The folder part, `""` for a file at the top.
    public var parent: String {
        guard let slash = rawValue.lastIndex(of: "/") else { return "" }
        return String(rawValue[..<slash])
    }

    public var description: String { rawValue }

    public static func < (lhs: ContainedPath, rhs: ContainedPath) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether `path` is already what checking would make of it: printable ASCII without a
    /// backslash, no leading, trailing or doubled `/`, no `.` or `..` component. A build checks
    /// thousands of paths, nearly all of them plain, and splitting each cost 25,000
    /// instructions.
    private static func isPlain(_ path: String) -> Bool {
        var length = 0
        var dots = 0
        for byte in path.utf8 {
            guard byte >= 0x20, byte < 0x7F, byte != UInt8(ascii: "\\") else { return false }
            if byte == UInt8(ascii: "/") {
                guard length > 0, dots != length || length > 2 else { return false }
                length = 0
                dots = 0
            } else {
                length += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
        }
        return length > 0 && (dots != length || length > 2)
    }

    /// C0 and C1 controls, DEL, and the backslash Windows (and so a static host's upload tool)
    /// reads as a separator.
    private static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) || scalar == "\\"
    }

    /// Why a value cannot be a path inside its folder.
    public struct Escape: Error, Hashable, Sendable, CustomStringConvertible {
        /// The path as it was made, before any checking.
        public var path: String
        public var reason: String

        /// A sentence naming the path, with control characters shown as escapes.
        public var description: String {
            let shown = path.unicodeScalars.map { $0.escaped(asASCII: true) }.joined()
            return "the path '\(shown)' would leave its folder: \(reason)"
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: Swift.max(0, width - count)) + self
    }
}
