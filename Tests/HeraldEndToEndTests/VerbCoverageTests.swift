import HeraldTestSupport
import Testing

/// Every verb `herald --help` lists is run by a test of this target that looks at what it did,
/// not only at its exit status; the suite that does is named here. A new verb fails this test
/// until it has one.
@Suite struct VerbCoverageTests {
    static let suites = [
        "markdown": "MarkdownCommandTests", "export": "ExampleShapesTests", "new": "ExampleShapesTests",
        "init": "InitCommandTests", "build": "ExampleGoldenTests", "email": "ExampleGoldenTests",
        "serve": "SiteHardeningTests", "check": "ExampleGoldenTests", "gather": "GatherCommandTests",
        "submit": "InputHardeningTests", "publish": "ExampleShapesTests", "submissions": "SubmissionsCommandTests",
        "list": "ListAndSendTests", "send": "ListAndSendTests",
    ]

    @Test func everyListedVerbHasAnEndToEndTest() throws {
        let help = try HeraldBinary.run(["--help"])
        #expect(help.status == 0)
        let lines = help.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex(of: "SUBCOMMANDS:"), "\(help.standardOutput)")
        // A verb's line starts with two spaces and its name; its help's later lines are indented further.
        let verbs = lines[(start + 1)...].prefix { !$0.isEmpty }.filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(verbs.count >= 14, "\(help.standardOutput)")
        #expect(Set(verbs) == Set(Self.suites.keys))
    }

    /// Defaults are shown as a user types them (`default: github`), never as a Swift value
    /// (`default: HeadingIDStyle(rule: …)`), in every verb's help and its subcommands'.
    @Test func helpShowsDefaultsAsTyped() throws {
        var commands = Self.suites.keys.map { [$0] }
        var index = 0
        while index < commands.count {
            let help = try HeraldBinary.run(commands[index] + ["--help"])
            #expect(help.status == 0, "\(commands[index])")
            #expect(
                help.standardOutput.firstMatch(of: /default:\s+[A-Za-z.]+\(/) == nil,
                "\(commands[index]): \(help.standardOutput)")
            let lines = help.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
            if let start = lines.firstIndex(of: "SUBCOMMANDS:") {
                for line in lines[(start + 1)...].prefix(while: { !$0.isEmpty })
                where line.hasPrefix("  ") && !line.hasPrefix("   ") {
                    if let name = line.split(separator: " ").first { commands.append(commands[index] + [String(name)]) }
                }
            }
            index += 1
        }
        #expect(commands.count > Self.suites.count)
    }
}
