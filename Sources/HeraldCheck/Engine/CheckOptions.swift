/// How one run of `herald check` behaves beyond the configuration.
public struct CheckOptions: Sendable {
    /// Who wrote the change being checked: an outside contributor's links are held to each
    /// section's policy (`closed-section`).
    public enum Contributor: String, Sendable, CaseIterable {
        case editor, outside
    }

    public var contributor: Contributor
    /// Overrides `[check] duplicate_window`: how many earlier issues a link may not repeat from
    /// (`0` means the whole archive).
    public var duplicateWindow: Int?
    /// Runs the `dialect-*` rules too: Markdown that Python-Markdown renders otherwise than
    /// Herald, for an archive moving from Pelican.
    public var migrating: Bool

    public init(contributor: Contributor = .editor, duplicateWindow: Int? = nil, migrating: Bool = false) {
        self.contributor = contributor
        self.duplicateWindow = duplicateWindow
        self.migrating = migrating
    }
}
