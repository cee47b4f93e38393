import Foundation
import HeraldCore
import HeraldWorkflow
import Testing

@Suite("[workflow] in herald.toml")
struct WorkflowConfigurationTests {
    @Test("the markers and default section are read, and used by publish")
    func custom() throws {
        let newsletter = try TestNewsletter(
            extraConfiguration:
                "[workflow]\ncut_marker = \"Schluss\"\nnext_issue_marker = \"später\"\ndefault_section = \"Official\"")
        let workflow = try newsletter.load().configuration.workflow
        #expect(
            workflow
                == NewsletterConfiguration.Workflow(
                    cutMarker: "Schluss", nextIssueMarker: "später", defaultSection: "Official"))
        let draft = try newsletter.makeDraft()
        try newsletter.write(
            draft,
            try #require(newsletter.read(draft)).replacingOccurrences(
                of: "### Official\n",
                with: "### Official\n* [a](https://a.example)\n<!-- Schluss -->\n* [b](https://b.example) \n"))
        let plan = try Publisher(folder: try newsletter.load()).plan()
        #expect(plan.carryOver.entries.map(\.text) == [["* [b](https://b.example) "]])
    }

    @Test("an unknown key in [workflow] is an error naming it")
    func unknownKey() throws {
        let newsletter = try TestNewsletter(extraConfiguration: "[workflow]\ncut = \"x\"")
        let error = #expect(throws: HeraldError.self) { try newsletter.load() }
        #expect(error?.problems.first?.message.contains("'cut'") == true)
    }
}
