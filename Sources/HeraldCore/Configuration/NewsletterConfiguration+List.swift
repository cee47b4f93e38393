extension NewsletterConfiguration {
    /// The `[list]` table: where the mailing list's subscribers are kept.
    ///
    /// Subscriber addresses must never be committable, so the default database lives in the
    /// user's data directory, not in the newsletter folder (HeraldList's `ListDatabaseLocation`).
    public struct List: Hashable, Sendable {
        /// A SQLite file path (relative paths start at the newsletter folder) or a
        /// `postgres://user@host:port/database` URL; `nil` means the default SQLite file.
        public var database: String?
        /// A file holding the secret that signs confirmation and unsubscribe links, when the
        /// `HERALD_LIST_SECRET` environment variable is not set.
        public var secretFile: String?

        public init(database: String? = nil, secretFile: String? = nil) {
            self.database = database
            self.secretFile = secretFile
        }
    }
}

extension NewsletterConfiguration.List: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        database = table.string("database")
        secretFile = table.string("secret_file")
        table.reportUnknownKeys()
    }
}
