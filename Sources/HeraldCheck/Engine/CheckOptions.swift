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

    public init(contributor: Contributor = .editor, duplicateWindow: Int? = nil) {
        self.contributor = contributor
        self.duplicateWindow = duplicateWindow
    }
}
