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
    var rule: RecurrenceRule?
    /// `RDATE`s: occurrences added to the rule's.
    var extraDates: [CalendarDateTime]
    /// `EXDATE`s: occurrences taken out of the rule's.
    var exceptions: [CalendarDateTime]
    /// Set when this `VEVENT` moves or cancels one occurrence of a series with the same `UID`.
    var recurrenceID: CalendarDateTime?
    var isCancelled: Bool
    /// The line of its `BEGIN:VEVENT`.
    var line: Int

    /// Reads a `VEVENT`.
    ///
    /// - Throws: a message for the line at fault: no `DTSTART`, an unreadable date, an `RRULE`
    ///   Herald cannot follow. The caller reports it and skips the event.
    init(_ component: CalendarComponent) throws(ContentLineLocatedError) {
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
        if let ruleProperty = component.property("RRULE") {
            do {
                rule = try RecurrenceRule(parsing: ruleProperty.value)
            } catch {
                throw ContentLineLocatedError(line: ruleProperty.line, message: error.message)
            }
        }
        extraDates = component.properties("RDATE").flatMap(CalendarDateTime.list).compactMap { $0 }
        var exceptions: [CalendarDateTime] = []
        for property in component.properties("EXDATE") {
            for value in CalendarDateTime.list(property) {
                guard let value else {
                    throw ContentLineLocatedError(
                        line: property.line, message: "EXDATE '\(property.value)' is not a date")
                }
                exceptions.append(value)
            }
        }
        self.exceptions = exceptions
        if let property = component.property("RECURRENCE-ID") {
            guard let value = CalendarDateTime(property) else {
                throw ContentLineLocatedError(
                    line: property.line, message: "RECURRENCE-ID '\(property.value)' is not a date or date-time")
            }
            recurrenceID = value
        }
    }
}

/// A problem with one event, at a line of its feed.
struct ContentLineLocatedError: Error {
    var line: Int
    var message: String
}

extension String {
    /// The string trimmed, or `nil` when nothing is left.
    var nonBlank: String? {
        let trimmed = trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
