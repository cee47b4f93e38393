extension ProblemCode {
    /// An event entry whose date cannot be read, so it cannot be carried into the next issue
    /// or sorted.
    public static let undatedEvent = ProblemCode(rawValue: "undated-event")

    /// Content of a typed section (a paragraph in a link list, an item that is no entry) that
    /// its kind has no place for; it is kept as text in ``SectionContent/blocks``.
    public static let untypedContent = ProblemCode(rawValue: "untyped-content")
}
