/// A feature whose implementers ask for testing, with the instructions' link when given.
public struct CallForTesting: Hashable, Sendable, Codable {
    public var title: String
    public var url: String?
    /// The "Testing steps" link nested under the entry.
    public var testingSteps: String?
    public var source: SourceSpan

    public init(title: String, url: String?, testingSteps: String?, source: SourceSpan) {
        self.title = title
        self.url = url
        self.testingSteps = testingSteps
        self.source = source
    }
}
