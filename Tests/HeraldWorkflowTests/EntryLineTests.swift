import HeraldCore
import HeraldWorkflow
import Testing

@Suite("Writing an entry line")
struct EntryLineTests {
    @Test("prefixes come first, then the link, with the draft's bullet")
    func shape() {
        let line = EntryLine(title: "A talk", url: "https://v.example/1", prefixes: ["video", "DE"])
        #expect(line.markdown() == "* [video] [DE] [A talk](https://v.example/1)")
        #expect(line.markdown(bullet: "  -") == "  - [video] [DE] [A talk](https://v.example/1)")
    }

    @Test("a title with markup characters and an odd address read back as written")
    func escaping() throws {
        let entry = EntryLine(
            title: "Vec<T> and [slices] in *one* `place`_", url: "https://w.example/a_(b)/c d)", prefixes: [])
        let markdown = entry.markdown()
        // Only what would be read as markup is escaped: balanced brackets and a closing `>` are not.
        #expect(markdown == #"* [Vec\<T> and [slices] in \*one\* \`place\`_](https://w.example/a_%28b%29/c%20d%29)"#)
        let text = "Title: T 1\nDate: 2025-01-01\n\n## Updates from Rust Community\n\n### Official\n" + markdown + "\n"
        let issue = ParsedIssue(try IssueFile(path: "t.md", text: text), catalog: .twir).issue
        let link = issue.sections.first?.content.links?.flatMap(\.entries).first
        #expect(link?.title == "Vec<T> and [slices] in *one* `place`_")
        #expect(link?.url == "https://w.example/a_%28b%29/c%20d%29")
    }
}
