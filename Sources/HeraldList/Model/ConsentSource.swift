/// How a subscriber's consent was given, kept as the record of consent that mail law asks for.
public enum ConsentSource: String, Sendable, CaseIterable, Codable {
    /// The sign-up form, with double opt-in.
    case form
    /// An import from another service (Mailchimp), which recorded the consent itself.
    case imported = "import"
    /// An editor added the address by hand (`herald list add`).
    case editor
}
