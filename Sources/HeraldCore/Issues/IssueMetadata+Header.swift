import Foundation
import HeraldMarkdown

extension IssueMetadata {
    /// Interprets a header's raw entries, reporting every wrong or missing value at once.
    ///
    /// Keys are renamed by `sources`' aliases; a key the header lacks is taken from `sources`'
    /// outside values, and a missing title from a `#` heading opening the body (`lines` is the
    /// whole file). Returns the metadata with the warnings that did not stop it (a key given
    /// twice) and the line of the heading that gave the title, which then belongs to the header.
    static func interpreting(_ header: MetadataHeader, lines fileLines: [Substring], sources: MetadataSources)
        throws(HeraldError) -> (IssueMetadata, warnings: [Problem], titleHeadingLine: Int?)
    {
        var problems: [Problem] = []
        var values: [String: MetadataEntry] = [:]
        var lines: [String: Int] = [:]
        var authors: [String] = []
        for entry in header.entries {
            let key = sources.aliases[entry.normalizedKey] ?? entry.normalizedKey
            if key == "author" {
                authors.append(entry.joinedValue)
            } else if let earlier = values[key] {
                problems.append(
                    Problem(
                        .invalidMetadata, severity: .warning, location: entry.keyLocation,
                        message:
                            "'\(entry.key)' is given twice (lines \(earlier.keyLocation.line) and \(entry.keyLocation.line))",
                        fix: "keep one; Herald uses the later"))
            }
            values[key] = entry
            lines[key] = entry.keyLocation.line
        }
        let start = SourceLocation(line: 1, column: 1)
        for (written, value) in sources.outside {
            let key = sources.aliases[written] ?? written
            guard values[key] == nil else { continue }
            values[key] = MetadataEntry(key: written, values: [value], keyLocation: start, valueLocation: start)
        }
        var title = values["title"].map(\.joinedValue) ?? ""
        var titleHeadingLine: Int?
        if title.isEmpty, let heading = IssueMetadata.titleHeading(in: fileLines, from: header.bodyStartLine) {
            title = heading.title
            lines["title"] = heading.line
            titleHeadingLine = heading.line
        }
        if title.isEmpty {
            problems.append(
                Problem(
                    .missingTitle, location: values["title"]?.keyLocation ?? start,
                    message: "the issue has no title",
                    fix: "add a line 'Title: …' to the header at the top of the file"))
        }
        var date: IssueDate?
        var time: IssueTime?
        if let entry = values["date"] {
            let forms = (sources.dateFormat.map { "\($0) (the [content] date_format), " } ?? "") + "YYYY-MM-DD"
            if let parsed = sources.dateFormat?.date(from: entry.joinedValue) {
                date = parsed
            } else if let parsed = IssueMetadata.dateAndTime(entry.joinedValue) {
                (date, time) = parsed
            } else {
                problems.append(
                    Problem(
                        .invalidDate, location: entry.valueLocation,
                        message: "\(entry.key) '\(entry.joinedValue)' is not a date",
                        fix: "write the date as \(forms) or YYYY-MM-DD HH:MM"))
            }
        } else {
            problems.append(
                Problem(
                    .missingDate, location: start, message: "the issue has no date",
                    fix: "add a line 'Date: YYYY-MM-DD' to the header at the top of the file"))
        }
        var number = IssueMetadata.number(inTitle: title)
        let numberIsFromTitle = values["number"] == nil
        if let entry = values["number"] {
            let digits = entry.joinedValue
            number = Int(digits).flatMap { IssueMetadata.numbers.contains($0) ? $0 : nil }
            if number == nil, !digits.isEmpty, digits.allSatisfy(\.isASCIIDigit) {
                problems.append(
                    Problem(
                        .invalidMetadata, location: entry.valueLocation,
                        message: "Number \(digits) is too large: Herald numbers issues up to "
                            + "\(IssueMetadata.numbers.upperBound)",
                        fix: "write the issue's real number, e.g. 'Number: 42'"))
            } else if number == nil {
                problems.append(
                    Problem(
                        .invalidMetadata, location: entry.valueLocation,
                        message: "Number '\(entry.joinedValue)' is not a whole number",
                        fix: "write the issue number in digits, e.g. 'Number: 42'"))
            }
        }
        var status = IssueStatus.published
        if let entry = values["status"] {
            if let parsed = IssueStatus(rawValue: entry.joinedValue.lowercased()) {
                status = parsed
            } else {
                let known = IssueStatus.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
                problems.append(
                    Problem(
                        .invalidMetadata, location: entry.valueLocation,
                        message: "Status '\(entry.joinedValue)' is not one Herald knows",
                        fix: "use one of \(known)"))
            }
        }
        if problems.contains(where: { $0.severity == .error }) {
            throw HeraldError(problems.filter { $0.severity == .error })
        }
        let known: Set<String> = [
            "title", "number", "date", "category", "tags", "slug", "summary", "status", "authors", "author",
        ]
        var extra: [String: String] = [:]
        for (key, entry) in values where !known.contains(key) {
            extra[key] = entry.joinedValue
        }
        var metadata = IssueMetadata(
            title: title,
            number: number,
            numberIsFromTitle: numberIsFromTitle && number != nil,
            date: date!,
            time: time,
            category: values["category"].map(\.joinedValue).flatMap { $0.isEmpty ? nil : $0 },
            tags: values["tags"].map(IssueMetadata.list) ?? [],
            slug: values["slug"].map(\.joinedValue).flatMap { $0.isEmpty ? nil : $0 },
            summary: values["summary"].map(\.joinedValue).flatMap { $0.isEmpty ? nil : $0 },
            status: status,
            authors: authors + (values["authors"].map(IssueMetadata.list) ?? []),
            extra: extra)
        metadata.lines = lines
        return (metadata, problems, titleHeadingLine)
    }

    /// Parses `YYYY-MM-DD` or `YYYY-MM-DD HH:MM`, and the longer forms YAML and TOML front
    /// matter carry: a `T` before the time, seconds, and a zone (`Z`, `+01:00`, ` +0100`). The
    /// zone is dropped: an issue is dated by the day and time its editor wrote.
    static func dateAndTime(_ text: String) -> (IssueDate, IssueTime?)? {
        var parts = text.split(separator: " ", omittingEmptySubsequences: true)
        if parts.count == 1, let separator = parts[0].firstIndex(of: "T") {
            parts = [parts[0][..<separator], parts[0][parts[0].index(after: separator)...]]
        }
        guard let first = parts.first, parts.count <= 3, let date = IssueDate(parsing: first) else { return nil }
        guard parts.count > 1 else { return (date, nil) }
        var clock = parts[1]
        if parts.count == 3 {
            guard isZone(parts[2]) else { return nil }
        } else if clock.hasSuffix("Z") {
            clock = clock.dropLast()
        } else if let sign = clock.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            guard isZone(clock[sign...]) else { return nil }
            clock = clock[..<sign]
        }
        let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
        if fields.count == 3 {
            let seconds = fields[2].split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
            guard seconds[0].count == 2, seconds.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) }),
                let whole = Int(seconds[0]), whole < 60
            else { return nil }
            clock = clock[..<fields[2].startIndex].dropLast()
        }
        guard let time = IssueTime(parsing: clock) else { return nil }
        return (date, time)
    }

    /// `Z`, or an offset `+HH`, `+HHMM` or `+HH:MM` (either sign).
    private static func isZone(_ text: Substring) -> Bool {
        if text == "Z" { return true }
        guard let sign = text.first, sign == "+" || sign == "-" else { return false }
        let digits = text.dropFirst().filter { $0 != ":" }
        return (digits.count == 2 || digits.count == 4) && digits.allSatisfy(\.isASCIIDigit)
            && text.dropFirst().filter { $0 == ":" }.count <= (digits.count == 4 ? 1 : 0)
    }

    /// The text and line of a level-one ATX heading (`# Title`) that opens the body (blank
    /// lines aside), for files that give their title only there.
    static func titleHeading(in lines: [Substring], from bodyStartLine: Int) -> (title: String, line: Int)? {
        let start = max(bodyStartLine - 1, 0)
        guard let index = lines.indices.dropFirst(start).first(where: { !lines[$0].allSatisfy(\.isWhitespace) }) else {
            return nil
        }
        let line = lines[index]
        let content = line.dropFirst(min(line.prefix(while: { $0 == " " }).count, 3))
        guard content.hasPrefix("#"), content.dropFirst().first.map({ $0 == " " || $0 == "\t" }) ?? true else {
            return nil
        }
        var text = content.dropFirst().trimmingTrailingWhitespace()
        let closing = text.reversed().prefix(while: { $0 == "#" }).count
        if closing > 0, closing == text.count || text.dropLast(closing).last == " " {
            text = text.dropLast(closing)
        }
        let title = text.trimmingCharacters(in: .whitespaces)
        return title.isEmpty ? nil : (title, index + 1)
    }

    /// A YAML list as is, or a single value split the way Pelican splits lists:
    /// at `;` when there is one, else at `,`.
    private static func list(_ entry: MetadataEntry) -> [String] {
        let items: [String]
        if entry.values.count > 1 {
            items = entry.values
        } else {
            let value = entry.joinedValue
            let separator: Character = value.contains(";") ? ";" : ","
            items = value.split(separator: separator).map(String.init)
        }
        return items.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
