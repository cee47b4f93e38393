/// A day of the week, for a newsletter's publication cadence.
public enum Weekday: Int, CaseIterable, Hashable, Sendable, Codable, CustomStringConvertible {
    case sunday, monday, tuesday, wednesday, thursday, friday, saturday

    /// Parses an English day name, any case ("Wednesday", "wednesday").
    public init?(name: String) {
        guard let day = Weekday.allCases.first(where: { $0.name == name.lowercased() }) else { return nil }
        self = day
    }

    /// The lower-case English name, as written in `herald.toml`.
    public var name: String {
        switch self {
        case .sunday: "sunday"
        case .monday: "monday"
        case .tuesday: "tuesday"
        case .wednesday: "wednesday"
        case .thursday: "thursday"
        case .friday: "friday"
        case .saturday: "saturday"
        }
    }

    public var description: String { name }
}
