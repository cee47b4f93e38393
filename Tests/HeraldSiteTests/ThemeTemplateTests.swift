import Foundation
import HeraldCore
import HeraldMarkdown
import Testing

@testable import HeraldSite

/// Templates are Mustache with Herald's byte-wise HTML escaping; a mistake in an override is
/// reported at its own line and column.
struct ThemeTemplateTests {
    /// A theme folder holding `files`, removed after `body`.
    private func withTheme(_ files: [String: String], _ body: (URL) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("herald-theme-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in files { try Data(text.utf8).write(to: folder.appendingPathComponent(name)) }
        try body(folder)
    }

    @Test func valuesAreEscapedByteByByteEvenBeforeACombiningMark() throws {
        try withTheme(["note.mustache": "<p title=\"{{title}}\">{{text}}</p>\n{{{html}}}"]) { folder in
            let theme = try Theme(overridesIn: folder)
            let text = theme.render(
                "note", context: ["title": "\"Rust\" & 'you'", "text": "a <\u{338}b> c", "html": "<b>kept</b>"])
            #expect(text == "<p title=\"&quot;Rust&quot; &amp; &#39;you&#39;\">a &lt;\u{338}b&gt; c</p>\n<b>kept</b>")
        }
    }

    @Test func aMistakeInAnOverrideIsReportedAtItsLineAndColumn() throws {
        try withTheme(["issue.mustache": "<article>\n  {{#issue}}<h1>{{title}}</h1>{{/isue}}\n</article>\n"]) {
            folder in
            let error = #expect(throws: HeraldError.self) { try Theme(overridesIn: folder, displayFolder: "theme") }
            let problem = try #require(error?.problems.first)
            #expect(problem.code == .invalidTemplate)
            #expect(problem.file == "theme/issue.mustache")
            // Line 2, inside the mistaken `{{/isue}}` (columns 31 to 39).
            let location = try #require(problem.location)
            #expect(location.line == 2)
            #expect((31...39).contains(location.column))
        }
    }
}
