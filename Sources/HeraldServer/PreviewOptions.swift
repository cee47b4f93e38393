public import Foundation
public import HeraldCore
import HeraldSite

/// What one `herald serve` is asked to do: which newsletter, where the preview is built, and
/// where it listens.
public struct PreviewOptions: Sendable {
    /// The newsletter folder, holding `herald.toml` or `content/`.
    public var folder: URL
    /// Where the preview site is built; kept apart from `_site` so a preview never replaces the
    /// site about to be published (see ``makePrivateOutput()``).
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

    /// A new preview folder, `site` inside a private folder of the system's temporary folder.
    ///
    /// The folder is made by `mkdtemp(3)`: a fresh, unpredictable name created with mode 0700,
    /// which fails rather than follow anything another user planted in the shared temporary
    /// folder (a symbolic link with a name Herald would pick). Drafts built into it are readable
    /// by this user only. The caller removes ``privateFolder(of:)`` when the preview ends.
    ///
    /// - Throws: ``HeraldError`` when the temporary folder cannot be written.
    public static func makePrivateOutput() throws(HeraldError) -> URL {
        let template = FileManager.default.temporaryDirectory.appendingPathComponent("herald-preview-XXXXXX").path
        var bytes = Array(template.utf8CString)
        guard let made = mkdtemp(&bytes) else {
            throw HeraldError(
                Problem(
                    .unreadable, file: template,
                    message: "cannot create a private preview folder (\(SystemError.description(of: errno)))",
                    fix: "set TMPDIR to a folder you can write"))
        }
        return URL(fileURLWithPath: String(cString: made), isDirectory: true).appendingPathComponent("site")
    }

    /// The private folder holding a preview made by ``makePrivateOutput()``.
    public static func privateFolder(of output: URL) -> URL {
        output.deletingLastPathComponent()
    }
}
