/// One rendering of a template: the output so far, the values in scope from the page's down to
/// the current item's, and where the current item is in its list.
struct TemplateRendering {
    private(set) var output = RenderedText()
    private let templates: [String: Template]
    /// The page's values, then each section's value inside it; names are looked up from the last.
    private var scope: [Any]
    private var positions: [TemplateFunction.Position] = []
    /// What goes before each line of a partial that was alone on its line, and whether the
    /// next output starts such a line.
    private var indentation = ""
    private var startsLine = false
    /// How many partials are open, so that one including itself forever stops.
    private var partialDepth = 0

    private static let maximumPartialDepth = 64

    init(templates: [String: Template], values: [String: Any]) {
        self.templates = templates
        scope = [values]
    }

    mutating func render(_ nodes: [TemplateNode]) {
        for node in nodes {
            switch node {
            case .text(let text):
                writeTemplateText(text)
            case .variable(let reference, let escaped):
                guard let value = resolve(reference) else { continue }
                if !escaped, let rendered = value as? RenderedText {
                    write(rendered)
                    continue
                }
                let text = TemplateValue.text(of: value)
                write(escaped ? MarkupEscaping.escape(text) : text)
            case .section(let reference, let inverted, let body):
                let value = resolve(reference)
                if inverted {
                    if !TemplateValue.isShown(value) { render(body) }
                } else if let value {
                    renderSection(body, for: value)
                }
            case .partial(let name, let partialIndentation):
                guard let template = templates[name], partialDepth < Self.maximumPartialDepth else { continue }
                let outer = indentation
                indentation += partialIndentation
                partialDepth += 1
                if !partialIndentation.isEmpty { startsLine = true }
                render(template.nodes)
                partialDepth -= 1
                indentation = outer
                // A standalone partial took its line break with it: what follows starts a line.
                if !partialIndentation.isEmpty { startsLine = !outer.isEmpty }
            }
        }
    }

    /// A section's body: once per item of a list, once with `value` in scope for anything else
    /// shown, and not at all for `false`.
    private mutating func renderSection(_ body: [TemplateNode], for value: Any) {
        switch TemplateValue.shape(of: value) {
        case .boolean(let shown):
            if shown { render(body) }
        case .list(let items):
            for (index, item) in items.enumerated() {
                scope.append(item)
                positions.append(.init(index: index, count: items.count))
                render(body)
                positions.removeLast()
                scope.removeLast()
            }
        default:
            guard TemplateValue.isShown(value) else { return }
            scope.append(value)
            render(body)
            scope.removeLast()
        }
    }

    /// The value a reference names: its first name looked up from the innermost value in scope
    /// outwards, the rest inside what that found, then its functions applied.
    private func resolve(_ reference: TemplateReference) -> Any? {
        var value: Any?
        switch reference.subject {
        case .current:
            value = scope.last
        case .position:
            guard let position = positions.last, let first = reference.functions.first else { return nil }
            value = first.apply(to: position)
            return reference.functions.dropFirst().reduce(value) { value, function in value.flatMap(function.apply) }
        case .path(let names):
            for element in scope.reversed() {
                if let found = TemplateValue.child(named: names[0], of: element) {
                    value = found
                    break
                }
            }
            for name in names.dropFirst() {
                guard let parent = value else { return nil }
                value = TemplateValue.child(named: name, of: parent)
            }
        }
        return reference.functions.reduce(value) { value, function in value.flatMap(function.apply) }
    }

    /// Output from a value: indented when it starts a line of an indented partial, but its own
    /// line breaks are its own.
    private mutating func write(_ text: String) {
        guard !text.isEmpty else { return }
        if startsLine {
            output.append(indentation)
            startsLine = false
        }
        output.append(text)
    }

    /// Output from a rendering given as a value (a page's content inside the layout), its large
    /// pieces kept as they are.
    private mutating func write(_ rendered: RenderedText) {
        guard !rendered.isEmpty else { return }
        if startsLine {
            output.append(indentation)
            startsLine = false
        }
        output.append(contentsOf: rendered)
    }

    /// The template's own text: inside an indented partial, each of its lines is indented.
    private mutating func writeTemplateText(_ text: String) {
        guard !indentation.isEmpty else {
            output.append(text)
            return
        }
        var rest = Substring(text)
        while !rest.isEmpty {
            if startsLine {
                output.append(indentation)
                startsLine = false
            }
            guard let lineBreak = rest.utf8.firstIndex(of: UInt8(ascii: "\n")) else {
                output.append(rest)
                return
            }
            let next = rest.utf8.index(after: lineBreak)
            output.append(rest[..<next])
            rest = rest[next...]
            startsLine = true
        }
    }
}
