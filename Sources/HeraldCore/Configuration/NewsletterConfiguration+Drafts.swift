extension NewsletterConfiguration {
    /// The `[drafts]` table: how `herald new` makes the next draft.
    public struct Drafts: Hashable, Sendable {
        /// The template a new draft is made from, relative to the newsletter folder;
        /// `nil` means `DRAFT_TEMPLATE` in the drafts folder.
        public var template: String?
        /// The new draft's file name, inside the drafts folder.
        public var fileName: PathPattern

        public init(template: String? = nil, fileName: PathPattern = Drafts.twirFileName) {
            self.template = template
            self.fileName = fileName
        }

        /// This Week in Rust's draft file name, e.g. `2025-07-02-this-week-in-rust.md`.
        // swift-format-ignore: NeverUseForceTry
        public static let twirFileName = try! PathPattern("{date}-this-week-in-rust.md")
    }
}
