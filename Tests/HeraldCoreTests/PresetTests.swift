import Testing

@testable import HeraldCore

/// This Week in Rust's preset is a TOML file embedded in the binary; read, it gives the section
/// table Herald has always had.
@Suite struct PresetTests {
    @Test func theTWiRPresetGivesTWiRsSectionTable() {
        let rules = Preset.thisWeekInRust.sectionRules
        #expect(
            rules.map(\.kind) == [
                .crateOfTheWeek, .quoteOfTheWeek, .callsForTesting, .cfpEvents, .cfpProjects, .performanceTriage,
                .approvedRFCs, .finalCommentPeriod, .newRFCs, .events, .jobs, .editors, .projectUpdates, .links,
                .generic,
            ])
        #expect(rules.map(\.names.count) == [2, 2, 2, 4, 3, 2, 1, 1, 2, 13, 3, 1, 9, 43, 19])
        #expect(rules.first?.names == ["Crate of the Week", "Crate & Quote of the Week"])
        #expect(rules.last?.names.last == "24 Days of Rust")
        #expect(SectionCatalog.twir.rules == rules)
        let catalog = SectionCatalog.twir
        #expect(catalog.kind(ofHeading: "What's cooking on nightly?") == .projectUpdates)
        #expect(catalog.kind(ofHeading: "#Rust2019") == .generic)
        #expect(catalog.kind(ofHeading: "Other Weeklies from Rust Community") == .links)
        #expect(catalog.kind(ofHeading: "Asia Pacific") == .events)
    }

    @Test func theTWiRPresetGivesTWiRsGitHubGroups() throws {
        let queries = Preset.thisWeekInRust.githubQueries
        #expect(NewsletterConfiguration.Gather.GitHub.twir == queries)
        let sections: [SectionKind] =
            Array(repeating: .callsForTesting, count: 4) + [.approvedRFCs]
            + Array(repeating: .finalCommentPeriod, count: 8) + [.newRFCs]
        #expect(queries.map(\.section) == sections)
        let compiler = try #require(queries.first { $0.name == "Compiler Team" })
        #expect(compiler.labels == ["final-comment-period", "major-change"])
        #expect(compiler.headingNote == "[(MCPs only)](https://forge.rust-lang.org/compiler/mcp.html)")
        #expect(
            queries.first?.url
                == "https://github.com/rust-lang/rust/issues?q=state%3Aopen%20label%3Acall-for-testing%20state%3Aopen")
    }

    @Test func aPresetsMistakesAreReportedWithTheirLines() {
        let text = """
            [[sections]]
            kind = "link"
            names = ["Links"]

            [[sections]]
            names = ["Jobs"]
            extra = true
            """
        let error = #expect(throws: HeraldError.self) { try Preset(toml: text, file: "preset.toml") }
        let messages = error?.problems.map(\.message) ?? []
        #expect(messages.contains("'link' is not a section kind"))
        #expect(messages.contains("each [[sections]] needs a 'kind'"))
        #expect(messages.contains { $0.hasPrefix("unknown key 'extra'") })
        #expect(error?.problems.allSatisfy { $0.file == "preset.toml" && $0.location != nil } == true)
    }
}
