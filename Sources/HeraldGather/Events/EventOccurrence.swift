public import HeraldCore

/// One occurrence of a calendar event on its local date: a row of the events section before
/// it is placed in a region and written.
public struct EventOccurrence: Hashable, Sendable {
    /// The event's local date, the day printed on its poster.
    public var date: IssueDate
    /// Minutes after midnight on the event's wall clock; `nil` for an all-day event.
    public var minutes: Int?
    public var title: String
    /// The event's own page.
    public var url: String?
    /// The `LOCATION` as written.
    public var location: String?
    /// The organising group: `ORGANIZER`'s name, else the calendar's name.
    public var organiser: String?
    /// The organiser's page when the feed gives one.
    public var organiserURL: String?
    /// The feed it came from and the line of its `BEGIN:VEVENT`, for problems.
    public var source: String
    public var line: Int

    public init(
        date: IssueDate, minutes: Int? = nil, title: String, url: String? = nil, location: String? = nil,
        organiser: String? = nil, organiserURL: String? = nil, source: String, line: Int = 1
    ) {
        self.date = date
        self.minutes = minutes
        self.title = title
        self.url = url
        self.location = location
        self.organiser = organiser
        self.organiserURL = organiserURL
        self.source = source
        self.line = line
    }
}
