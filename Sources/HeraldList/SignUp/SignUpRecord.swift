/// What one sign-up from the form did to the list: the sign-up service answers every sign-up
/// alike (so the form does not tell strangers who is subscribed), and this says what happened.
public struct SignUpRecord: Sendable, Equatable {
    /// Where the address stood before this sign-up.
    public enum Standing: Sendable, Equatable {
        /// Not on the list: stored now as pending.
        case new
        /// Signed up before and not yet confirmed.
        case pending
        /// Already receives the newsletter: nothing changes, no mail.
        case subscribed
        /// Left or bounced: stays so until the reader confirms from the new mail.
        case left
    }

    public let subscriberID: Int64
    public let standing: Standing
    /// Whether a confirmation mail was queued; not when one was queued in the last day, or
    /// when the reader is subscribed already.
    public let mailQueued: Bool

    public init(subscriberID: Int64, standing: Standing, mailQueued: Bool) {
        self.subscriberID = subscriberID
        self.standing = standing
        self.mailQueued = mailQueued
    }
}
