import HeraldCore
import HeraldMarkdown

/// `metadata`: the header a file needs to be published: title, date, a number that agrees
/// with the title, no number another issue already has, and a slug and number that keep the
/// issue's page and email files inside their folders.
enum MetadataRules {
    static func check(
        _ file: CheckedFile, numbers: [Int: [String]], articleURL: PathPattern, into findings: inout FindingList
    ) {
        for problem in file.headerProblems + (file.issueFile?.warnings ?? []) {
            findings.report(
                .metadata, at: problem.location ?? SourceLocation(line: 1, column: 1), problem.message,
                fix: problem.fix,
                severity: problem.severity)
        }
        guard let issueFile = file.issueFile else { return }
        let metadata = issueFile.metadata
        checkPaths(of: issueFile, articleURL: articleURL, into: &findings)
        let texts =
            [("Title", metadata.title), ("Summary", metadata.summary ?? ""), ("Slug", metadata.slug)]
            + [("Category", metadata.category ?? "")] + metadata.authors.map { ("Authors", $0) }
        for (key, text) in texts {
            guard let scalar = ControlCharacters.first(in: text) else { continue }
            findings.report(
                .metadata, at: SourceLocation(line: metadata.lines[key.lowercased()] ?? 1, column: 1),
                "\(key) holds the invisible control character \(ControlCharacters.name(of: scalar)), which feeds, "
                    + "mail headers and terminals cannot carry",
                fix: "delete the character; retype the value if you cannot see where it is")
        }
        let numberLine = SourceLocation(line: metadata.lines["number"] ?? metadata.lines["title"] ?? 1, column: 1)
        if let number = metadata.number, !metadata.numberIsFromTitle,
            let titleNumber = metadata.title.split(separator: " ").last.flatMap({ Int($0) }), titleNumber != number
        {
            findings.report(
                .metadata, at: numberLine, "Number is \(number), but the title ends with \(titleNumber)",
                fix: "make them agree")
        }
        if let number = metadata.number, let others = numbers[number]?.filter({ $0 != file.absolutePath }),
            let other = others.first
        {
            findings.report(
                .metadata, at: numberLine, "issue number \(number) is also used by \(other)",
                fix: "give this issue the next free number")
        }
    }

    /// The issue's page under `article_url` and its `herald email` files are the paths its header
    /// makes; one that would leave its folder is what `herald build` and `herald email` refuse.
    private static func checkPaths(of issue: IssueFile, articleURL: PathPattern, into findings: inout FindingList) {
        do throws(HeraldError) {
            _ = try issue.outputPath(under: articleURL)
            _ = try issue.fileName(withExtension: "eml")
        } catch {
            guard let problem = error.problems.first else { return }
            let location = problem.location ?? SourceLocation(line: 1, column: 1)
            findings.report(.metadata, at: location, problem.message, fix: problem.fix)
        }
    }
}
