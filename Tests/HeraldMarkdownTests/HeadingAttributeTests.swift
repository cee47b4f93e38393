import HeraldMarkdown
import Testing

@Suite("Heading attributes: {#id}")
struct HeadingAttributeTests {
    private static let withAttributes = ParseOptions(extensions: MarkdownExtension.gfm.union([.headingAttributes]))

    private func html(_ markdown: String, options: ParseOptions = withAttributes, headingIDs: Bool = true) -> String {
        HTMLRenderer(options: HTMLRenderOptions(headingIDs: headingIDs))
            .render(MarkdownDocument(parsing: markdown, options: options))
    }

    @Test(
        "A closing {#id} is the heading's id and leaves its text",
        arguments: [
            ("## Install {#setup}\n", "<h2 id=\"setup\">Install</h2>\n"),
            ("## Install {#setup} ##\n", "<h2 id=\"setup\">Install</h2>\n"),
            ("## Install   { #setup }  \n", "<h2 id=\"setup\">Install</h2>\n"),
            ("Install *now* {#setup}\n===\n", "<h1 id=\"setup\">Install <em>now</em></h1>\n"),
            ("Two\nlines {#two-lines}\n---\n", "<h2 id=\"two-lines\">Two\nlines</h2>\n"),
            ("## Café {#café:1.x_y-z}\n", "<h2 id=\"café:1.x_y-z\">Café</h2>\n"),
        ])
    func honoured(markdown: String, rendered: String) {
        #expect(html(markdown) == rendered)
        #expect(html(markdown, headingIDs: false) == rendered, "the writer's id is kept without generated ids too")
    }

    @Test("The node keeps the id; its plain text, which titles come from, does not show it")
    func node() throws {
        let document = MarkdownDocument(
            parsing: "## Install `ink` {#setup}\n\n## Plain\n", options: Self.withAttributes)
        let headings = document.root.children.filter { $0.kind == .heading }
        #expect(headings.map(\.headingID) == ["setup", nil])
        #expect(headings.map(\.plainText) == ["Install ink", "Plain"])
        #expect(document.root.children.first { $0.kind == .paragraph }?.headingID == nil)
    }

    @Test(
        "Braces that are not a closing {#id} stay text",
        arguments: [
            "## Sets {#}\n", "## Maps{#glued}\n", "## Escaped \\{#x}\n", "## {#alone}\n", "## Two {#a b}\n",
            "## Quoted {#\"x\"}\n", "## Class {.wide}\n", "## Code `{#x}`\n", "## Middle {#x} text\n",
        ])
    func literal(markdown: String) throws {
        let document = MarkdownDocument(parsing: markdown, options: Self.withAttributes)
        let heading = try #require(document.root.firstChild)
        #expect(heading.headingID == nil)
        #expect(heading.plainText.contains("{"), "\(heading.plainText)")
    }

    @Test("Without the extension, and in GitHub's dialect, the braces are text as before")
    func offByDefault() {
        #expect(html("## Install {#setup}\n", options: .gfm) == "<h2 id=\"install-setup\">Install {#setup}</h2>\n")
        #expect(html("## Install {#setup}\n", options: .commonMark, headingIDs: false) == "<h2>Install {#setup}</h2>\n")
        #expect(MarkdownDocument(parsing: "## Install {#setup}\n", options: .gfm).root.firstChild?.headingID == nil)
    }

    @Test("A made id never repeats one a writer chose, even a later one")
    func madeIDsStepAside() {
        #expect(
            html("## Rust\n\n## Other {#rust}\n")
                == "<h2 id=\"rust-1\">Rust</h2>\n<h2 id=\"rust\">Other</h2>\n")
    }

    @Test("Many braces on one heading line take linear time and parse")
    func hostile() {
        let line = "## " + String(repeating: " {#", count: 50_000) + String(repeating: "}", count: 50_000) + "\n"
        let document = MarkdownDocument(parsing: line, options: Self.withAttributes)
        #expect(document.root.firstChild?.kind == .heading)
    }
}
