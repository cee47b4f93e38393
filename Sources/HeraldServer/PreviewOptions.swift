import Foundation
import HeraldSite

/// What one `herald serve` is asked to do: which newsletter, where the preview is built, and
/// where it listens.
public struct PreviewOptions: Sendable {
    /// The newsletter folder, holding `herald.toml` or `content/`.
    public var folder: URL
    /// Where the preview site is built; kept apart from `_site` so a preview never replaces the
    /// site about to be published.
    public var output: URL
    /// The address to listen on; loopback by default, so a draft is not shown to the network.
    public var host: String
    /// The port to listen on; `0` lets the system pick a free one (``PreviewServer`` reports it).
    public var port: Int
    /// Whether drafts are built: the point of a preview, so on unless asked otherwise.
    public var includeDrafts: Bool
    /// How often the watched files are looked at; a poll is a `stat` of every watched file.
    public var pollInterval: Duration
    /// How long a change must stay quiet before the rebuild, so an editor's save in several
    /// writes is built once, complete.
    public var settleDelay: Duration

    public init(
        folder: URL, output: URL, host: String = "127.0.0.1", port: Int = 8000, includeDrafts: Bool = true,
        pollInterval: Duration = .milliseconds(50), settleDelay: Duration = .milliseconds(10)
    ) {
        self.folder = folder
        self.output = output
        self.host = host
        self.port = port
        self.includeDrafts = includeDrafts
        self.pollInterval = pollInterval
        self.settleDelay = settleDelay
    }

    /// The preview folder for a newsletter: in the system's temporary folder, named after the
    /// newsletter's path, so nothing is written into the newsletter's repository and a second
    /// `herald serve` of the same folder starts from the last preview (an incremental build).
    public static func defaultOutput(for folder: URL) -> URL {
        let path = folder.standardizedFileURL.resolvingSymlinksInPath().path
        let name = "herald-preview-" + String(StableHash.hash(path.utf8), radix: 16)
        return FileManager.default.temporaryDirectory.appendingPathComponent(name, isDirectory: true)
    }
}
