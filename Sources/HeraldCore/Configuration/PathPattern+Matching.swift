import Foundation

extension PathPattern {
    /// The metadata the named parts of `path` give when the whole path fits this pattern: `date`
    /// (from `{date}`, or `{year}`, `{month}` and `{day}` together), `number` and `slug`.
    ///
    /// `{date}` is read in `dateFormat` when one is set, else as `YYYY-MM-DD`; `{number:03}`
    /// wants at least three digits. Returns `nil` when the path does not fit.
    public func metadata(matching path: String, dateFormat: DateFormat? = nil) -> [String: String]? {
        var expression = "^"
        var names: [String] = []
        for part in parts {
            switch part {
            case .text(let text):
                expression += NSRegularExpression.escapedPattern(for: text)
            case .placeholder(let name, let width):
                names.append(name)
                expression += "(" + PathPattern.expression(for: name, width: width, dateFormat: dateFormat) + ")"
            }
        }
        expression += "$"
        guard let regex = try? NSRegularExpression(pattern: expression),
            let match = regex.firstMatch(in: path, range: NSRange(path.startIndex..., in: path))
        else { return nil }
        var found: [String: String] = [:]
        for (index, name) in names.enumerated() where found[name] == nil {
            guard let range = Range(match.range(at: index + 1), in: path) else { continue }
            found[name] = String(path[range])
        }
        var metadata: [String: String] = [:]
        if let date = found["date"] {
            metadata["date"] = date
        } else if let year = found["year"], let month = found["month"], let day = found["day"] {
            metadata["date"] = "\(year)-\(month)-\(day)"
        }
        if let number = found["number"] { metadata["number"] = Int(number).map(String.init) ?? number }
        if let slug = found["slug"] { metadata["slug"] = slug }
        return metadata
    }

    private static func expression(for name: String, width: Int?, dateFormat: DateFormat?) -> String {
        switch name {
        case "date": dateFormat?.regularExpression ?? "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}"
        case "year": "[0-9]{4}"
        case "month", "day": "[0-9]{1,2}"
        case "number": "[0-9]{\(width ?? 1),}"
        default: "[^/]+?"
        }
    }
}
