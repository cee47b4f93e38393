import Foundation

/// What one `herald build` is asked to do, beyond what `herald.toml` says.
public struct BuildOptions: Sendable {
    /// The folder the site is written to; it is replaced as a whole at the end of the build.
    public var output: URL
    /// Whether drafts are built too, marked as drafts and kept out of search engines and feeds,
    /// so editors can preview next week's issue.
    public var includeDrafts: Bool
    /// Publish under this address instead of `[site] base_url`, e.g. `http://localhost:8000`
    /// for a preview.
    public var baseURL: String?

    public init(output: URL, includeDrafts: Bool = false, baseURL: String? = nil) {
        self.output = output
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
    }
}
