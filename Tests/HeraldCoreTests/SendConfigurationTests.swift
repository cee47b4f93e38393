import HeraldCore
import HeraldMarkdown
import Testing

@Suite struct SendConfigurationTests {
    @Test func relaysRateAndSigningAreRead() throws {
        let configuration = try NewsletterConfiguration(
            toml: """
                [send]
                smtp = ["smtp://a.example:587 weight=3", "smtps://b.example:465"]
                rate = 14
                connections = 8
                dkim_key = "keys/dkim.pem"
                dkim_selector = "herald"
                hard_bounce_limit = 2
                """)
        let send = configuration.send
        #expect(
            send.relays == [
                .init(url: "smtp://a.example:587", weight: 3), .init(url: "smtps://b.example:465", weight: 1),
            ])
        #expect(send.rate == 14)
        #expect(send.connections == 8)
        #expect(send.dkimKey == "keys/dkim.pem")
        #expect(send.hardBounceLimit == 2)
        let single = try NewsletterConfiguration(toml: "[send]\nsmtp = \"smtp://r:25\"")
        #expect(single.send.relays == [.init(url: "smtp://r:25")])
    }

    @Test func mistakesNameTheirLine() {
        let toml = "[send]\nconnections = 0\nsmtp = [\"smtp://a weight=x\"]\ndkim_key = \"k.pem\"\nrat = 3\n"
        #expect {
            try NewsletterConfiguration(toml: toml)
        } throws: { error in
            let problems = (error as? HeraldError)?.problems ?? []
            return problems.map { $0.location?.line } == [2, 3, 4, 5]
        }
    }
}
