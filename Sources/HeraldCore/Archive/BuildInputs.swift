public import Foundation

/// What a build of a newsletter reads, named in one place: the build keeps its output out of
/// these folders, the preview watches them, and the theme and the email read their overrides
/// from the theme folder named here.
///
/// Two descriptions drift: a folder the watcher missed (standalone pages kept outside the
/// content folder, the metadata table) meant a preview that did not rebuild after a save.
public struct BuildInputs: Sendable {
    /// The folder of templates and assets that replace Herald's own, inside the newsletter.
    public static let themeFolderName = "theme"

    /// The newsletter's folder, as it was given.
    public let root: URL
    /// Folders whose files a build reads, recursively; none lies inside another.
    public let folders: [URL]
    /// Single files a build reads: `herald.toml` and the metadata table when there is one.
    public let files: [URL]
    /// The theme folder (which need not exist).
    public let theme: URL

    /// What a build of the newsletter at `root` reads. Without a configuration (a `herald.toml`
    /// that does not parse) the default folders stand in, and `herald.toml` is still named,
    /// so fixing it is noticed.
    public init(root: URL, configuration: NewsletterConfiguration?) {
        let paths = configuration?.paths ?? NewsletterConfiguration.Paths()
        self.root = root
        theme = root.appendingPathComponent(Self.themeFolderName)
        let named = [paths.content, paths.drafts, paths.pages].map { root.appendingPathComponent($0) } + [theme]
        var folders: [URL] = []
        for folder in named.map(\.standardizedFileURL) where !folders.contains(where: { Self.folder(folder, isIn: $0) })
        {
            folders.removeAll { Self.folder($0, isIn: folder) }
            folders.append(folder)
        }
        self.folders = folders
        files =
            [root.appendingPathComponent("herald.toml")]
            + (configuration?.content.metadata.map { [root.appendingPathComponent($0)] } ?? [])
    }

    /// Whether `folder` is `container` or lies inside it.
    private static func folder(_ folder: URL, isIn container: URL) -> Bool {
        folder.path == container.path || folder.path.hasPrefix(container.path + "/")
    }
}

extension NewsletterFolder {
    /// What a build of this newsletter reads.
    public var buildInputs: BuildInputs { BuildInputs(root: root, configuration: configuration) }

    /// The theme folder, as problems name it.
    public var themeDisplayPath: String { displayPath(BuildInputs.themeFolderName) }
}
