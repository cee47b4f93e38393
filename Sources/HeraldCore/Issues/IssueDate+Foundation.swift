public import Foundation

extension IssueDate {
    /// The calendar day `instant` falls on in `timeZone`: what "today" means for editors
    /// who may be a day ahead of or behind the machine running Herald.
    public init(_ instant: Date, in timeZone: TimeZone) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        // A Gregorian calendar always yields a valid year, month and day.
        self.init(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
