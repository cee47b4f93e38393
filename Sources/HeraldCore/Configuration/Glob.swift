/// A file name pattern of `[content] include` and `exclude`: `*` any characters but `/`, `**`
/// any number of folders, `?` one character.
///
/// A pattern without `/` names files at any depth (`_index.md`, `*.draft.md`), as in a
/// `.gitignore`; one with `/` is matched against the whole path inside the content folder
/// (`blog/**`, `20??/issue-*.md`).
public struct Glob: Hashable, Sendable, CustomStringConvertible {
    /// The pattern as written.
    public let rawValue: String
    private let characters: [Character]
    private let matchesAnyFolder: Bool

    /// Reads a pattern; fails on an empty one, which would match nothing.
    public init(_ rawValue: String) throws(PathPattern.PatternError) {
        guard !rawValue.isEmpty else { throw PathPattern.PatternError(message: "an empty pattern matches no file") }
        let trimmed = rawValue.hasPrefix("/") ? String(rawValue.dropFirst()) : rawValue
        self.rawValue = rawValue
        self.matchesAnyFolder = !rawValue.contains("/")
        self.characters = Array(matchesAnyFolder ? "**/" + trimmed : trimmed)
    }

    /// Whether `path`, relative to the content folder, matches.
    public func matches(_ path: String) -> Bool {
        Glob.match(characters[...], Array(path)[...])
    }

    private static func match(_ pattern: ArraySlice<Character>, _ path: ArraySlice<Character>) -> Bool {
        guard let first = pattern.first else { return path.isEmpty }
        if first == "*", pattern.dropFirst().first == "*" {
            var rest = pattern.dropFirst(2)
            // `**/` also matches no folder at all.
            if rest.first == "/" {
                rest = rest.dropFirst()
                if match(rest, path) { return true }
                return path.indices.contains { path[$0] == "/" && match(rest, path[($0 + 1)...]) }
            }
            return path.indices.contains { match(rest, path[$0...]) } || match(rest, path[path.endIndex...])
        }
        if first == "*" {
            let rest = pattern.dropFirst()
            var index = path.startIndex
            while true {
                if match(rest, path[index...]) { return true }
                guard index < path.endIndex, path[index] != "/" else { return false }
                index += 1
            }
        }
        guard let character = path.first else { return false }
        if first == "?" ? character != "/" : first == character {
            return match(pattern.dropFirst(), path.dropFirst())
        }
        return false
    }

    public var description: String { rawValue }
}
