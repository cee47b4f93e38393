/// Reads a template's bytes into ``TemplateNode``s, tag by tag, following the Mustache
/// specification: a section, comment, partial or delimiter tag alone on its line takes the line
/// with it, so templates can be laid out readably without leaving blank lines in pages.
struct TemplateParser {
    private let source: [UInt8]
    private var opening = Array("{{".utf8)
    private var closing = Array("}}".utf8)

    /// A section whose closing tag has not been read yet.
    private struct OpenSection {
        let name: String
        let reference: TemplateReference
        let inverted: Bool
        let offset: Int
        /// The nodes read before the section, in the section or template around it.
        let outer: [TemplateNode]
    }

    /// Far deeper than any page needs.
    static let maximumNesting = 100

    init(_ text: String) {
        source = Array(text.utf8)
    }

    mutating func parse() throws(TemplateSyntaxError) -> [TemplateNode] {
        var nodes: [TemplateNode] = []
        var open: [OpenSection] = []
        var textStart = 0
        var index = 0
        while let tagStart = find(opening, from: index) {
            let tag = try readTag(at: tagStart)
            let lineStart = (source[..<tagStart].lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
            let lineEnd =
                tag.standsAlone ? endOfStandaloneLine(tagStart: tagStart, tagEnd: tag.end, lineStart: lineStart) : nil
            let textEnd = lineEnd == nil ? tagStart : lineStart
            if textEnd > textStart { nodes.append(.text(String(decoding: source[textStart..<textEnd], as: UTF8.self))) }
            textStart = lineEnd ?? tag.end
            index = textStart
            switch tag.sigil {
            case UInt8(ascii: "!"):
                break
            case UInt8(ascii: "="):
                try setDelimiters(tag.content, at: tagStart)
            case UInt8(ascii: ">"):
                let indentation = lineEnd == nil ? "" : String(decoding: source[lineStart..<tagStart], as: UTF8.self)
                nodes.append(.partial(name: try name(tag.content, at: tagStart), indentation: indentation))
            case UInt8(ascii: "#"), UInt8(ascii: "^"):
                let name = try name(tag.content, at: tagStart)
                // Rendering recurses once per level: a theme cannot nest deep enough to
                // exhaust the stack.
                guard open.count < TemplateParser.maximumNesting else {
                    throw error(
                        "sections are nested more than \(TemplateParser.maximumNesting) deep",
                        fix: "close some sections before opening others", at: tagStart)
                }
                open.append(
                    OpenSection(
                        name: name, reference: try reference(name, at: tagStart),
                        inverted: tag.sigil == UInt8(ascii: "^"), offset: tagStart, outer: nodes))
                nodes = []
            case UInt8(ascii: "/"):
                let name = try name(tag.content, at: tagStart)
                guard let section = open.popLast() else {
                    throw error(
                        "'{{/\(name)}}' closes a section that was never opened",
                        fix: "open it with {{#\(name)}} or remove the closing tag", at: tagStart)
                }
                guard section.name == name else {
                    throw error(
                        "'{{/\(name)}}' closes the section opened as '{{#\(section.name)}}'",
                        fix: "make {{/name}} match its {{#name}}", at: tagStart)
                }
                let body = nodes
                nodes = section.outer
                nodes.append(.section(section.reference, inverted: section.inverted, body: body))
            case UInt8(ascii: "{"), UInt8(ascii: "&"):
                nodes.append(
                    .variable(try reference(try name(tag.content, at: tagStart), at: tagStart), escaped: false))
            case UInt8(ascii: "<"), UInt8(ascii: "$"), UInt8(ascii: "%"):
                throw error(
                    "'{{\(Character(Unicode.Scalar(tag.sigil)))…}}' (template inheritance or a pragma) is not supported",
                    fix: "include shared parts as partials, {{> name}}", at: tagStart)
            default:
                nodes.append(.variable(try reference(try name(tag.content, at: tagStart), at: tagStart), escaped: true))
            }
        }
        if let section = open.last {
            throw error(
                "the section '{{#\(section.name)}}' is opened but never closed",
                fix: "close it with {{/\(section.name)}}", at: section.offset)
        }
        if source.count > textStart { nodes.append(.text(String(decoding: source[textStart...], as: UTF8.self))) }
        return nodes
    }

    /// A tag's kind (its first character, or 0 for a variable), its content without the
    /// delimiters and the sigil, and where it ends.
    private struct Tag {
        let sigil: UInt8
        let content: ArraySlice<UInt8>
        let end: Int

        /// Section, comment, partial and delimiter tags take their line when alone on it.
        var standsAlone: Bool { "#^/!>=".utf8.contains(sigil) }
    }

    private func readTag(at start: Int) throws(TemplateSyntaxError) -> Tag {
        let contentStart = start + opening.count
        let first = contentStart < source.count ? source[contentStart] : 0
        let sigil = "#^/!>={&<$%".utf8.contains(first) ? first : 0
        var closer = closing
        if sigil == UInt8(ascii: "{") { closer = Array("}".utf8) + closing }
        if sigil == UInt8(ascii: "=") { closer = Array("=".utf8) + closing }
        guard let closeStart = find(closer, from: contentStart + (sigil == 0 ? 0 : 1)) else {
            let opened = String(decoding: opening, as: UTF8.self)
            let closed = String(decoding: closer, as: UTF8.self)
            throw error("a tag is not finished", fix: "end the tag opened with \(opened) with \(closed)", at: start)
        }
        return Tag(
            sigil: sigil, content: source[(contentStart + (sigil == 0 ? 0 : 1))..<closeStart],
            end: closeStart + closer.count)
    }

    /// Where the line after a standalone candidate ends (after its line break), when nothing but
    /// spaces and tabs is around the tag on it.
    private func endOfStandaloneLine(tagStart: Int, tagEnd: Int, lineStart: Int) -> Int? {
        let blank: (UInt8) -> Bool = { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
        guard source[lineStart..<tagStart].allSatisfy(blank) else { return nil }
        var index = tagEnd
        while index < source.count, blank(source[index]) { index += 1 }
        if index == source.count { return index }
        if source[index] == UInt8(ascii: "\n") { return index + 1 }
        if source[index] == UInt8(ascii: "\r"), index + 1 < source.count, source[index + 1] == UInt8(ascii: "\n") {
            return index + 2
        }
        return nil
    }

    /// `{{=<% %>=}}`: two new delimiters, neither empty nor holding `=` or spaces.
    private mutating func setDelimiters(_ content: ArraySlice<UInt8>, at offset: Int) throws(TemplateSyntaxError) {
        let parts = content.split(whereSeparator: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") })
        guard parts.count == 2, !parts.contains(where: { $0.contains(UInt8(ascii: "=")) }) else {
            throw error(
                "a delimiter tag must name two delimiters",
                fix: "write it as {{=<% %>=}}, the two separated by a space",
                at: offset)
        }
        opening = Array(parts[0])
        closing = Array(parts[1])
    }

    /// A tag's name without the spaces around it.
    private func name(_ content: ArraySlice<UInt8>, at offset: Int) throws(TemplateSyntaxError) -> String {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        let trimmed = content.drop(while: isSpace).reversed().drop(while: isSpace).reversed()
        guard !trimmed.isEmpty else {
            throw error("a tag has no name", fix: "write a name inside it, {{name}}", at: offset)
        }
        return String(decoding: trimmed, as: UTF8.self)
    }

    /// What a name refers to: `.`, a dotted path, or functions around one (`first(authors)`,
    /// `last()`).
    private func reference(_ name: String, at offset: Int) throws(TemplateSyntaxError) -> TemplateReference {
        var subject = Substring(name)
        var functions: [TemplateFunction] = []
        while let open = subject.firstIndex(of: "("), subject.last == ")" {
            let functionName = subject[..<open]
            guard let function = TemplateFunction(rawValue: String(functionName)) else {
                let known = TemplateFunction.allCases.map { "\($0.rawValue)()" }.joined(separator: ", ")
                throw error(
                    "'\(functionName)()' is not a function templates have", fix: "use one of \(known)", at: offset)
            }
            functions.insert(function, at: 0)
            subject = subject[subject.index(after: open)..<subject.index(before: subject.endIndex)]
        }
        if subject.isEmpty {
            guard !functions.isEmpty else {
                throw error("a tag has no name", fix: "write a name inside it", at: offset)
            }
            return TemplateReference(subject: .position, functions: functions)
        }
        if subject == "." { return TemplateReference(subject: .current, functions: functions) }
        let path = subject.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.contains(where: { $0.isEmpty || $0.contains(where: \.isWhitespace) || $0.contains("(") }) else {
            throw error(
                "'\(name)' is not a name a template can look up",
                fix: "write names as letters, digits and underscores, joined by dots (site.title)", at: offset)
        }
        return TemplateReference(subject: .path(path), functions: functions)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard let first = needle.first, start < source.count else { return nil }
        var index = start
        while index + needle.count <= source.count {
            if source[index] == first, source[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    private func error(_ message: String, fix: String, at offset: Int) -> TemplateSyntaxError {
        TemplateSyntaxError(message, fix: fix, at: offset, in: source)
    }
}
