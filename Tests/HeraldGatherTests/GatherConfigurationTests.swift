import HeraldCore
import Testing

@Suite struct GatherConfigurationTests {
    @Test func defaultsAreThisWeekInRusts() {
        let gather = NewsletterConfiguration.twir.gather
        #expect(gather.github.api == "https://api.github.com")
        #expect(gather.github.organisation == "rust-lang")
        #expect(gather.github.queries.filter { $0.section == .finalCommentPeriod }.count == 8)
        let compiler = gather.github.queries.first { $0.name == "Compiler Team" }
        #expect(compiler?.labels == ["final-comment-period", "major-change"])
        #expect(compiler?.headingNote == "[(MCPs only)](https://forge.rust-lang.org/compiler/mcp.html)")
        #expect(
            gather.github.queries.filter { $0.section == .callsForTesting }.map(\.name) == [
                "Rust", "Cargo", "Rustup", "Rust language RFCs",
            ])
        #expect(gather.github.queries.allSatisfy { $0.url?.contains("+") != true })
        #expect(gather.github.web == "https://github.com")
        #expect(gather.github.format == NewsletterConfiguration.Gather.GitHub.Format())
        #expect(gather.github.format.mergedLink == .reference)
        #expect(gather.github.format.newRFCPrefix.isEmpty)
        #expect(gather.forum.crateTopic == 2704)
        #expect(gather.forum.quoteTopic == 328)
        #expect(gather.feeds.isEmpty)
    }

    @Test func readsEveryKey() throws {
        let configuration = try NewsletterConfiguration(
            toml: """
                [gather.events]
                feeds = ["https://calendar.quill.example/events.ics", "local.ics"]

                [gather.github]
                api = "https://github.quill.example/api/v3/"
                organisation = "quill-lang"

                [[gather.github.queries]]
                section = "final-comment-period"
                name = "Quill"
                url = "https://github.com/quill-lang/quill/labels/final-comment-period"
                repositories = ["quill-lang/quill"]
                labels = ["final-comment-period"]

                [[gather.github.queries]]
                section = "new-rfcs"
                repositories = ["quill-lang/qeps"]

                [gather.forum]
                base_url = "https://forum.quill.example"
                crate_topic = 12
                quote_topic = 13
                cfp_topic = 14
                """)
        let gather = configuration.gather
        #expect(gather.feeds == ["https://calendar.quill.example/events.ics", "local.ics"])
        #expect(gather.github.api == "https://github.quill.example/api/v3")
        #expect(gather.github.organisation == "quill-lang")
        #expect(gather.github.queries.map(\.section) == [.finalCommentPeriod, .newRFCs])
        #expect(gather.github.queries[1].name == "quill-lang/qeps")
        #expect(gather.github.queries[1].labels.isEmpty)
        #expect(
            gather.forum
                == NewsletterConfiguration.Gather.Forum(
                    baseURL: "https://forum.quill.example", crateTopic: 12, quoteTopic: 13, participationTopic: 14))
    }

    @Test func readsTheFormatKeys() throws {
        let configuration = try NewsletterConfiguration(
            toml: """
                [gather.github]
                api = "https://github.quill.example/api/v3"
                item_order = "number"
                merged_link = "inline"
                new_rfc_prefix = "[new] "
                new_rfcs_open_only = false
                unspecified_disposition = true
                testing_heading_level = 3
                fcp_heading_level = 4
                no_calls_for_testing = "* *None from {groups}.*"
                no_final_comment_period = "*Quiet: {groups}.*"
                no_approved_rfcs = "*None approved.*"
                no_new_rfcs = "*None new.*"

                [[gather.github.queries]]
                section = "final-comment-period"
                repositories = ["quill-lang/compiler"]
                heading_note = "[(MCPs only)](https://quill.example/mcp)"
                """)
        let github = configuration.gather.github
        #expect(github.web == "https://github.quill.example")
        #expect(
            github.format
                == NewsletterConfiguration.Gather.GitHub.Format(
                    itemOrder: .number, mergedLink: .inline, newRFCPrefix: "[new] ", newRFCsOpenOnly: false,
                    writesUnspecifiedDisposition: true, testingHeadingLevel: 3, commentPeriodHeadingLevel: 4,
                    noCallsForTesting: "* *None from {groups}.*", noFinalCommentPeriod: "*Quiet: {groups}.*",
                    noApprovedRFCs: "*None approved.*", noNewRFCs: "*None new.*"))
        #expect(github.queries.first?.headingNote == "[(MCPs only)](https://quill.example/mcp)")
    }

    @Test func badFormatValuesNameTheKeyAndLine() {
        #expect {
            try NewsletterConfiguration(
                toml: """
                    [gather.github]
                    item_order = "alphabetical"
                    fcp_heading_level = 9
                    no_calls_for_testing = "*None.*"
                    """)
        } throws: { error in
            let messages = (error as? HeraldError)?.problems.map(\.description) ?? []
            return messages == [
                "herald.toml:2:1: 'alphabetical' is not one of 'updated' or 'number'; use 'updated' or 'number'",
                "herald.toml:3:1: 'fcp_heading_level' in [gather.github] is 9, but it must be an integer from 1 to 6",
                "herald.toml:4:1: 'no_calls_for_testing' must say where the groups go with {groups}; "
                    + "write it like \"*None from {groups}.*\"",
            ]
        }
    }

    @Test func mistakesNameTheKeyAndLine() {
        #expect {
            try NewsletterConfiguration(
                toml: """
                    [gather.github]
                    organization = "quill-lang"

                    [[gather.github.queries]]
                    section = "jobs"
                    repositories = ["quill"]

                    [gather.forum]
                    crate_topic = "2704"
                    """)
        } throws: { error in
            let messages = (error as? HeraldError)?.problems.map(\.description) ?? []
            return messages == [
                "herald.toml:2:1: unknown key 'organization' in [gather.github]; did you mean 'organisation'?",
                "herald.toml:5:1: 'jobs' is not a section herald gather github fills; use one of 'calls-for-testing', 'approved-rfcs', 'final-comment-period', 'new-rfcs'",
                "herald.toml:6:1: 'repositories' must list repositories as \"owner/name\"",
                "herald.toml:9:1: 'crate_topic' in [gather.forum] must be an integer of at least 1, not a string",
            ]
        }
    }
}
