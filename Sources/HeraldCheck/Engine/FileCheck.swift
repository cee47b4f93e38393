import HeraldCore
import HeraldMarkdown

/// One file's check as far as it goes on the file alone: every rule's findings but the archive's
/// half of `duplicate-link`, and what that half and the archive's index need of the file.
///
/// Made on the core that parsed the file, right after the parse, so that the tree and model are
/// freed there, into memory that core's next parse reuses (kept to the end, the archive's trees
/// were pages the kernel had to supply afresh, a tenth of the check's time). What is left to do
/// then waits for the index alone.
struct FileCheck: Sendable {
    let path: String
    let absolutePath: String
    /// The file's featured links for the archive's index, when the file reads as an issue.
    let links: ArchiveLinkIndex.IssueLinks?
    /// The findings of every rule but the archive's half of `duplicate-link`, in file order.
    private let findings: [Finding]
    private let candidates: [DuplicateLinks.Candidate]
    private let ignore: IgnoreDirectives
    /// The file's bytes and where its lines start, for the text of a line a duplicate is
    /// reported on: made with each candidate, it was made and kept for every featured link,
    /// reported or not.
    private let bytes: FileBytes
    private let lineStarts: [Int]

    /// Checks the file, which it takes (`consuming`, so that no caller holds its model): the model
    /// is let go once the rules are done, before the links are found and checked (see
    /// ``CheckedFile/releaseModel()``).
    init(_ checked: consuming CheckedFile, context: CheckContext, numbers: [Int: [String]]) {
        var file = checked
        path = file.path
        absolutePath = file.absolutePath
        bytes = file.bytes
        lineStarts = file.lineStarts
        ignore = IgnoreDirectives(file: file)
        let featured = file.issue.map(ArchiveLinkIndex.featuredLinks(of:)) ?? []
        let issue = file.issue.map { (number: $0.metadata.number, date: $0.metadata.date) }
        var parts = FileCheck.ruleFindings(on: file, context: context, numbers: numbers)
        file.releaseModel()
        if file.isOutsized { MemoryReturn.returnFreedPages() }
        let (linkFindings, candidates) = FileCheck.linkFindings(on: file, featured: featured, context: context)
        parts += linkFindings
        // Joined into one array sized once, each part let go as it is copied: an outsized file's
        // hundred thousand findings, grown an append at a time, set the check's peak memory.
        var findings: [Finding] = []
        findings.reserveCapacity(parts.reduce(0) { $0 + $1.count })
        for index in parts.indices {
            findings.append(contentsOf: parts[index])
            parts[index] = []
        }
        findings.sort(by: FileCheck.precedes)
        self.findings = findings
        self.candidates = candidates
        links = issue.map {
            ArchiveLinkIndex.IssueLinks(number: $0.number, date: $0.date, featured: candidates.map(\.link))
        }
    }

    /// The file's findings in file order, the archive's duplicates among them, with `herald-ignore`
    /// directives and `[check.rules]` (`settings`) applied; `place` is the file's in the archive.
    ///
    /// The rules' findings were put in order with the file (``precedes(_:_:)``); the archive's
    /// duplicates, put in order on their own, are merged in after the findings at their place
    /// with their rule, as one stable sort of both would place them. Each finding is copied once
    /// (a sort of them all after a copy to append to was a tenth of this step), and not at all
    /// for a file with no duplicate in the archive.
    func findings(
        index: ArchiveLinkIndex, place: ArchiveLinkIndex.Place?, window: Int?,
        settings: [String: NewsletterConfiguration.RuleSetting.Level]
    ) -> [Finding] {
        var duplicates: [Finding] = []
        DuplicateLinks.check(
            candidates, in: path, at: place,
            line: { [bytes, lineStarts] in SourceLine($0, of: bytes, lineStarts: lineStarts) },
            index: index, window: window, into: &duplicates)
        // Found in the issue's order, which is the file's but for a footnote out of place.
        if !duplicates.indices.dropFirst().allSatisfy({ !FileCheck.precedes(duplicates[$0], duplicates[$0 - 1]) }) {
            duplicates.sort(by: FileCheck.precedes)
        }
        var findings = duplicates.isEmpty ? findings : FileCheck.merging(findings, duplicates)
        // Filtered in place, and only when there is something to filter by: an outsized file
        // has a hundred thousand findings, and copying each cost a tenth of its check.
        if !ignore.isEmpty { findings.removeAll(where: ignore.ignores) }
        if !settings.isEmpty { findings = findings.compactMap { Linter.applying(settings, to: $0) } }
        return findings
    }

    /// Whether `left` comes before `right` in a report: by place, then by rule; a stable sort
    /// keeps one rule's findings at one place in the order they were found.
    private static func precedes(_ left: Finding, _ right: Finding) -> Bool {
        let a = left.problem.location ?? SourceLocation(line: 0, column: 0)
        let b = right.problem.location ?? SourceLocation(line: 0, column: 0)
        return a != b ? a < b : left.rule.rawValue < right.rule.rawValue
    }

    /// Two lists in file order as one, `first`'s findings before `second`'s at one place and rule.
    private static func merging(_ first: [Finding], _ second: [Finding]) -> [Finding] {
        var merged: [Finding] = []
        merged.reserveCapacity(first.count + second.count)
        var (left, right) = (0, 0)
        while left < first.count, right < second.count {
            if precedes(second[right], first[left]) {
                merged.append(second[right])
                right += 1
            } else {
                merged.append(first[left])
                left += 1
            }
        }
        merged.append(contentsOf: first[left...])
        merged.append(contentsOf: second[right...])
        return merged
    }

    /// The findings of every rule but the links' on `file`, one list per rule. The rules read
    /// the file and nothing else, so on an outsized file they run side by side; each rule's
    /// findings keep the order it found them in, which keeps the order of findings at one place
    /// the same either way.
    private static func ruleFindings(
        on file: CheckedFile, context: CheckContext, numbers: [Int: [String]]
    ) -> [[Finding]] {
        var rules: [(CheckedFile, inout FindingList) -> Void] = [
            { EncodingRules.check($0, into: &$1) },
            {
                MetadataRules.check(
                    $0, numbers: numbers, articleURL: context.configuration.site.articleURL, into: &$1)
            },
            { EntryRules.check($0, context: context, into: &$1) },
            { EventRules.check($0, context: context, into: &$1) },
            { MarkupRules.check($0, context: context, into: &$1) },
            { ForeignSyntaxRules.check($0, into: &$1) },
        ]
        if context.options.migrating { rules.append { DialectRules.check($0, into: &$1) } }
        func run(_ rule: (CheckedFile, inout FindingList) -> Void, on file: CheckedFile) -> [Finding] {
            var findings = FindingList(file: file)
            rule(file, &findings)
            return findings.findings
        }
        return file.isOutsized
            ? rules.concurrentMap { run($0, on: file.onThreadView()) } : rules.map { run($0, on: file) }
    }

    /// The link rules' findings on `file` and its `duplicate-link` candidates.
    ///
    /// The links are found and checked a run of blocks at a time (the whole body at once for a
    /// file that is not outsized, on every core for one that is), each run let go once its
    /// rules are done: held whole, an outsized file's links were a fifth of its check's peak.
    private static func linkFindings(
        on file: CheckedFile, featured: [(url: String, line: Int)], context: CheckContext
    ) -> ([[Finding]], [DuplicateLinks.Candidate]) {
        let addresses = DuplicateLinks.FeaturedAddresses(featured)
        let runs = file.mapBlocks { blocks in
            let links = LinkOccurrence.all(in: blocks, file: file)
            var findings = FindingList(file: file)
            LinkRules.check(links, into: &findings)
            PolicyRules.check(links, in: file, context: context, into: &findings)
            return [(findings: findings.findings, matches: DuplicateLinks.matches(in: links, of: addresses))]
        }
        let candidates = DuplicateLinks.candidates(in: file, featured: featured, matches: runs.flatMap(\.matches))
        return (runs.map(\.findings), candidates)
    }
}
