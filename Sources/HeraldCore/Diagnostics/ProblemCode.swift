/// A stable identifier for a kind of problem, such as `missing-title` or `unknown-key`.
///
/// An open struct rather than an enum so that any part of Herald (the model, the linter)
/// can add codes in an extension without breaking a caller's `switch`. The raw value is
/// what JSON output and workflow annotations show, so it never changes once released.
public struct ProblemCode: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: String

    public init(rawValue: String) {
        self.rawValue = rawValue
    }

    public var description: String { rawValue }
}

extension ProblemCode {
    /// A file's bytes are not valid UTF-8.
    public static let invalidUTF8 = ProblemCode(rawValue: "invalid-utf8")
    /// A file or folder Herald needs cannot be read.
    public static let unreadable = ProblemCode(rawValue: "unreadable")
    /// A file in the archive is in a format Herald does not read (e.g. reStructuredText).
    public static let unsupportedFormat = ProblemCode(rawValue: "unsupported-format")
    /// An issue has no `Title` metadata.
    public static let missingTitle = ProblemCode(rawValue: "missing-title")
    /// An issue has no `Date` metadata.
    public static let missingDate = ProblemCode(rawValue: "missing-date")
    /// A `Date` value is not `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`.
    public static let invalidDate = ProblemCode(rawValue: "invalid-date")
    /// A metadata value has the wrong shape (a `Number` that is not a number, an unknown `Status`).
    public static let invalidMetadata = ProblemCode(rawValue: "invalid-metadata")
    /// A metadata line sits after the blank line that ends the header, so it is body text.
    public static let strayMetadata = ProblemCode(rawValue: "stray-metadata")
    /// Front matter opened with `---` never closes.
    public static let unterminatedFrontMatter = ProblemCode(rawValue: "unterminated-front-matter")
    /// No issue at all was read from the newsletter's folders.
    public static let noIssues = ProblemCode(rawValue: "no-issues")
    /// Two issues in the archive claim the same number.
    public static let duplicateNumber = ProblemCode(rawValue: "duplicate-number")
    /// `herald.toml` is not valid TOML.
    public static let invalidTOML = ProblemCode(rawValue: "invalid-toml")
    /// `herald.toml` has a key Herald does not know.
    public static let unknownKey = ProblemCode(rawValue: "unknown-key")
    /// A `herald.toml` value has the wrong type or an out-of-range value.
    public static let invalidValue = ProblemCode(rawValue: "invalid-value")
    /// A file Herald would write already exists.
    public static let fileExists = ProblemCode(rawValue: "file-exists")
    /// A draft cannot be made (no template, a date not after the latest issue).
    public static let cannotMakeDraft = ProblemCode(rawValue: "cannot-make-draft")
    /// A new issue's date is not on the configured weekday.
    public static let offScheduleDate = ProblemCode(rawValue: "off-schedule-date")
    /// The previous issue has no events section to carry events from.
    public static let noEventsSection = ProblemCode(rawValue: "no-events-section")
}
