import HeraldCore
import HeraldMarkdown

/// One file's check as far as it goes on the file alone: every rule's findings but the archive's
/// half of `duplicate-link`, and what that half and the archive's index need of the file.
///
/// Made on the core that parsed the file, right after the parse: the rules find the tree still in
/// the core's cache, and the tree and model are freed there, into memory that core's next parse
/// reuses (kept to the end, the archive's trees were pages the kernel had to supply afresh, a
/// tenth of the check's time). What the rules then wait for is the index alone.
struct FileCheck: Sendable {
    let path: String
    let absolutePath: String
    /// The file's featured links for the archive's index, when the file reads as an issue.
    let links: ArchiveLinkIndex.IssueLinks?
    /// The findings of every rule but the archive's half of `duplicate-link`, in the rules' order.
    private let findings: [Finding]
    private let candidates: [DuplicateLinks.Candidate]
    private let ignore: IgnoreDirectives

    init(_ file: CheckedFile, context: CheckContext, numbers: [Int: [String]]) {
        path = file.path
        absolutePath = file.absolutePath
        ignore = IgnoreDirectives(file: file)
        let featured = file.issue.map(ArchiveLinkIndex.featuredLinks(of:)) ?? []
        let (findings, candidates) = FileCheck.findings(
            on: file, featured: featured, context: context, numbers: numbers)
        self.findings = findings
        self.candidates = candidates
        links = file.issue.map { ArchiveLinkIndex.IssueLinks(issue: $0, featured: candidates.map(\.link)) }
    }

    /// The file's findings in file order, the archive's duplicates among them, with `herald-ignore`
    /// directives and `[check.rules]` (`settings`) applied.
    ///
    /// The archive's duplicates come last before the sort, which keeps the findings at one place in
    /// the order they are found in: the sort is stable, and orders findings at one place by rule.
    func findings(
        index: ArchiveLinkIndex, window: Int?, settings: [String: NewsletterConfiguration.RuleSetting.Level]
    ) -> [Finding] {
        var findings = findings
        DuplicateLinks.check(
            candidates, in: (path, absolutePath), index: index, window: window, into: &findings)
        findings.sort { left, right in
            let a = left.problem.location ?? SourceLocation(line: 0, column: 0)
            let b = right.problem.location ?? SourceLocation(line: 0, column: 0)
            return a != b ? a < b : left.rule.rawValue < right.rule.rawValue
        }
        // Filtered in place, and only when there is something to filter by: an outsized file
        // has a hundred thousand findings, and copying each cost a tenth of its check.
        if !ignore.isEmpty { findings.removeAll(where: ignore.ignores) }
        if !settings.isEmpty { findings = findings.compactMap { Linter.applying(settings, to: $0) } }
        return findings
    }

    /// Every rule's findings on `file` but the archive's duplicates, joined into one array sized
    /// once after the links the rules shared are freed (an outsized file's hundred thousand
    /// findings, grown an append at a time beside its links, set the check's peak memory), and
    /// the file's `duplicate-link` candidates.
    private static func findings(
        on file: CheckedFile, featured: [(url: String, line: Int)], context: CheckContext,
        numbers: [Int: [String]]
    ) -> ([Finding], [DuplicateLinks.Candidate]) {
        var (parts, candidates) = findingsByRule(on: file, featured: featured, context: context, numbers: numbers)
        var findings: [Finding] = []
        findings.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for index in parts.indices {
            findings.append(contentsOf: parts[index].findings)
            parts[index] = FindingList(file: file)
        }
        return (findings, candidates)
    }

    /// Each rule's findings on `file`, in the order the rules are listed, and the file's
    /// `duplicate-link` candidates. The rules read the file and nothing else, so on an outsized
    /// file they run side by side; their findings join in that order, which keeps the order of
    /// findings at one place the same either way.
    private static func findingsByRule(
        on file: CheckedFile, featured: [(url: String, line: Int)], context: CheckContext,
        numbers: [Int: [String]]
    ) -> ([FindingList], [DuplicateLinks.Candidate]) {
        let links = LinkOccurrence.all(in: file)
        var rules: [(CheckedFile, inout FindingList) -> Void] = [
            { EncodingRules.check($0, into: &$1) },
            {
                MetadataRules.check(
                    $0, numbers: numbers, articleURL: context.configuration.site.articleURL, into: &$1)
            },
            { LinkRules.check(links, in: $0, into: &$1) },
            { PolicyRules.check(links, in: $0, context: context, into: &$1) },
            { EntryRules.check($0, context: context, into: &$1) },
            { EventRules.check($0, context: context, into: &$1) },
            { MarkupRules.check($0, context: context, into: &$1) },
            { ForeignSyntaxRules.check($0, into: &$1) },
        ]
        if context.options.migrating { rules.append { DialectRules.check($0, into: &$1) } }
        func run(_ rule: (CheckedFile, inout FindingList) -> Void, on file: CheckedFile) -> FindingList {
            var findings = FindingList(file: file)
            rule(file, &findings)
            return findings
        }
        guard file.isOutsized else {
            return (
                rules.map { run($0, on: file) },
                DuplicateLinks.candidates(in: file, featured: featured, links: links)
            )
        }
        return sideBySide(
            { rules.concurrentMap { run($0, on: file.onThreadView()) } },
            { DuplicateLinks.candidates(in: file, featured: featured, links: links) })
    }
}
