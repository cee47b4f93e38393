/// An event looking for speakers: `[**event**](url) | closes | location | event date`.
///
/// The fields are free text in practice ("Rolling deadline", "2025-09-02 - 2025-09-05"), so
/// each is kept as written, with the first date found in it parsed alongside.
public struct CFPEvent: Hashable, Sendable, Codable {
    public var event: String
    public var url: String?
    /// When submissions close, as written.
    public var closes: String?
    /// The first `YYYY-MM-DD` in ``closes``.
    public var closesOn: IssueDate?
    public var location: String?
    /// When the event takes place, as written.
    public var eventDates: String?
    /// The first `YYYY-MM-DD` in ``eventDates``.
    public var startsOn: IssueDate?
    public var source: SourceSpan

    public init(
        event: String, url: String?, closes: String?, location: String?, eventDates: String?, source: SourceSpan
    ) {
        self.event = event
        self.url = url
        self.closes = closes
        self.closesOn = closes.flatMap(IssueDate.init(firstIn:))
        self.location = location
        self.eventDates = eventDates
        self.startsOn = eventDates.flatMap(IssueDate.init(firstIn:))
        self.source = source
    }
}
