extension NewsletterConfiguration {
    /// The `[email]` table: who an email edition is from and to, its subject and its footer.
    ///
    /// The email is pasted into a mailing service or sent as a file, so every default is a value
    /// such a service understands: Mailchimp's unsubscribe merge tag, a placeholder recipient.
    public struct Email: Hashable, Sendable {
        /// The `From` header, `Name <address>` or an address; `nil` makes one from the site's
        /// title and host (`This Week in Rust <newsletter@this-week-in-rust.org>`).
        public var from: String?
        /// The `To` header; the default, an empty group, leaves the recipients to the service.
        public var to: String
        /// The subject, with `{title}`, `{number}`, `{date}` and `{site}` filled in for each issue.
        public var subject: PathPattern
        /// What the footer's unsubscribe link points at when ``unsubscribeURL`` is unset: a
        /// mailing service's merge tag, replaced per recipient when the email is sent.
        public var unsubscribePlaceholder: String
        /// A real unsubscribe address: the footer links there and the message gets
        /// `List-Unsubscribe` headers, which mail clients show as an unsubscribe button.
        public var unsubscribeURL: String?
        /// The sender's postal address, shown in the footer as anti-spam laws require.
        public var postalAddress: String?

        public init(
            from: String? = nil, to: String = "undisclosed-recipients:;", subject: PathPattern = Email.defaultSubject,
            unsubscribePlaceholder: String = "*|UNSUB|*", unsubscribeURL: String? = nil, postalAddress: String? = nil
        ) {
            self.from = from
            self.to = to
            self.subject = subject
            self.unsubscribePlaceholder = unsubscribePlaceholder
            self.unsubscribeURL = unsubscribeURL
            self.postalAddress = postalAddress
        }

        /// The placeholders a subject template may use.
        public static let subjectPlaceholders: Set<String> = ["title", "number", "date", "site"]

        /// The title as the subject: TWiR's titles are already `This Week in Rust 533`.
        // swift-format-ignore: NeverUseForceTry
        public static let defaultSubject = try! PathPattern("{title}", allowed: subjectPlaceholders)
    }
}

extension NewsletterConfiguration.Email: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        from = table.string("from")
        if let value = table.string("to") { to = value }
        if let value = table.parsed("subject", describedAs: "a subject template", Self.subject) { subject = value }
        if let value = table.string("unsubscribe_placeholder") { unsubscribePlaceholder = value }
        unsubscribeURL = table.string("unsubscribe_url")
        postalAddress = table.string("postal_address")
        table.reportUnknownKeys()
    }

    private static func subject(_ text: String) -> Result<PathPattern, Problem> {
        do {
            return .success(try PathPattern(text, allowed: subjectPlaceholders))
        } catch {
            return .failure(Problem(.invalidValue, message: error.message))
        }
    }
}
