/// The next issue's draft as `herald new` made it: what it is, where it goes, what it says.
///
/// A value rather than a file so that `--dry-run` can print exactly what a real run writes.
public struct Draft: Hashable, Sendable {
    public var number: Int
    public var date: IssueDate
    /// The last day of the events window.
    public var eventsEndDate: IssueDate
    /// Where the draft goes, relative to the newsletter folder.
    public var relativePath: String
    /// The draft's full text.
    public var text: String
    /// The issue the number and events were taken from, if there was one.
    public var previous: IssueFile?
    public var events: CarriedEvents
    /// Things worth telling the editor that did not stop the draft (an off-cadence date,
    /// a previous issue without events).
    public var warnings: [Problem]
}
