/// A job posting, with the employer when the issue groups jobs under a bold employer name.
public struct JobEntry: Hashable, Sendable, Codable {
    public var title: String
    public var url: String?
    public var employer: String?
    public var source: SourceSpan

    public init(title: String, url: String?, employer: String?, source: SourceSpan) {
        self.title = title
        self.url = url
        self.employer = employer
        self.source = source
    }
}
