/// A theme's parsed templates by name, rendered with the values a page gives them; any of them
/// can be included in another as a partial (`{{> name}}`).
struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]

    /// Parses `text` as the template `name`.
    mutating func register(_ text: String, named name: String) throws(TemplateSyntaxError) {
        templates[name] = try Template(parsing: text)
    }

    /// The template `name` rendered with `values`, or nil when there is no such template.
    func render(_ values: [String: Any], withTemplate name: String) -> RenderedText? {
        guard let template = templates[name] else { return nil }
        var rendering = TemplateRendering(templates: templates, values: values)
        rendering.render(template.nodes)
        return rendering.output
    }
}
