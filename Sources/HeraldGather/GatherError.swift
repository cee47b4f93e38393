public import HeraldCore
import HeraldMarkdown

/// Why one source could not be gathered: which source, where in it, and what to do.
///
/// Each failure names its source (a feed's path or URL, an API address) and, for calendar
/// files, the line, because an editor gathering from six feeds must know which one to look
/// at. A failure stops only its own source; the others' results are still written.
public struct GatherError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure this is, the same codes ``Problem`` uses.
    public var code: ProblemCode
    /// The source as the user named it: a file path, a feed URL or an API address.
    public var source: String
    /// The 1-based line in the source, for calendar files.
    public var line: Int?
    /// What went wrong, as one sentence without a trailing period.
    public var message: String
    /// What to do about it, when Herald knows.
    public var fix: String?

    public init(_ code: ProblemCode, source: String, line: Int? = nil, message: String, fix: String? = nil) {
        self.code = code
        self.source = source
        self.line = line
        self.message = message
        self.fix = fix
    }

    /// The failure as a ``Problem``, to print with the other verbs' problems.
    public var problem: Problem {
        Problem(
            code, file: source, location: line.map { SourceLocation(line: $0, column: 1) }, message: message, fix: fix)
    }

    public var description: String { ProblemFormatter().format(problem) }
}

extension ProblemCode {
    /// A source to gather from could not be reached or read.
    public static let sourceUnreachable = ProblemCode(rawValue: "source-unreachable")
    /// A source answered with a status other than success.
    public static let sourceStatus = ProblemCode(rawValue: "source-status")
    /// A calendar feed is not valid iCalendar.
    public static let malformedCalendar = ProblemCode(rawValue: "malformed-calendar")
    /// An API answered with JSON Herald cannot read.
    public static let malformedJSON = ProblemCode(rawValue: "malformed-json")
    /// An API refused because its rate limit was spent, for longer than Herald waits.
    public static let rateLimited = ProblemCode(rawValue: "rate-limited")
    /// Gathered events may list the same event twice.
    public static let possibleDuplicate = ProblemCode(rawValue: "possible-duplicate")
    /// A gathered section cannot be put into the draft.
    public static let cannotUpdateDraft = ProblemCode(rawValue: "cannot-update-draft")
}
