/// One logical line of an iCalendar file after unfolding: `NAME;PARAM=VALUE:value`.
///
/// The line number is that of the first physical line, so a problem with a folded property
/// points where the editor sees it begin.
struct ContentLine: Hashable, Sendable {
    /// The property name, upper-cased (`DTSTART`, `X-WR-CALNAME`).
    var name: String
    /// Parameters by upper-cased name; a parameter may carry several comma-separated values.
    var parameters: [String: [String]]
    /// The raw value, still escaped.
    var value: String
    /// The 1-based line of the file on which the property starts.
    var line: Int

    /// The first value of `parameter`, e.g. `TZID` or `CN`.
    func parameter(_ name: String) -> String? {
        parameters[name]?.first
    }

    /// Splits `text` into unfolded content lines: a line starting with a space or a tab
    /// continues the one before it (RFC 5545 §3.1). Blank lines are skipped.
    static func unfold(_ text: String) -> [(text: String, line: Int)] {
        var result: [(text: String, line: Int)] = []
        var number = 0
        // Split on scalars: a Character joins "\r\n" into one, which is not "\n".
        for physical in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = Substring(physical)
            if line.unicodeScalars.last == "\r" { line.unicodeScalars.removeLast() }
            if let first = line.first, first == " " || first == "\t", !result.isEmpty {
                result[result.count - 1].text += line.dropFirst()
            } else if !line.isEmpty {
                result.append((String(line), number))
            }
        }
        return result
    }

    /// Parses one unfolded line, or explains why it is not `NAME[;PARAM=VALUE…]:value`.
    init(parsing text: String, line: Int) throws(ContentLineError) {
        let scalars = Array(text.unicodeScalars)
        var index = 0
        func readName() -> String {
            let start = index
            while index < scalars.count, Self.isNameCharacter(scalars[index]) { index += 1 }
            return String(String.UnicodeScalarView(scalars[start..<index])).uppercased()
        }
        let name = readName()
        guard !name.isEmpty else { throw ContentLineError(message: "'\(Self.shown(text))' is not a property line") }
        var parameters: [String: [String]] = [:]
        while index < scalars.count, scalars[index] == ";" {
            index += 1
            let parameterName = readName()
            guard !parameterName.isEmpty, index < scalars.count, scalars[index] == "=" else {
                throw ContentLineError(message: "property \(name) has a malformed parameter")
            }
            index += 1
            var values: [String] = []
            while true {
                var value = ""
                if index < scalars.count, scalars[index] == "\"" {
                    index += 1
                    while index < scalars.count, scalars[index] != "\"" {
                        value.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                    guard index < scalars.count else {
                        throw ContentLineError(message: "property \(name) has an unclosed quoted parameter")
                    }
                    index += 1
                } else {
                    while index < scalars.count, ![";", ":", ","].contains(scalars[index]) {
                        value.unicodeScalars.append(scalars[index])
                        index += 1
                    }
                }
                values.append(value)
                guard index < scalars.count, scalars[index] == "," else { break }
                index += 1
            }
            parameters[parameterName, default: []] += values
        }
        guard index < scalars.count, scalars[index] == ":" else {
            throw ContentLineError(message: "property \(name) has no ':' before its value")
        }
        self.name = name
        self.parameters = parameters
        self.value = String(String.UnicodeScalarView(scalars[(index + 1)...]))
        self.line = line
    }

    private static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)))
    }

    private static func shown(_ text: String) -> String {
        text.count > 40 ? text.prefix(39) + "…" : text
    }
}

/// Why a line is not a content line; the parser adds the source and line.
struct ContentLineError: Error {
    var message: String
}
