import HeraldMarkdown

/// One `key: value` line of an issue's header, before its value is interpreted.
struct MetadataEntry: Hashable, Sendable {
    /// The key as written (`Title`, `title`); compared case-insensitively.
    var key: String
    /// One value, or several for a YAML list (`tags: [a, b]`, `- item` lines).
    var values: [String]
    /// Where the key starts.
    var keyLocation: SourceLocation
    /// Where the value starts, for errors about the value.
    var valueLocation: SourceLocation

    var normalizedKey: String { key.lowercased() }
    var joinedValue: String { values.joined(separator: ", ") }
}
