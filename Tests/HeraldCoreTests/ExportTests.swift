import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// The JSON export: stable bytes, round trips, counts, and agreement with `docs/issue-schema.json`.
@Suite struct ExportTests {
    /// An issue with one section of every kind.
    static let sample: HeraldCore.Issue = {
        let markdown = """
            Welcome to issue 12.

            ## Updates from Rust Community
            ### Official
            * [video] [Widget 2.0](https://example.org/w2). Out now.
            * A link-less remark

            ## Crate of the Week

            This week's crate is [widget](https://docs.rs/widget), a widget. Thanks to [Ada](https://example.org/ada) for the suggestion!

            ## Calls for Testing
            * [Round widgets](https://example.org/1)
              - [Testing steps](https://example.org/1#steps)

            ## Call for Participation; projects and speakers
            ### CFP - Projects
            * [Widgetry - Fix the docs](https://example.org/2)
            ### CFP - Events
            * [**WidgetConf**](https://example.org/3) | Closes 2025-09-01 | Lyon, FR | 2026-03-10

            ## Updates from the Rust Project
            12 pull requests were merged in the last week
            #### Compiler
            * [faster widgets](https://example.org/4)
            ### Rust Compiler Performance Triage
            Triage done by **@ferris**. Revision range: [a..b](https://example.org/5)

            1 Regression, 2 Improvements, 3 Mixed
            ### Approved RFCs
            * [Widget RFC](https://example.org/6)
            ### Final Comment Period
            * [disposition: merge] [Widget FCP](https://example.org/7)
            ### New RFCs
            * [new] [Gadget RFC](https://example.org/8)

            ## Upcoming Events
            ### Virtual
            * 2025-07-03 | Virtual | [Widget Users](https://example.org/9)
                * [**Widget hour**](https://example.org/10)

            ## Jobs
            * [Widget Engineer](https://example.org/11)

            # Quote of the Week
            > Widgets!

            – [Grace](https://example.org/12)

            # Editors
            * [ada](https://example.org/ada)

            # Widget Trivia
            Nothing here is typed.
            """
        let metadata = IssueMetadata(
            title: "Herald Weekly 12", number: 12, date: IssueDate(year: 2025, month: 7, day: 2)!, tags: ["weekly"])
        return IssueReader().read(markdown: markdown, metadata: metadata, bodyStartLine: 4, path: "content/12.md").issue
    }()

    @Test func everyKindIsPresentInTheSample() {
        let kinds = Set(Self.sample.allSections.map(\.kind))
        #expect(kinds == Set(SectionKind.allKinds))
    }

    @Test func jsonHasSortedKeysAndPlainDates() throws {
        let text = String(decoding: IssueExport(issues: [Self.sample]).json(), as: UTF8.self)
        #expect(text.contains(#""date": "2025-07-02""#))
        #expect(text.contains(#""closesOn": "2025-09-01""#))
        #expect(!text.contains("null"))
        #expect(!text.contains(#"\/"#))
        let keys = text.split(separator: "\n").prefix(3).map { $0.trimmingCharacters(in: .whitespaces) }
        #expect(keys == ["{", #""issues": ["#, "{"])
        #expect(text.hasSuffix("}\n"))
    }

    @Test func exportIsStableAndRoundTrips() throws {
        let export = IssueExport(issues: [Self.sample])
        let first = export.json()
        #expect(export.json() == first)
        let decoded = try JSONDecoder().decode(IssueExport.self, from: first)
        #expect(decoded == export)
    }

    @Test func writerAgreesWithJSONEncoder() throws {
        let export = IssueExport(issues: [Self.sample])
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        func canonical(_ data: Data) throws -> Data {
            try JSONSerialization.data(
                withJSONObject: JSONSerialization.jsonObject(with: data),
                options: [.sortedKeys, .withoutEscapingSlashes])
        }
        #expect(try canonical(export.json()) == canonical(encoder.encode(export)))
    }

    @Test func stringsAreEscaped() throws {
        var issue = Self.sample
        issue.metadata.title = "Quote \" backslash \\ tab \t bell \u{7} ünïcode"
        let json = IssueExport(issues: [issue]).json()
        #expect(String(decoding: json, as: UTF8.self).contains(#""Quote \" backslash \\ tab \t bell \u0007 ünïcode""#))
        #expect(try JSONDecoder().decode(IssueExport.self, from: json).issues[0].metadata.title == issue.metadata.title)
    }

    @Test func issuesAreOrderedByDate() {
        var older = Self.sample
        older.metadata.date = IssueDate(year: 2024, month: 1, day: 3)!
        older.file = "content/1.md"
        let export = IssueExport(issues: [Self.sample, older])
        #expect(export.issues.map(\.file) == ["content/1.md", "content/12.md"])
    }

    @Test func summaryCountsLinksEventsAndCrates() {
        let summary = IssueExport(issues: [Self.sample]).summary
        #expect(summary == ExportSummary(issues: 1, links: 1, events: 1, crates: 1, reportedFiles: 0))
        #expect(summary.description == "exported 1 issue: 1 link, 1 event, 1 crate; 0 files reported")
    }

    @Test func exporterReportsFilesItCannotRead() throws {
        let folder = try Newsletter(files: [
            "1.md":
                "Title: Weekly 1\nDate: 2025-07-02\n\n# Crate of the Week\n\nThis week's crate is [w](https://docs.rs/w).\n",
            "2.md": "Title: Weekly 2\n\nNo date.\n",
            "3.rst": "Old issue\n=========\n",
        ])
        try folder.write(Data([0x89, 0x50]), to: "logo.png")
        let result = IssueExporter().export(paths: [folder.folder.path])
        #expect(result.export.issues.map(\.metadata.title) == ["Weekly 1"])
        #expect(result.summary.reportedFiles == 2)
        #expect(result.summary.crates == 1)
        let files = Set(result.problems.compactMap(\.file).map { URL(fileURLWithPath: $0).lastPathComponent })
        #expect(files == ["2.md", "3.rst"])
    }

    @Test(.enabled(if: SchemaValidator.isUsable)) func sampleExportMatchesTheSchema() throws {
        try SchemaValidator.validate(IssueExport(issues: [Self.sample]).json())
    }

    /// Every example's export, whatever its layout (the headerless Chinese issues, the page
    /// bundles with their Zola keys), is what the schema describes.
    @Test(
        .enabled(if: SchemaValidator.isUsable),
        arguments: ["this-week-in-quill", "kettle-weekly", "burrow-monthly", "qingshi-weekly"])
    func exampleNewsletterExportMatchesTheSchema(example: String) throws {
        let folder = try NewsletterFolder(at: SharedFolder.packageRoot.appendingPathComponent("Examples/" + example))
        #expect(folder.problems.isEmpty)
        let result = IssueExporter().export(folder)
        #expect(!result.export.issues.isEmpty)
        try SchemaValidator.validate(result.export.json())
    }
}

/// Validates JSON against `docs/issue-schema.json` with Python's `jsonschema`, the reference
/// implementation of draft 2020-12. Tests using it are skipped when it is missing, except in CI
/// (`CI` set), where its absence fails them.
enum SchemaValidator {
    static let schema = SharedFolder.packageRoot.appendingPathComponent("docs/issue-schema.json")

    static let isInstalled: Bool = (try? TestProcess.run(program: "python3", ["-c", "import jsonschema"]))?.status == 0

    static var isUsable: Bool { isInstalled || SharedFolder.isCI }

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func validate(_ json: Data) throws {
        guard isInstalled else { throw Failure(description: "python3 with the jsonschema package is required in CI") }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "herald-export-\(UUID().uuidString).json")
        try json.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys, jsonschema
            schema = json.load(open(sys.argv[1]))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(json.load(open(sys.argv[2]))))
            for error in errors[:10]:
                print("/".join(map(str, error.absolute_path)) + ": " + error.message[:300], file=sys.stderr)
            sys.exit(1 if errors else 0)
            """
        let result = try TestProcess.run(program: "python3", ["-c", script, schema.path, file.path])
        if result.status != 0 {
            throw Failure(description: "export does not match the schema:\n\(result.standardError)")
        }
    }
}
