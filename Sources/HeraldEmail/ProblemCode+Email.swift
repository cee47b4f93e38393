public import HeraldCore

extension ProblemCode {
    /// The issue asked for is not in the newsletter.
    public static let issueNotFound = ProblemCode(rawValue: "issue-not-found")
    /// The email's HTML is over Gmail's clipping size.
    public static let emailTooLarge = ProblemCode(rawValue: "email-too-large")
}
