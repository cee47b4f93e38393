/// A task a project offers to new contributors (`[Project - task](url)`).
public struct CFPProject: Hashable, Sendable, Codable {
    /// The project, when the link text names one before ` - ` or `: `.
    public var project: String?
    public var task: String
    public var url: String?
    /// Bracketed prefixes such as `easy` or `good first issue`.
    public var tags: [String]
    public var source: SourceSpan

    public init(project: String?, task: String, url: String?, tags: [String] = [], source: SourceSpan) {
        self.project = project
        self.task = task
        self.url = url
        self.tags = tags
        self.source = source
    }
}
