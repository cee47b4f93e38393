public import Foundation

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
    /// Write links inside the site relative to each page (`../archive/index.html`), so the site
    /// can be opened from the disk; off for a site that is served, whose links stay root-relative.
    public var relativeURLs: Bool
    /// Build the insight pages whatever `[build] insights` says (`true`), or never (`false`);
    /// `nil` leaves it to the configuration.
    public var insights: Bool?

    public init(
        output: URL, includeDrafts: Bool = false, baseURL: String? = nil, relativeURLs: Bool = false,
        insights: Bool? = nil
    ) {
        self.output = output
        self.includeDrafts = includeDrafts
        self.baseURL = baseURL
        self.relativeURLs = relativeURLs
        self.insights = insights
    }
}
