/// A mail the sign-up service owes a reader, kept in the database until the relay takes it, so
/// that a sign-up answered before a crash still gets its confirmation after the restart.
public struct QueuedMail: Sendable, Equatable {
    /// What the mail is for.
    public enum Kind: String, Sendable {
        /// The double opt-in mail with the confirmation link.
        case confirmation = "confirm"
    }

    public let id: Int64
    public let subscriberID: Int64
    public let kind: Kind
    /// How many times sending was tried before, this claim included.
    public let attempts: Int

    public init(id: Int64, subscriberID: Int64, kind: Kind, attempts: Int) {
        self.id = id
        self.subscriberID = subscriberID
        self.kind = kind
        self.attempts = attempts
    }
}
