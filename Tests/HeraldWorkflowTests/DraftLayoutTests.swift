import HeraldCore
import HeraldWorkflow
import Testing

@Suite("Placing entries in a draft")
struct DraftLayoutTests {
    static let header = "Title: T 2\nNumber: 2\nDate: 2025-04-02\n\n"

    func layout(_ body: String) throws -> DraftLayout {
        DraftLayout(file: try IssueFile(path: "d.md", text: DraftLayoutTests.header + body), catalog: .twir)
    }

    func inserting(_ line: String, into name: String, of body: String) throws -> String {
        let layout = try layout(body)
        let group = try #require(layout.linkGroups(named: name).first)
        let insertion = layout.insertion(of: [line], in: group, markers: WorkflowMarkers())
        var edit = LineEdit()
        edit.insert(insertion.lines, after: insertion.after)
        return String(edit.applied(to: layout.file.text).text.dropFirst(DraftLayoutTests.header.count))
    }

    @Test("after the group's last entry, before the blank line and the next heading")
    func afterLastEntry() throws {
        let body = "## Updates from Rust Community\n\n### Official\n* [a](https://a.example)\n\n### Research\n"
        #expect(
            try inserting("* [n](https://n.example)", into: "official", of: body)
                == "## Updates from Rust Community\n\n### Official\n* [a](https://a.example)\n* [n](https://n.example)\n\n### Research\n"
        )
    }

    @Test("under the heading of an empty group, in TWiR's style of no blank line")
    func emptyGroup() throws {
        let body = "## Updates from Rust Community\n\n### Official\n\n### Research\n* [r](https://r.example)\n"
        #expect(
            try inserting("* [n](https://n.example)", into: "Official", of: body)
                == "## Updates from Rust Community\n\n### Official\n* [n](https://n.example)\n\n### Research\n* [r](https://r.example)\n"
        )
    }

    @Test("a draft that leaves a blank line after headings, and uses '-', gets both")
    func draftStyle() throws {
        let body =
            "## Updates from Rust Community\n\n### Official\n\n- [a](https://a.example)\n\n### Research\n\n### Miscellaneous\n"
        let layout = try layout(body)
        #expect(layout.bullet == "-")
        #expect(layout.blankAfterHeading)
        #expect(
            try inserting("- [n](https://n.example)", into: "Research", of: body)
                == "## Updates from Rust Community\n\n### Official\n\n- [a](https://a.example)\n\n### Research\n\n- [n](https://n.example)\n\n### Miscellaneous\n"
        )
    }

    @Test("after a comment, a blank line starts a new list; after the cut, none")
    func afterNonEntries() throws {
        let comment = "## Updates from Rust Community\n\n<!-- * [Title](https://example.org) -->\n\n### Official\n"
        #expect(
            try inserting("* [n](https://n.example)", into: "Updates from Rust Community", of: comment)
                .hasPrefix(
                    "## Updates from Rust Community\n\n<!-- * [Title](https://example.org) -->\n\n* [n](https://n.example)\n\n### Official"
                ))
        let cut = "## Updates from Rust Community\n\n### Official\n* [a](https://a.example)\n<!-- cut -->\n"
        #expect(
            try inserting("* [n](https://n.example)", into: "Official", of: cut)
                == "## Updates from Rust Community\n\n### Official\n* [a](https://a.example)\n<!-- cut -->\n* [n](https://n.example)\n"
        )
    }

    @Test("group names match as headings do, a prefix only when nothing matches whole")
    func names() throws {
        let layout = try layout(
            "## Updates from Rust Community\n\n### Official\n\n### Observations/Thoughts\n\n### Rust Walkthroughs\n")
        #expect(layout.linkGroups(named: "observations thoughts").map(\.name) == ["Observations/Thoughts"])
        #expect(layout.linkGroups(named: "rust").map(\.name) == ["Rust Walkthroughs"])
        #expect(layout.linkGroups(named: "Jobs").isEmpty)
        #expect(
            layout.linkGroupNames == [
                "Updates from Rust Community", "Official", "Observations/Thoughts", "Rust Walkthroughs",
            ])
    }

    @Test("held-back entries: below the cut, or marked, each with its reason; the cut itself goes")
    func carryOver() throws {
        let body = """
            ## Updates from Rust Community

            ### Official
            * [stays](https://a.example)
            <!--  CUT -->
            * [late](https://b.example)

            ### Research
            * [held](https://c.example) <!-- next issue -->
            * [stays too](https://d.example)

            """
        let carry = CarryOver(layout: try layout(body), markers: WorkflowMarkers())
        #expect(carry.entries.map(\.text) == [["* [late](https://b.example)"], ["* [held](https://c.example)"]])
        #expect(carry.entries.map(\.reason) == [.afterCut, .marked])
        #expect(carry.entries.map(\.group.name) == ["Official", "Research"])
        #expect(carry.cutLines == [9])
    }

    @Test("markers can be renamed")
    func customMarkers() {
        let markers = WorkflowMarkers(cut: "Schluss", nextIssue: "später")
        #expect(markers.isCut("  <!--schluss-->  "))
        #expect(!markers.isCut("<!-- cut -->"))
        #expect(markers.removingNextIssueMarker(from: "* [x](y)   <!-- später --> tail") == "* [x](y) tail")
    }
}
