import Foundation
import HeraldTestSupport
import Testing

/// `herald markdown` reads a heading's `{#id}` only when asked, as `scripts/compare-heading-ids.py`
/// asks, so the engine on its own stays CommonMark and GitHub's dialect by default.
@Suite struct MarkdownCommandTests {
    @Test func headingAttributesAreReadOnlyWithTheirFlag() throws {
        let input = Data("## Install {#setup}\n".utf8)
        let with = try HeraldBinary.run(
            ["markdown", "--gfm", "--heading-attributes", "--heading-ids"], standardInput: input)
        #expect(with.status == 0, "\(with.standardError)")
        #expect(with.standardOutput == "<h2 id=\"setup\">Install</h2>\n")
        let without = try HeraldBinary.run(["markdown", "--gfm", "--heading-ids"], standardInput: input)
        #expect(without.standardOutput == "<h2 id=\"install-setup\">Install {#setup}</h2>\n")
    }
}
