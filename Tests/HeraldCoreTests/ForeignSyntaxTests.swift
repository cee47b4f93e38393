import Foundation
import HeraldMarkdown
import Testing

@testable import HeraldCore

@Suite("Other generators' syntax in issue bodies")
struct ForeignSyntaxTests {
    private func constructs(_ body: String, mdx: Bool = false) -> [ForeignConstruct] {
        ForeignSyntaxScanner.constructs(in: Substring(body), isMDX: mdx)
    }

    @Test(
        "Shortcodes and partials are found with their kind and name",
        arguments: [
            ("{{< figure src=\"ink.png\" >}}", ForeignConstruct.Kind.hugoShortcode, "figure"),
            ("{{% notice tip %}}", .hugoShortcode, "notice"),
            ("{{< /tabs >}}", .hugoShortcode, "tabs"),
            ("{{</* youtube id */>}}", .hugoShortcode, "youtube"),
            ("{{ youtube(id=\"dQw4\", autoplay=true) }}", .zolaShortcode, "youtube"),
            ("{% quote(author=\"Ada\") %}", .zolaShortcode, "quote"),
            ("{% end %}", .zolaShortcode, "end"),
            ("{{> footer}}", .handlebarsPartial, "footer"),
        ])
    func found(text: String, kind: ForeignConstruct.Kind, name: String) throws {
        let found = constructs("Ink:\n\nsee " + text + " here.\n")
        let construct = try #require(found.first)
        #expect(found.count == 1)
        #expect(construct.kind == kind)
        #expect(construct.name == name)
        #expect(construct.location == SourceLocation(line: 3, column: 5))
        #expect(construct.range.count == text.utf8.count)
    }

    @Test(
        "Braces in code, prose and other templates are not foreign",
        arguments: [
            "Use `{{< figure >}}` to show one.\n",
            "```\n{{< figure src=\"x\" >}}\n{% end %}\n```\n",
            "    {{ youtube(id=1) }}\n",
            "Format with {{}} or {{ name }}, loop with {% for x in y %}.\n",
            "`Vec<T>` and Vec<Box<T>> and <Tabs> in a Markdown file.\n",
            "import ink from 'ink'\n",
            "{{< figure\n\nsrc=\"x\" >}}\n",
            "{{< >}} {{% %}} {{> }} {{ (x) }}\n",
        ])
    func notFound(body: String) {
        #expect(constructs(body).isEmpty, "\(constructs(body))")
    }

    @Test("MDX: statements to their end, and capitalised tags, outside code")
    func mdx() {
        let body = """
            import { Chart } from '../components/Chart'
            import Tabs from '@theme/Tabs'
            export const meta = {
              title: 'Ink',

              tags: ['a'],
            }

            Some *ink* with a <Badge color="red" label={`x > y`} /> inside.

            <Tabs>
            Text in tabs stays.
            </Tabs>

            Vec<t> is lower case. `<Chart />` is code. An import in prose is text.

            ```jsx
            import x from 'y'
            <Chart />
            ```
            """
        let found = constructs(body, mdx: true)
        #expect(found.map(\.kind) == [.esm, .esm, .esm, .jsx, .jsx, .jsx])
        #expect(found.map(\.name) == ["import", "import", "export", "Badge", "Tabs", "Tabs"])
        #expect(found.map(\.location.line) == [1, 2, 3, 9, 11, 13])
        #expect(String(decoding: Array(body.utf8)[found[2].range], as: UTF8.self).hasSuffix("tags: ['a'],\n}"))
        #expect(constructs(body, mdx: false).isEmpty)
    }

    @Test("The body leaves constructs out and keeps every line where it was")
    func bodyLeavesThemOut() throws {
        let text = """
            ---
            title: Ink
            date: 2025-03-12
            ---
            {{< figure src="ink.png" >}}
            Ink {{< ref "pens" >}} and pens.

            {% note() %}
            A note.
            {% end %}

            Code: `{{< kept >}}`
            """
        let file = try IssueFile(path: "content/ink.md", text: text)
        #expect(
            file.body == "\nInk and pens.\n\n\nA note.\n\n\nCode: `{{< kept >}}`",
            "\(file.body.debugDescription)")
        #expect(file.foreignSyntax.map(\.location.line) == [1, 2, 4, 6])
        #expect(file.writtenBody.contains("{{< figure"))
    }

    @Test("Positions after a removed construct map back to the columns as written")
    func positions() {
        let written: Substring = "See {{< a >}} the {{< b >}}ink.\n{{% c %}}\nNext"
        let removal = ForeignSyntaxRemoval(
            removing: ForeignSyntaxScanner.constructs(in: written, isMDX: false), from: written)
        #expect(removal.text == "See the ink.\n\nNext")
        #expect(removal.constructs.map(\.name) == ["a", "b", "c"])
        let columns = [1, 4, 5, 8, 9].map { removal.writtenLocation(of: SourceLocation(line: 1, column: $0)).column }
        #expect(columns == [1, 4, 15, 18, 28])
        #expect(removal.writtenLocation(of: SourceLocation(line: 3, column: 2)) == SourceLocation(line: 3, column: 2))
    }

    @Test("An MDX file's body loses its statements and components; its text is read as Markdown")
    func mdxBody() throws {
        let text = "---\ntitle: Ink\ndate: 2025-03-12\n---\nimport X from 'x'\n\n# Ink\n\n<X.Y a=\"1\" />\nText.\n"
        let file = try IssueFile(path: "content/ink.mdx", text: text)
        #expect(file.isMDX)
        #expect(file.body == "\n\n# Ink\n\n\nText.\n")
        let markdown = try IssueFile(path: "content/ink.md", text: text)
        #expect(markdown.body == markdown.writtenBody)
    }

    @Test("A statement running over a blank line is one construct, whatever its later lines start with")
    func statementOverParagraphs() {
        let found = constructs("export const a = {\n\nexport: 1,\n}\n\nText.\n", mdx: true)
        #expect(found.map(\.kind) == [.esm])
        #expect(found.first?.range == 0..<32)
    }

    @Test("Overlapping constructs are each left out once, and nothing past them is lost")
    func overlapping() {
        let written: Substring = "ab{{< x >}}cd"
        func construct(_ range: Range<Int>) -> ForeignConstruct {
            ForeignConstruct(
                kind: .hugoShortcode, name: "x", range: range,
                location: SourceLocation(line: 1, column: range.lowerBound + 1))
        }
        let removal = ForeignSyntaxRemoval(
            removing: [construct(2..<11), construct(4..<9), construct(5..<12)], from: written)
        #expect(removal.text == "abd")
        #expect(ForeignSyntaxRemoval(removing: [construct(2..<11), construct(3..<5)], from: written).text == "abcd")
    }

    @Test("Unterminated, huge and broken input is scanned without a crash, in linear time")
    func hostile() {
        let opens = String(repeating: "{{< {{% {{ x( {% <A {\"", count: 40_000)
        #expect(constructs(opens, mdx: true).isEmpty)
        let closes = String(repeating: "{{< a >}}", count: 20_000)
        #expect(constructs(closes).count == 20_000)
        let broken = String(decoding: [0x7B, 0x7B, 0x3C, 0x20, 0xFF, 0x61, 0x3E, 0x7D, 0x7D, 0xC3], as: UTF8.self)
        #expect(constructs(broken).isEmpty)
        #expect(constructs("{{<").isEmpty && constructs("{").isEmpty && constructs("<", mdx: true).isEmpty)
    }
}
