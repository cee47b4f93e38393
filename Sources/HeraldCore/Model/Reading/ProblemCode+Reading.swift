extension ProblemCode {
    /// An event entry whose date cannot be read, so it cannot be carried into the next issue
    /// or sorted.
    public static let undatedEvent = ProblemCode(rawValue: "undated-event")
}
