/// Someone named in issues as editor, or as who suggested a crate or a quote, with those issues.
public struct PersonInsight: Hashable, Sendable, Codable {
    public var name: String
    /// The name as addresses use it.
    public var slug: String
    /// The first page the name linked to, when it did.
    public var url: String?
    public var edited: [IssueReference]
    public var suggestedCrates: [IssueReference]
    public var suggestedQuotes: [IssueReference]

    /// Every issue the person is named in, oldest first, each once.
    public var issues: [IssueReference] {
        var seen: Set<String> = []
        let named = (edited + suggestedCrates + suggestedQuotes).sorted { $0.date < $1.date }
        return named.filter { seen.insert($0.id).inserted }
    }
}
