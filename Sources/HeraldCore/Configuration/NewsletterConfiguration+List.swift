extension NewsletterConfiguration {
    /// The `[list]` table: where the mailing list's subscribers are kept, where its sign-up
    /// service is reached, and how its mail goes out.
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
        /// Where readers reach `herald list serve` (`https://list.example.org`): confirmation and
        /// unsubscribe links start with it. `nil` until the service is set up.
        public var url: String?
        /// The relay confirmation and welcome mails are submitted to (`smtp://user@host:587`,
        /// `smtps://user@host:465`); the password comes from `HERALD_SMTP_PASSWORD`.
        public var smtp: String?
        /// A PEM file of certificates to trust for the relay besides the system's roots.
        public var smtpTrust: String?
        /// The sender of the list's own mails; `nil` takes `[email] from`.
        public var from: String?

        public init(
            database: String? = nil, secretFile: String? = nil, url: String? = nil, smtp: String? = nil,
            smtpTrust: String? = nil, from: String? = nil
        ) {
            self.database = database
            self.secretFile = secretFile
            self.url = url
            self.smtp = smtp
            self.smtpTrust = smtpTrust
            self.from = from
        }
    }
}

extension NewsletterConfiguration.List: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        database = table.string("database")
        secretFile = table.string("secret_file")
        url = table.string("url")
        smtp = table.string("smtp")
        smtpTrust = table.string("smtp_trust")
        from = table.string("from")
        table.reportUnknownKeys()
    }
}
