import HeraldCore
import Testing

@Suite struct GatherConfigurationTests {
    @Test func defaultsAreThisWeekInRusts() {
        let gather = NewsletterConfiguration.twir.gather
        #expect(gather.github.api == "https://api.github.com")
        #expect(gather.github.organisation == "rust-lang")
        #expect(gather.github.queries.filter { $0.section == .finalCommentPeriod }.count == 8)
        #expect(
            gather.github.queries.first { $0.name == "Compiler Team (MCPs only)" }?.labels == [
                "final-comment-period", "major-change",
            ])
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
