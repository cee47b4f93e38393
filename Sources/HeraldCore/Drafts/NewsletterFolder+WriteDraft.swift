public import Foundation

extension NewsletterFolder {
    /// Writes `draft` into the drafts folder, creating the folder if needed.
    ///
    /// The text goes to a temporary file beside the target first and is then moved into place,
    /// so an interrupted run never leaves half a draft; an existing file is never replaced.
    ///
    /// - Returns: the written file's URL.
    @discardableResult
    public func write(_ draft: Draft) throws(HeraldError) -> URL {
        let target = url(draft.relativePath)
        try AtomicFile.create(at: target, contents: Data(draft.text.utf8), displayPath: displayPath(draft.relativePath))
        return target
    }
}
