/// A path with `{placeholder}`s, such as `blog/{year}/{month}/{day}/{slug}/`, filled in per issue.
///
/// Patterns are checked when `herald.toml` is read, so a typo in a placeholder is reported
/// with its line instead of producing a wrong URL on publication day.
public struct PathPattern: Hashable, Sendable, CustomStringConvertible {
    enum Part: Hashable, Sendable {
        case text(String)
        /// A named part, with the width its digits are zero-padded to (`{number:03}`).
        case placeholder(String, width: Int?)
    }

    /// The pattern as written.
    public let rawValue: String
    let parts: [Part]

    /// The placeholders every issue can fill: `year`, `month`, `day` (zero-padded), `date`
    /// (`YYYY-MM-DD`), `number`, `slug`.
    public static let issuePlaceholders: Set<String> = ["year", "month", "day", "date", "number", "slug"]

    /// Parses `rawValue`; fails with a message when a brace is unbalanced or a placeholder is
    /// not one of `allowed`. A placeholder may name a width, `{number:03}`, to which a number is
    /// zero-padded.
    public init(_ rawValue: String, allowed: Set<String> = PathPattern.issuePlaceholders) throws(PatternError) {
        var parts: [Part] = []
        var text = ""
        var rest = Substring(rawValue)
        while let open = rest.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            guard rest[open] == "{", let close = rest[open...].firstIndex(of: "}") else {
                throw PatternError(message: "'\(rawValue)' has an unmatched brace")
            }
            text += rest[..<open]
            let spec = rest[rest.index(after: open)..<close].split(separator: ":", maxSplits: 1)
            let name = spec.first.map(String.init) ?? ""
            var width: Int?
            if spec.count == 2 {
                guard spec[1].hasPrefix("0"), spec[1].count > 1, spec[1].allSatisfy(\.isASCIIDigit),
                    let digits = Int(spec[1]), (1...20).contains(digits)
                else {
                    throw PatternError(
                        message: "'{\(rest[rest.index(after: open)..<close])}' has a width Herald does not read; "
                            + "write it as '{\(name):03}' for three digits")
                }
                width = digits
            }
            guard allowed.contains(name) else {
                let known = allowed.sorted().map { "{\($0)}" }.joined(separator: ", ")
                let hint = Suggestion.closest(to: name, among: allowed).map { "; did you mean '{\($0)}'?" } ?? ""
                throw PatternError(message: "'{\(name)}' is not a placeholder Herald fills (it knows \(known))\(hint)")
            }
            if !text.isEmpty { parts.append(.text(text)) }
            text = ""
            parts.append(.placeholder(name, width: width))
            rest = rest[rest.index(after: close)...]
        }
        text += rest
        if !text.isEmpty { parts.append(.text(text)) }
        self.rawValue = rawValue
        self.parts = parts
    }

    /// The pattern with each placeholder replaced by its value in `values`
    /// (a placeholder without a value becomes empty).
    public func filled(with values: [String: String]) -> String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .placeholder(let name, let width):
                PathPattern.padded(values[name] ?? "", to: width)
            }
        }.joined()
    }

    /// The pattern filled for an issue with this metadata.
    public func filled(for metadata: IssueMetadata) -> String {
        filled(with: PathPattern.values(date: metadata.date, number: metadata.number, slug: metadata.slug))
    }

    /// The placeholder values for an issue.
    static func values(date: IssueDate, number: Int?, slug: String) -> [String: String] {
        [
            "year": date.year.padded(4), "month": date.month.padded(2), "day": date.day.padded(2),
            "date": date.description, "number": number.map(String.init) ?? "", "slug": slug,
        ]
    }

    public var description: String { rawValue }

    /// `value` zero-padded to `width` when it is a number shorter than that.
    private static func padded(_ value: String, to width: Int?) -> String {
        guard let width, value.count < width, !value.isEmpty, value.allSatisfy(\.isASCIIDigit) else { return value }
        return String(repeating: "0", count: width - value.count) + value
    }

    /// Why a pattern was refused.
    public struct PatternError: Error, Hashable, Sendable {
        public var message: String
    }
}
