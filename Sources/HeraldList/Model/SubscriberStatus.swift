/// Where a subscriber stands: the four states a list service needs to honour consent.
public enum SubscriberStatus: String, Sendable, CaseIterable, Codable {
    /// Signed up, but has not yet confirmed from the mail sent to them: receives nothing else.
    case pending
    /// Confirmed (or imported as confirmed): receives the newsletter.
    case subscribed
    /// Left the list: kept, so that no import or sign-up mistake adds them back silently.
    case unsubscribed
    /// Mail to the address bounced for good: kept, so that it is not mailed again.
    case cleaned

    /// Whether the subscriber has left, by their choice or because the address is dead.
    public var hasLeft: Bool { self == .unsubscribed || self == .cleaned }
}
