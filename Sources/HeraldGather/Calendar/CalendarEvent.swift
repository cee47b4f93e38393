import Foundation

/// One `VEVENT` as Herald needs it: what, when, where, who organises it, and how it repeats.
struct CalendarEvent: Sendable {
    var uid: String?
    var summary: String
    var description: String?
    /// The event's page: its `URL` property, or the first web address in its description.
    var url: String?
    var location: String?
    /// `ORGANIZER`'s `CN`, the name organisers give themselves.
    var organiserName: String?
    /// `ORGANIZER`'s value when it is a web address rather than `mailto:`.
    var organiserURL: String?
    var start: CalendarDateTime
    /// Every readable `RRULE`; the series is their union (RFC 5545 allows several).
    var rules: [RecurrenceRule]
    /// `RDATE`s: occurrences added to the rules' (a period counts from its start).
    var extraDates: [CalendarDateTime]
    /// `EXDATE`s: occurrences taken out of the rules'.
    var exceptions: [CalendarDateTime]
    /// Set when this `VEVENT` moves or cancels an occurrence of a series with the same `UID`.
    var recurrenceID: CalendarDateTime?
    /// `RECURRENCE-ID;RANGE=THISANDFUTURE`: the change applies to every later occurrence too.
    var changesFuture: Bool
    /// `SEQUENCE`: the revision; the highest of several copies of one event wins.
    var sequence: Int
    /// `DTSTAMP`: when this copy was written, to break ties between equal sequences.
    var stamp: WallTime?
    var isCancelled: Bool
    /// The line of its `BEGIN:VEVENT`.
    var line: Int

    /// Reads a `VEVENT`; a bad `RRULE`, `RDATE` or `EXDATE` costs only itself and is noted.
    ///
    /// - Throws: a message for the line at fault when the event cannot be placed at all: no
    ///   `DTSTART`, an unreadable `DTSTART` or `RECURRENCE-ID`. The caller reports it and
    ///   skips the event.
    init(_ component: CalendarComponent, notes: inout [ContentLineLocatedError]) throws(ContentLineLocatedError) {
        line = component.line
        guard let startProperty = component.property("DTSTART") else {
            throw ContentLineLocatedError(line: component.line, message: "the event has no DTSTART")
        }
        guard let start = CalendarDateTime(startProperty) else {
            throw ContentLineLocatedError(
                line: startProperty.line, message: "DTSTART '\(startProperty.value)' is not a date or date-time")
        }
        self.start = start
        uid = component.property("UID")?.value
        summary = component.property("SUMMARY").map { CalendarText.unescape($0.value) } ?? ""
        description = component.property("DESCRIPTION").map { CalendarText.unescape($0.value) }
        location = component.property("LOCATION").map { CalendarText.unescape($0.value) }.flatMap(\.nonBlank)
        url = component.property("URL").map(\.value).flatMap(\.nonBlank) ?? description.flatMap(WebAddress.first(in:))
        if let organiser = component.property("ORGANIZER") {
            organiserName = organiser.parameter("CN").flatMap(\.nonBlank)
            organiserURL = WebAddress.isWebAddress(organiser.value) ? organiser.value : nil
        }
        isCancelled = component.property("STATUS")?.value.uppercased() == "CANCELLED"
        sequence = component.property("SEQUENCE").flatMap { Int($0.value.trimmingSpaces) } ?? 0
        stamp = component.property("DTSTAMP").flatMap(CalendarDateTime.init)?.time
        rules = []
        for property in component.properties("RRULE") {
            do {
                rules.append(try RecurrenceRule(parsing: property.value))
            } catch {
                notes.append(
                    ContentLineLocatedError(
                        line: property.line,
                        message: "\(error.message); the rule is not followed and the event keeps its own dates"))
            }
        }
        extraDates = Self.values(of: component.properties("RDATE"), notes: &notes)
        exceptions = Self.values(of: component.properties("EXDATE"), notes: &notes)
        changesFuture = false
        if let property = component.property("RECURRENCE-ID") {
            guard let value = CalendarDateTime(property) else {
                throw ContentLineLocatedError(
                    line: property.line, message: "RECURRENCE-ID '\(property.value)' is not a date or date-time")
            }
            recurrenceID = value
            changesFuture = property.parameter("RANGE")?.uppercased() == "THISANDFUTURE"
        }
    }

    /// The readable values of `RDATE` or `EXDATE` properties; each unreadable one is noted.
    private static func values(of properties: [ContentLine], notes: inout [ContentLineLocatedError])
        -> [CalendarDateTime]
    {
        var values: [CalendarDateTime] = []
        for property in properties {
            for value in CalendarDateTime.list(property) {
                if let value {
                    values.append(value)
                } else {
                    notes.append(
                        ContentLineLocatedError(
                            line: property.line,
                            message: "\(property.name) '\(property.value)' holds a value that is not a date; "
                                + "that value is skipped"))
                }
            }
        }
        return values
    }

    /// Whether this copy of an event supersedes `other`, a copy with the same `UID` and
    /// `RECURRENCE-ID`: a higher `SEQUENCE`, else a later `DTSTAMP`, else the later in the feed.
    func supersedes(_ other: CalendarEvent) -> Bool {
        if sequence != other.sequence { return sequence > other.sequence }
        if let stamp, let otherStamp = other.stamp, stamp != otherStamp { return stamp > otherStamp }
        return true
    }
}

/// A problem with one event, at a line of its feed.
struct ContentLineLocatedError: Error {
    var line: Int
    var message: String
}

extension String {
    /// The string trimmed, or `nil` when nothing is left.
    ///
    /// Most values have nothing to trim, which is told from their first and last bytes
    /// without Foundation's trimming, called for every value of a large feed.
    var nonBlank: String? {
        if let first = utf8.first, let last = utf8.last, Self.isVisibleASCII(first), Self.isVisibleASCII(last) {
            return self
        }
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}

extension String {
    /// A printable ASCII byte other than the space: nothing Foundation would trim.
    fileprivate static func isVisibleASCII(_ byte: UInt8) -> Bool {
        (0x21...0x7E).contains(byte)
    }
}
