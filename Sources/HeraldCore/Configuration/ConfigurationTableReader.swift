import HeraldMarkdown
import TOMLKit

/// Reads one table of `herald.toml`: checks each value's type as it is asked for, and
/// remembers which keys were asked for so that every other key can be reported as unknown.
///
/// Problems are collected, not thrown, so that one run reports every mistake in the file.
struct ConfigurationTableReader {
    let table: TOMLTable
    /// The table's key path (`["site"]`); empty for the top level.
    let path: [String]
    let file: String
    let locator: TOMLKeyLocator
    private(set) var problems: [Problem] = []
    private var knownKeys: [String] = []

    init(table: TOMLTable, path: [String], file: String, locator: TOMLKeyLocator) {
        self.table = table
        self.path = path
        self.file = file
        self.locator = locator
    }

    /// `[site]`, or "the top level".
    var tableName: String { path.isEmpty ? "the top level" : "[\(path.joined(separator: "."))]" }

    /// The string at `key`, or `nil` (with a problem when it is there but not a string).
    mutating func string(_ key: String, describedAs expectation: String = "a string") -> String? {
        knownKeys.append(key)
        guard let value = table[key] else { return nil }
        guard let string = value.string else {
            wrongType(key, value, expected: expectation)
            return nil
        }
        return string
    }

    /// The integer at `key` if it lies in `range`.
    mutating func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        knownKeys.append(key)
        guard let value = table[key] else { return nil }
        let expectation =
            range.upperBound == .max
            ? "an integer of at least \(range.lowerBound)"
            : "an integer from \(range.lowerBound) to \(range.upperBound)"
        guard let integer = value.int else {
            wrongType(key, value, expected: expectation)
            return nil
        }
        guard range.contains(integer) else {
            report(key, "\(describe(key)) is \(integer), but it must be \(expectation)")
            return nil
        }
        return integer
    }

    /// The boolean at `key`, or `nil` (with a problem when it is there but not a boolean).
    mutating func bool(_ key: String) -> Bool? {
        knownKeys.append(key)
        guard let value = table[key] else { return nil }
        guard let bool = value.bool else {
            wrongType(key, value, expected: "true or false")
            return nil
        }
        return bool
    }

    /// The date at `key`: a TOML date (`2025-10-10`) or a `YYYY-MM-DD` string.
    mutating func date(_ key: String) -> IssueDate? {
        knownKeys.append(key)
        guard let value = table[key] else { return nil }
        let date =
            value.date.flatMap { IssueDate(year: $0.year, month: $0.month, day: $0.day) }
            ?? value.string.flatMap { IssueDate(parsing: $0) }
        guard let date else {
            wrongType(key, value, expected: "a date such as 2025-10-10")
            return nil
        }
        return date
    }

    /// The array of strings at `key`, or `nil` (with a problem when it is there but is not an
    /// array of strings).
    mutating func strings(_ key: String) -> [String]? {
        knownKeys.append(key)
        guard let value = table[key] else { return nil }
        let strings = value.array?.compactMap(\.string)
        guard let strings, strings.count == value.array?.count else {
            wrongType(key, value, expected: "an array of strings, such as [\"a\", \"b\"]")
            return nil
        }
        return strings
    }

    /// The string at `key` turned into a `T` by `parse`, which explains a refusal.
    mutating func parsed<T>(_ key: String, describedAs expectation: String, _ parse: (String) -> Result<T, Problem>)
        -> T?
    {
        guard let text = string(key, describedAs: expectation) else { return nil }
        switch parse(text) {
        case .success(let value):
            return value
        case .failure(let problem):
            report(key, problem.message, fix: problem.fix)
            return nil
        }
    }

    /// The sub-table at `key`, or `nil` (with a problem when `key` holds something else).
    mutating func table(_ key: String) -> ConfigurationTableReader? {
        knownKeys.append(key)
        guard let value = table[key] else { return nil }
        guard let subtable = value.table else {
            wrongType(key, value, expected: "a table, written [\((path + [key]).joined(separator: "."))]")
            return nil
        }
        return ConfigurationTableReader(table: subtable, path: path + [key], file: file, locator: locator)
    }

    /// A reader for each table of the array of tables at `key` (`[[key]]`), in file order; none,
    /// with a problem, when `key` holds something else.
    mutating func tables(_ key: String) -> [ConfigurationTableReader] {
        knownKeys.append(key)
        guard let value = table[key] else { return [] }
        guard let array = value.array, array.allSatisfy({ $0.table != nil }) else {
            wrongType(key, value, expected: "tables, written [[\((path + [key]).joined(separator: "."))]]")
            return []
        }
        return array.compactMap(\.table).map {
            ConfigurationTableReader(table: $0, path: path + [key], file: file, locator: locator)
        }
    }

    /// Every key/value pair in file order, for tables whose keys are data (`[sections]`).
    mutating func allEntries() -> [(key: String, value: any TOMLValueConvertible)] {
        let keys = table.keys.sorted { location(of: $0) < location(of: $1) }
        knownKeys.append(contentsOf: keys)
        return keys.compactMap { key in table[key].map { (key, $0) } }
    }

    /// Reports a problem at `key`'s line.
    mutating func report(_ key: String, _ message: String, fix: String? = nil, code: ProblemCode = .invalidValue) {
        problems.append(Problem(code, file: file, location: location(of: key), message: message, fix: fix))
    }

    /// Adds problems found by a nested reader.
    mutating func absorb(_ other: ConfigurationTableReader) {
        problems += other.problems
    }

    /// Reads the table `key`, when the file has it, into `value`, keeping its problems.
    mutating func read<Table: ConfigurationTable>(_ key: String, into value: inout Table) {
        guard var table = table(key) else { return }
        value = Table(reading: &table)
        absorb(table)
    }

    /// Reports every key no one asked for, suggesting the nearest known one.
    mutating func reportUnknownKeys() {
        for key in table.keys where !knownKeys.contains(key) {
            let isTable = table[key]?.table != nil
            let noun = isTable ? "table [\((path + [key]).joined(separator: "."))]" : "key '\(key)'"
            var message = "unknown \(noun)"
            if !path.isEmpty { message += " in \(tableName)" }
            var fix: String?
            if let suggestion = Suggestion.closest(to: key, among: knownKeys) {
                fix = "did you mean '\(suggestion)'?"
            } else {
                let known = knownKeys.map { "'\($0)'" }.joined(separator: ", ")
                fix = "\(tableName) knows \(known)"
            }
            report(key, message, fix: fix, code: .unknownKey)
        }
    }

    /// `'title' in [site]`, or `'site'` at the top level.
    private func describe(_ key: String) -> String {
        path.isEmpty ? "'\(key)'" : "'\(key)' in \(tableName)"
    }

    func location(of key: String) -> SourceLocation {
        locator.location(of: path + [key]) ?? locator.location(of: path) ?? SourceLocation(line: 1, column: 1)
    }

    private mutating func wrongType(_ key: String, _ value: any TOMLValueConvertible, expected: String) {
        report(key, "\(describe(key)) must be \(expected), not \(ConfigurationTableReader.describe(value.type))")
    }

    private static func describe(_ type: TOMLType) -> String {
        switch type {
        case .table: "a table"
        case .array: "an array"
        case .string: "a string"
        case .int: "an integer"
        case .double: "a floating-point number"
        case .bool: "a boolean"
        case .date: "a date"
        case .time: "a time"
        case .dateTime: "a date-time"
        }
    }
}

/// A `herald.toml` table that reads itself from a ``ConfigurationTableReader``, reporting its
/// unknown keys and wrong types there.
protocol ConfigurationTable {
    init(reading table: inout ConfigurationTableReader)
}
