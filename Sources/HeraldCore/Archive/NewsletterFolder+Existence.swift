public import Foundation

extension NewsletterFolder {
    /// Throws unless `root` is a folder: a mistyped `--folder` must stop every verb alike, not
    /// read as a newsletter with no issues (or, for the list, open another newsletter's
    /// subscriber database by the default settings).
    public static func requireFolder(at root: URL) throws(HeraldError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw HeraldError(
                Problem(
                    .unreadable, file: root.relativePath, message: "there is no newsletter folder here",
                    fix: "pass the folder holding herald.toml or content/, or create one with 'herald init'"))
        }
    }
}
