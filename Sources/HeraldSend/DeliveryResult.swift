/// What one try did for one recipient.
enum DeliveryResult: Sendable {
    case sent
    /// A 4xx or a failed session: try again later.
    case deferred(code: Int?, text: String, throttling: Bool, dropsConnection: Bool)
    /// A 5xx, or a message that can never go: do not try again.
    case failed(code: Int?, text: String)

    var dropsConnection: Bool {
        if case .deferred(_, _, _, let drops) = self { return drops }
        return false
    }
}
