import HeraldCore

extension PlaceInsight {
    /// The place's events dated on or after `date` (the newest published issue's): what its
    /// `events.ics` holds. A place with none has no calendar.
    func upcomingEvents(from date: IssueDate?) -> [EventCalendar.Event] {
        guard let date else { return [] }
        return events.compactMap { event in
            guard let day = event.entry.date, day >= date else { return nil }
            return (event.entry, day, name)
        }
    }
}
