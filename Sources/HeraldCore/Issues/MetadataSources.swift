/// What Herald knows of an issue's metadata besides its header: values from the file's path and
/// from the metadata table, other names for keys, and how dates are written.
///
/// Built per file from `[content]` by ``NewsletterFolder``; a value the header gives always wins
/// over one from outside, so an editor can correct any issue in its own file.
public struct MetadataSources: Hashable, Sendable {
    /// Values found outside the file, lower-cased key → value, used where the header has none.
    public var outside: [String: String]
    /// Other names for keys, lower-cased alias → Herald's key (`issue` → `number`).
    public var aliases: [String: String]
    /// How dates are written when not `YYYY-MM-DD`.
    public var dateFormat: DateFormat?

    public init(outside: [String: String] = [:], aliases: [String: String] = [:], dateFormat: DateFormat? = nil) {
        self.outside = outside
        self.aliases = aliases
        self.dateFormat = dateFormat
    }

    /// Nothing besides the header, as This Week in Rust's files need.
    public static let header = MetadataSources()
}
