/// A `VTIMEZONE` read: the UTC offsets its `STANDARD` and `DAYLIGHT` observances give, and when
/// each begins, from their `DTSTART`, `RRULE`s and `RDATE`s.
///
/// Feeds from Outlook and Exchange name zones their own way ("W. Europe Standard Time", or a
/// display name) and define them in the feed; this is how Herald reads those definitions.
struct TimeZoneDefinition: Sendable {
    /// Each observance's onset as a UTC moment, with the offset it brings, in time order.
    private(set) var transitions: [(utc: Int, offset: Int)]
    /// The offset before the first onset: the first observance's `TZOFFSETFROM`.
    private(set) var initialOffset: Int

    /// How many onsets one observance may give, so a hostile rule (`FREQ=SECONDLY`) stays cheap.
    static let maximumOnsets = 5_000

    /// Reads a `VTIMEZONE`, listing onsets up to the end of `lastYear`; `nil` when it has no
    /// observance with a readable start and offsets.
    init?(_ component: CalendarComponent, throughYear lastYear: Int) {
        var onsets: [(utc: Int, offset: Int, from: Int)] = []
        let end = WallTime(day: DayFacts.firstDay(ofYear: min(max(lastYear, 1), 9999)) + 365, second: 86_399)
        for observance in component.components where ["STANDARD", "DAYLIGHT"].contains(observance.name) {
            guard let startValue = observance.property("DTSTART").flatMap(CalendarDateTime.init),
                let from = observance.property("TZOFFSETFROM").flatMap({ Self.offset($0.value) }),
                let to = observance.property("TZOFFSETTO").flatMap({ Self.offset($0.value) })
            else { continue }
            let start = startValue.time
            var times: [WallTime] = [start]
            for property in observance.properties("RRULE") {
                guard let rule = try? RecurrenceRule(parsing: property.value) else { continue }
                // UNTIL is in UTC here; the onsets are on the clock before the change.
                let until = rule.until.map { $0.zone == .utc ? $0.time.adding(seconds: from) ?? $0.time : $0.time }
                times +=
                    rule.occurrences(
                        startingAt: start, until: until, from: start, through: end, limit: Self.maximumOnsets
                    ).times
            }
            for property in observance.properties("RDATE") {
                times += CalendarDateTime.list(property).compactMap { $0?.time }.prefix(Self.maximumOnsets)
            }
            onsets += times.map { (utc: $0.secondsSinceEpoch - from, offset: to, from: from) }
        }
        guard let first = onsets.min(by: { $0.utc < $1.utc }) else { return nil }
        initialOffset = first.from
        transitions = onsets.sorted { $0.utc < $1.utc }.map { ($0.utc, $0.offset) }
    }

    /// The offset in force at the UTC moment `seconds`.
    func offset(atUTC seconds: Int) -> Int {
        var low = 0
        var high = transitions.count
        while low < high {
            let middle = (low + high) / 2
            if transitions[middle].utc <= seconds { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? initialOffset : transitions[low - 1].offset
    }

    /// `+0100`, `-0500`, `+013045` as seconds east of UTC.
    static func offset(_ text: String) -> Int? {
        let characters = Array(text.trimmingSpaces.utf8)
        guard characters.count == 5 || characters.count == 7, let sign = characters.first,
            sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-")
        else { return nil }
        var parts: [Int] = []
        var index = 1
        while index + 1 < characters.count {
            let tens = Int(characters[index]) - 48
            let ones = Int(characters[index + 1]) - 48
            guard (0...9).contains(tens), (0...9).contains(ones) else { return nil }
            parts.append(tens * 10 + ones)
            index += 2
        }
        guard parts[0] < 24, parts[1] < 60, parts.count < 3 || parts[2] < 60 else { return nil }
        let seconds = parts[0] * 3600 + parts[1] * 60 + (parts.count == 3 ? parts[2] : 0)
        return sign == UInt8(ascii: "-") ? -seconds : seconds
    }
}

extension String {
    /// The text without surrounding spaces.
    var trimmingSpaces: String { Substring(self).trimmingSpaces }
}
