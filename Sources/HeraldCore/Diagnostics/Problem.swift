public import HeraldMarkdown

/// Something wrong with a newsletter's files, recorded as data: what, where, and how to fix it.
///
/// Problems are values so that every front end (terminal, JSON, CI annotations) renders
/// the same facts its own way; ``ProblemFormatter`` writes the terminal form. A problem is
/// also an `Error`, so a step that cannot go on can throw the one that stopped it.
public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
    /// Which kind of problem this is; stable across releases.
    public var code: ProblemCode
    public var severity: Severity
    /// The file the problem is in, as the user named it (relative paths stay relative).
    public var file: String?
    /// Where in ``file``; `nil` when the problem concerns the whole file.
    public var location: SourceLocation?
    /// What is wrong, as one sentence without a trailing period.
    public var message: String
    /// What to do about it, when Herald knows.
    public var fix: String?

    public init(
        _ code: ProblemCode,
        severity: Severity = .error,
        file: String? = nil,
        location: SourceLocation? = nil,
        message: String,
        fix: String? = nil
    ) {
        self.code = code
        self.severity = severity
        self.file = file
        self.location = location
        self.message = message
        self.fix = fix
    }

    /// The same problem placed in `file`, for steps that find problems in text before
    /// they know which file it came from.
    public func `in`(file: String) -> Problem {
        var copy = self
        copy.file = file
        return copy
    }

    public var description: String { ProblemFormatter().format(self) }
}

extension Problem: Codable {
    private enum CodingKeys: String, CodingKey {
        case code, severity, file, line, column, message, fix
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        code = try container.decode(ProblemCode.self, forKey: .code)
        severity = try container.decode(Severity.self, forKey: .severity)
        file = try container.decodeIfPresent(String.self, forKey: .file)
        message = try container.decode(String.self, forKey: .message)
        fix = try container.decodeIfPresent(String.self, forKey: .fix)
        if let line = try container.decodeIfPresent(Int.self, forKey: .line) {
            let column = try container.decodeIfPresent(Int.self, forKey: .column) ?? 1
            location = SourceLocation(line: line, column: column)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(code, forKey: .code)
        try container.encode(severity, forKey: .severity)
        try container.encodeIfPresent(file, forKey: .file)
        try container.encodeIfPresent(location?.line, forKey: .line)
        try container.encodeIfPresent(location?.column, forKey: .column)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(fix, forKey: .fix)
    }
}
