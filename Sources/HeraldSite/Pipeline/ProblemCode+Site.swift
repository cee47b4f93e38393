public import HeraldCore

extension ProblemCode {
    /// A theme template cannot be parsed.
    public static let invalidTemplate = ProblemCode(rawValue: "invalid-template")
    /// The output folder would put the newsletter's own files at risk.
    public static let unsafeOutput = ProblemCode(rawValue: "unsafe-output")
    /// The site could not be written.
    public static let cannotWriteSite = ProblemCode(rawValue: "cannot-write-site")
    /// Two issues or pages would be published at the same address.
    public static let duplicateURL = ProblemCode(rawValue: "duplicate-url")
}
