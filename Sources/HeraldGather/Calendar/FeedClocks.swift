/// The clocks a feed's values are written on, and how to move a value from one to another.
///
/// A series runs on the clock of its `DTSTART`: a zone's wall clock, UTC, or a floating time.
/// Values written on another clock (an `EXDATE` in UTC, a `RECURRENCE-ID` in another zone)
/// are moved onto it before they are compared. Occurrences are listed on their own wall clock,
/// except UTC ones, which are listed in the feed's time zone.
struct FeedClocks {
    enum Clock {
        case zone(name: String, CalendarZone)
        case utc
        case floating
    }

    let zones: ZoneDirectory
    /// The feed's own zone, where UTC times are listed and floating ones are placed.
    let listingZone: CalendarZone?

    init(zones: ZoneDirectory, listingZoneName: String?) {
        self.zones = zones
        listingZone = listingZoneName.flatMap(zones.zone(named:))
    }

    /// The clock `value` is written on; a `TZID` Herald cannot resolve reads as floating.
    func clock(of value: CalendarDateTime) -> Clock {
        switch value.zone {
        case .floating: .floating
        case .utc: .utc
        case .named(let name): zones.zone(named: name).map { .zone(name: name, $0) } ?? .floating
        }
    }

    /// `value` moved onto `clock`.
    func time(of value: CalendarDateTime, on clock: Clock) -> WallTime {
        let source = self.clock(of: value)
        switch (source, clock) {
        case (.floating, .floating), (.utc, .utc): return value.time
        case (.zone(let from, _), .zone(let to, _)) where from == to: return value.time
        default: break
        }
        if value.isDate { return value.time }
        let utc: WallTime
        switch source {
        case .utc: utc = value.time
        case .zone(_, let zone): utc = zone.utc(ofWallTime: value.time)
        case .floating: utc = listingZone?.utc(ofWallTime: value.time) ?? value.time
        }
        switch clock {
        case .utc: return utc
        case .zone(_, let zone): return zone.wallTime(ofUTC: utc)
        case .floating: return listingZone?.wallTime(ofUTC: utc) ?? utc
        }
    }

    /// Where a time on `clock` is listed: UTC times in the feed's zone, others as written.
    func listingTime(of time: WallTime, on clock: Clock) -> WallTime {
        guard case .utc = clock, let listingZone else { return time }
        return listingZone.wallTime(ofUTC: time)
    }

    /// Where a value is listed.
    func listingTime(of value: CalendarDateTime) -> WallTime {
        listingTime(of: value.time, on: clock(of: value))
    }
}
