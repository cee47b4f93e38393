import Foundation

/// How a `TZID`'s wall clock relates to UTC: Foundation's time zone database for IANA names
/// (and Windows names mapped to them), or the rules a feed's own `VTIMEZONE` gives.
enum CalendarZone {
    case system(SystemZone)
    case defined(TimeZoneDefinition)

    /// Seconds the wall clock is ahead of UTC at the UTC moment `seconds`.
    func offset(atUTC seconds: Int) -> Int {
        switch self {
        case .system(let zone): zone.offset(atUTC: seconds)
        case .defined(let definition): definition.offset(atUTC: seconds)
        }
    }

    /// The wall-clock time at the UTC moment `utc`.
    func wallTime(ofUTC utc: WallTime) -> WallTime {
        utc.adding(seconds: offset(atUTC: utc.secondsSinceEpoch)) ?? utc
    }

    /// The UTC moment a wall-clock time names. In the hour a clock skips or repeats, the
    /// offset before the change is used, as RFC 5545 §3.3.5 asks.
    func utc(ofWallTime wall: WallTime) -> WallTime {
        let seconds = wall.secondsSinceEpoch
        let before = offset(atUTC: seconds - 86_400)
        let after = offset(atUTC: seconds + 86_400)
        let keepsBefore = offset(atUTC: seconds - before) == before
        let keepsAfter = offset(atUTC: seconds - after) == after
        return wall.adding(seconds: -(keepsAfter && !keepsBefore ? after : before)) ?? wall
    }
}

/// The zones a feed's values are written in, resolved once per name.
///
/// A `TZID` is looked up as an IANA name first; then in the feed's `VTIMEZONE`s; then as a
/// Windows name (Outlook, Exchange); then as the IANA name at the end of a vendor prefix
/// (`/mozilla.org/20050126_1/Europe/Berlin`). An unknown name is `nil`: its values are read
/// as the wall-clock times they state.
final class ZoneDirectory {
    private let definitions: [String: CalendarComponent]
    private let horizon: Int
    private var resolved: [String: CalendarZone?] = [:]

    /// - Parameters:
    ///   - timeZones: the feed's `VTIMEZONE` components.
    ///   - horizon: the last year whose `VTIMEZONE` transitions may be needed.
    init(timeZones: [CalendarComponent], horizon: Int) {
        var definitions: [String: CalendarComponent] = [:]
        for component in timeZones {
            if let tzid = component.property("TZID")?.value, definitions[tzid] == nil { definitions[tzid] = component }
        }
        self.definitions = definitions
        self.horizon = horizon
    }

    func zone(named tzid: String) -> CalendarZone? {
        if let known = resolved[tzid] { return known }
        let zone = lookUp(tzid)
        resolved[tzid] = zone
        return zone
    }

    private func lookUp(_ tzid: String) -> CalendarZone? {
        if let zone = TimeZone(identifier: tzid) { return .system(SystemZone(zone)) }
        if let component = definitions[tzid], let definition = TimeZoneDefinition(component, throughYear: horizon) {
            return .defined(definition)
        }
        if let identifier = WindowsZones.ianaName(for: tzid), let zone = TimeZone(identifier: identifier) {
            return .system(SystemZone(zone))
        }
        let parts = tzid.split(separator: "/")
        for length in [3, 2] where parts.count > length {
            if let zone = TimeZone(identifier: parts.suffix(length).joined(separator: "/")) {
                return .system(SystemZone(zone))
            }
        }
        return nil
    }
}
