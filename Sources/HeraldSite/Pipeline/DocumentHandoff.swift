import Foundation
import HeraldMarkdown

/// A parsed document handed to a step on another thread, which takes it: the thread keeps no
/// reference of its own, so the tree is freed as soon as the last step that walks it is done.
final class DocumentHandoff: @unchecked Sendable {
    private let lock = NSLock()
    private var document: MarkdownDocument?

    init(_ document: MarkdownDocument) {
        self.document = document
    }

    /// The document, once; `nil` after.
    func take() -> MarkdownDocument? {
        lock.withLock {
            defer { document = nil }
            return document
        }
    }
}
