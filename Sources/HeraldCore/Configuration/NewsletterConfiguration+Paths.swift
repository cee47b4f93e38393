extension NewsletterConfiguration {
    /// The `[paths]` table: where issues live, relative to the folder holding `herald.toml`.
    public struct Paths: Hashable, Sendable {
        /// Published issues, searched recursively.
        public var content: String
        /// Issues being written; `herald new` puts the next one here.
        public var drafts: String
        /// Standalone pages (an about page, a privacy policy) inside ``content`` that are not issues.
        public var pages: String

        public init(content: String = "content", drafts: String = "draft", pages: String? = nil) {
            self.content = content
            self.drafts = drafts
            self.pages = pages ?? content + "/pages"
        }
    }
}
