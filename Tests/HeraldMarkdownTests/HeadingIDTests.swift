import HeraldMarkdown
import Testing

@Suite("Heading ids")
struct HeadingIDTests {
    private func html(_ markdown: String, headingIDs: Bool = true) -> String {
        HTMLRenderer(options: HTMLRenderOptions(headingIDs: headingIDs)).render(MarkdownDocument(parsing: markdown))
    }

    @Test("Headings have no id unless asked for")
    func offByDefault() {
        #expect(
            HTMLRenderer().render(MarkdownDocument(parsing: "## Upcoming Events\n")) == "<h2>Upcoming Events</h2>\n")
    }

    @Test(
        "GitHub's rule: lowercase, punctuation but - and _ dropped, spaces to -",
        arguments: [
            ("## Upcoming Events", "upcoming-events"),
            ("# Crate of the Week", "crate-of-the-week"),
            ("### Hello, World! _x_", "hello-world-x"),
            ("### C++ & Rust", "c--rust"),
            ("### `Vec<T>` in std", "vect-in-std"),
            ("## snake_case and kebab-case", "snake_case-and-kebab-case"),
            ("## Café Über", "café-über"),
            ("## 🦀 Rust 2024", "-rust-2024"),
            ("## CFP - Projects", "cfp---projects"),
        ])
    func slugs(markdown: String, id: String) {
        let rendered = html(markdown)
        #expect(rendered.contains(" id=\"\(id)\">"), "\(rendered)")
    }

    @Test("Repeated headings get -1, -2… in document order")
    func repeats() {
        let rendered = html("# Europe\n## Europe\n### Europe\n")
        #expect(
            rendered
                == "<h1 id=\"europe\">Europe</h1>\n<h2 id=\"europe-1\">Europe</h2>\n<h3 id=\"europe-2\">Europe</h3>\n")
    }

    @Test("A heading whose slug equals an earlier suffixed id still gets a unique one")
    func collisionWithSuffix() {
        var generator = HeadingIDGenerator()
        #expect(generator.makeID(for: "a-1") == "a-1")
        #expect(generator.makeID(for: "a") == "a")
        #expect(generator.makeID(for: "a") == "a-2")
    }

    @Test("Ids are escaped as attribute values and each render starts afresh")
    func escapingAndIndependence() {
        let document = MarkdownDocument(parsing: "# Quote \"of\" the Week\n")
        let renderer = HTMLRenderer(options: HTMLRenderOptions(headingIDs: true))
        #expect(renderer.render(document) == renderer.render(document))
        #expect(renderer.render(document).contains("id=\"quote-of-the-week\""))
    }

    // MARK: Python-Markdown's rule; every expected id is what Python-Markdown 3.7's toc extension gives.

    private func pythonMarkdownIDs(_ markdown: String) -> [String] {
        let options = HTMLRenderOptions(headingIDs: true, headingIDStyle: .pythonMarkdown)
        let html = HTMLRenderer(options: options).render(MarkdownDocument(parsing: markdown))
        return html.split(separator: "\n").compactMap { line in
            guard let start = line.firstRange(of: " id=\""), let end = line[start.upperBound...].firstIndex(of: "\"")
            else { return nil }
            return String(line[start.upperBound..<end])
        }
    }

    @Test(
        "Python-Markdown's rule: folded to ASCII, punctuation dropped, runs of spaces and - one -",
        arguments: [
            ("# CFP - Projects", "cfp-projects"),
            ("# Tracking Issues & PRs", "tracking-issues-prs"),
            ("# `code` <b>x</b> Café ﬁne", "code-x-cafe-fine"),
            ("# - lead", "-lead"),
            ("#   Über   alles  ", "uber-alles"),
            ("## snake_case and kebab-case", "snake_case-and-kebab-case"),
            ("## 🦀 Rust 2024", "rust-2024"),
        ])
    func pythonMarkdownSlugs(markdown: String, id: String) {
        #expect(pythonMarkdownIDs(markdown) == [id])
    }

    @Test("Python-Markdown numbers repeats _1, _2, counts on from a heading's own _N, and names empty ids _1")
    func pythonMarkdownRepeats() {
        #expect(pythonMarkdownIDs("# Rust\n# Rust\n# Rust_1\n# ☃\n# ☃\n") == ["rust", "rust_1", "rust_2", "_1", "_2"])
    }
}
