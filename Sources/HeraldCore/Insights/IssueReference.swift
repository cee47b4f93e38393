/// Which issue an insight points at: enough to list and link it without its model.
///
/// The caller chooses ``id`` (the site uses the issue's output path, the export its file), so
/// the extraction stays free of addresses.
public struct IssueReference: Hashable, Sendable, Codable {
    public var id: String
    public var title: String
    public var number: Int?
    public var date: IssueDate

    public init(id: String, title: String, number: Int?, date: IssueDate) {
        self.id = id
        self.title = title
        self.number = number
        self.date = date
    }
}
