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
            entries = MetadataHeader.entries(of: mapping, keyPrefix: "")
        }
        self.init(style: .yaml, entries: entries, bodyStartLine: close + 2)
    }

    private static func entries(of mapping: Node.Mapping, keyPrefix: String) -> [MetadataEntry] {
        mapping.flatMap { key, value -> [MetadataEntry] in
            let name = keyPrefix + (key.string ?? "")
            if let nested = value.mapping {
                return entries(of: nested, keyPrefix: name + ".")
            }
            return [
                MetadataEntry(
                    key: name, values: strings(of: value), keyLocation: location(of: key),
                    valueLocation: location(of: value))
            ]
        }
    }

    /// A value's text: a scalar as written (a null as empty, a block scalar without its final
    /// line end), a list item by item.
    private static func strings(of node: Node) -> [String] {
        switch node {
        case .scalar(let scalar):
            return [
                node.null != nil && scalar.style == .plain ? "" : String(scalar.string.trimmingTrailingWhitespace())
            ]
        case .sequence(let sequence):
            return sequence.flatMap(strings(of:))
        case .mapping(let mapping):
            return mapping.flatMap { strings(of: $0.value) }
        case .alias:
            return []
        }
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
