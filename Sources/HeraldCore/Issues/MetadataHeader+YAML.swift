import HeraldMarkdown
import Yams

extension MetadataHeader {
    /// Reads YAML front matter, `---` up to `---` or `...`, with Yams: block scalars, nested
    /// lists, anchors and quoting mean what Jekyll, Eleventy or Hugo make of them.
    ///
    /// A nested mapping becomes one entry per leaf with a dotted key (`params.issue`), so its
    /// values are kept with the others and key aliases can name them.
    init(yaml lines: [Substring]) throws(HeraldError) {
        let (close, text) = try MetadataHeader.frontMatter(of: lines, closedBy: ["---", "..."])
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw HeraldError(MetadataHeader.problem(error, lines: lines, closingIndex: close))
        } catch {
            throw HeraldError(
                Problem(
                    .invalidMetadata, location: SourceLocation(line: 2, column: 1),
                    message: "front matter cannot be read as YAML (\(error))"))
        }
        var entries: [MetadataEntry] = []
        if let root {
            guard let mapping = root.mapping else {
                throw HeraldError(
                    Problem(
                        .invalidMetadata, location: MetadataHeader.location(of: root),
                        message:
                            "front matter is a YAML \(root.sequence == nil ? "value" : "list"), not 'key: value' lines",
                        fix: "write one 'key: value' per line between the '---' lines"))
            }
            var budget = MetadataHeader.yamlValueLimit
            entries = try MetadataHeader.entries(of: mapping, keyPrefix: "", budget: &budget)
        }
        self.init(style: .yaml, entries: entries, bodyStartLine: close + 2)
    }

    /// The most values front matter may hold. An alias repeats the node it names, so a few lines
    /// of aliases to aliases can stand for billions of values; a header needs a handful.
    static let yamlValueLimit = 10_000

    private static func entries(of mapping: Node.Mapping, keyPrefix: String, budget: inout Int)
        throws(HeraldError) -> [MetadataEntry]
    {
        var entries: [MetadataEntry] = []
        for (key, value) in mapping {
            let name = keyPrefix + (key.string ?? "")
            try spend(&budget, at: key)
            if let nested = value.mapping {
                entries += try MetadataHeader.entries(of: nested, keyPrefix: name + ".", budget: &budget)
                continue
            }
            var values: [String] = []
            try strings(of: value, into: &values, budget: &budget, at: key)
            entries.append(
                MetadataEntry(
                    key: name, values: values, keyLocation: location(of: key), valueLocation: location(of: value)))
        }
        return entries
    }

    /// A value's text: a scalar as written (a null as empty, a block scalar without its final
    /// line end), a list item by item.
    private static func strings(of node: Node, into values: inout [String], budget: inout Int, at key: Node)
        throws(HeraldError)
    {
        try spend(&budget, at: key)
        switch node {
        case .scalar(let scalar):
            values.append(
                node.null != nil && scalar.style == .plain ? "" : String(scalar.string.trimmingTrailingWhitespace()))
        case .sequence(let sequence):
            for item in sequence { try strings(of: item, into: &values, budget: &budget, at: key) }
        case .mapping(let mapping):
            for (_, value) in mapping { try strings(of: value, into: &values, budget: &budget, at: key) }
        case .alias:
            break
        }
    }

    /// Counts one value or key against the front matter's limit.
    private static func spend(_ budget: inout Int, at key: Node) throws(HeraldError) {
        budget -= 1
        guard budget < 0 else { return }
        throw HeraldError(
            Problem(
                .invalidMetadata, location: location(of: key),
                message: "front matter holds more than \(yamlValueLimit) values by the value of '\(key.string ?? "")'",
                fix: "write the values out; aliases that repeat lists of aliases multiply them"))
    }

    /// Where `node` starts in the file: Yams counts from the line after the opening `---`.
    private static func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(line: 2, column: 1) }
        return SourceLocation(line: mark.line + 1, column: mark.column)
    }

    private static func problem(_ error: YamlError, lines: [Substring], closingIndex: Int) -> Problem {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let line = min(mark.line + 1, closingIndex + 1)
            let key = MetadataHeader.key(atOrAbove: line, in: lines).map { " in the value of '\($0)'" } ?? ""
            let detail = [context?.text, problem].compactMap { $0 }.joined(separator: ": ")
            return Problem(
                .invalidMetadata, location: SourceLocation(line: line, column: mark.column),
                message: "front matter is not valid YAML\(key) (\(detail))",
                fix: "quote a value that holds ': ' or ' #', and indent a value's continuation lines")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return Problem(
                .invalidMetadata, location: SourceLocation(line: context.mark.line + 1, column: context.mark.column),
                message: "front matter gives \(keys) twice", fix: "keep one of them")
        default:
            return Problem(
                .invalidMetadata, location: SourceLocation(line: 2, column: 1),
                message: "front matter cannot be read as YAML (\(error))")
        }
    }
}
