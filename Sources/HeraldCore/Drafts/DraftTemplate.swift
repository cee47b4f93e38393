import Foundation
import HeraldMarkdown

/// The text a new draft is made from, with placeholders for what changes each issue.
///
/// Two spellings are filled. This Week in Rust's own (`$twir_issue_number`, `$twir_issue_date`,
/// `$twir_events_end_date`, `$twir_events_list`) so that its `draft/DRAFT_TEMPLATE` works
/// unchanged, and Herald's `{{name}}` variables (see ``Variable``) for every newsletter.
/// An unknown `{{name}}` is an error with its line, so a typo never reaches a published issue.
public struct DraftTemplate: Hashable, Sendable {
    /// A value Herald can put into a template.
    public enum Variable: String, CaseIterable, Hashable, Sendable {
        /// The site title from `[site] title`.
        case newsletter
        /// The new issue's number.
        case number
        /// The new issue's date, `YYYY-MM-DD`.
        case date
        /// The parts of the new issue's date, zero-padded.
        case year, month, day
        /// The last day of the events window, `YYYY-MM-DD`.
        case eventsEndDate = "events_end_date"
        /// The events carried forward from the previous issue, region headings included.
        case events
        /// The previous issue's number, date and URL; empty when there is none.
        case previousNumber = "previous_number"
        case previousDate = "previous_date"
        case previousURL = "previous_url"

        /// The This Week in Rust spelling of this variable, if it has one.
        public var twirName: String? {
            switch self {
            case .number: "$twir_issue_number"
            case .date: "$twir_issue_date"
            case .eventsEndDate: "$twir_events_end_date"
            case .events: "$twir_events_list"
            default: nil
            }
        }
    }

    private enum Part: Hashable, Sendable {
        case text(String)
        case variable(Variable)
    }

    private let parts: [Part]

    /// Parses a template; `file` names it in problems.
    ///
    /// - Throws: ``HeraldError`` locating each `{{name}}` that is not a ``Variable``.
    public init(_ text: String, file: String) throws(HeraldError) {
        var parts: [Part] = []
        var problems: [Problem] = []
        let lines = IssueFile.lines(of: text)
        for (index, line) in lines.enumerated() {
            if index > 0 {
                // The line end as written, `\n` or `\r\n`.
                parts.append(.text(String(text[lines[index - 1].endIndex..<line.startIndex])))
            }
            parts += DraftTemplate.parts(of: line, lineNumber: index + 1, file: file, problems: &problems)
        }
        guard problems.isEmpty else { throw HeraldError(problems) }
        self.parts = parts
    }

    /// Whether the template places `variable` anywhere.
    public func uses(_ variable: Variable) -> Bool {
        parts.contains(.variable(variable))
    }

    /// The template with every variable replaced by its value (an absent value is empty).
    public func rendered(with values: [Variable: String]) -> String {
        parts.map { part in
            switch part {
            case .text(let text): text
            case .variable(let variable): values[variable] ?? ""
            }
        }.joined()
    }

    private static let twirVariables: [(name: String, variable: Variable)] = Variable.allCases.compactMap { variable in
        variable.twirName.map { ($0, variable) }
    }

    private static func parts(
        of line: Substring, lineNumber: Int, file: String, problems: inout [Problem]
    ) -> [Part] {
        var parts: [Part] = []
        var text = ""
        var rest = line
        while let first = rest.first {
            if first == "{", rest.hasPrefix("{{"), let close = rest.range(of: "}}") {
                let name = rest[rest.index(rest.startIndex, offsetBy: 2)..<close.lowerBound].trimmingCharacters(
                    in: .whitespaces)
                if let variable = Variable(rawValue: name) {
                    if !text.isEmpty { parts.append(.text(text)) }
                    text = ""
                    parts.append(.variable(variable))
                } else {
                    let column = line.utf8.distance(from: line.utf8.startIndex, to: rest.utf8.startIndex) + 1
                    let names = Variable.allCases.map(\.rawValue)
                    problems.append(
                        Problem(
                            .invalidValue, file: file, location: SourceLocation(line: lineNumber, column: column),
                            message: "'{{\(name)}}' is not a template variable",
                            fix: Suggestion.closest(to: name, among: names).map { "did you mean '{{\($0)}}'?" }
                                ?? "Herald fills \(names.map { "{{\($0)}}" }.joined(separator: ", "))"))
                }
                rest = rest[close.upperBound...]
            } else if first == "$", let match = twirVariables.first(where: { rest.hasPrefix($0.name) }) {
                if !text.isEmpty { parts.append(.text(text)) }
                text = ""
                parts.append(.variable(match.variable))
                rest = rest.dropFirst(match.name.count)
            } else {
                text.append(first)
                rest = rest.dropFirst()
            }
        }
        if !text.isEmpty { parts.append(.text(text)) }
        return parts
    }
}
