/// How much a problem matters: errors stop the step that found them, warnings do not.
public enum Severity: String, Hashable, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}
