import Foundation
import HeraldCheck
public import HeraldCore
import HeraldMarkdown

/// Reads a newsletter's git history for the link entries added to its drafts: the editor's view
/// of a week of pull requests.
///
/// `git blame` at the range's end says which commit last wrote each line; an entry whose line
/// comes from a commit inside the range was added (or rewritten) within it. Blame, rather than
/// the diffs, credits each entry to its author even when pull requests were squashed in any order.
public struct SubmissionLog: Sendable {
    public let folder: NewsletterFolder
    public let git: Git

    public init(folder: NewsletterFolder) {
        self.folder = folder
        self.git = Git(directory: folder.root)
    }

    /// The entries added to the drafts within `range`: `A..B`, or `A` for `A..HEAD`.
    ///
    /// - Throws: ``WorkflowFailure`` of kind ``WorkflowFailure/Kind/unusable`` when the folder is not
    ///   in a repository or a revision is unknown.
    public func report(range: String) throws(WorkflowFailure) -> SubmissionsReport {
        let (baseName, headName) = try SubmissionLog.revisions(in: range)
        let top = URL(fileURLWithPath: try git.run(["rev-parse", "--show-toplevel"]).trimmingWhitespace)
        let prefix = try git.run(["rev-parse", "--show-prefix"]).trimmingWhitespace
        let repository = Git(directory: top)
        let base = try resolve(baseName, in: repository)
        let head = try resolve(headName, in: repository)
        let commits = Set(
            try repository.run(["rev-list", "\(base)..\(head)"]).split(separator: "\n").map(String.init))
        let draftsFolder = prefix + folder.configuration.paths.drafts
        let template = prefix + folder.templatePath
        let paths = try repository.run(["ls-tree", "-r", "--name-only", head, "--", draftsFolder + "/"])
            .split(separator: "\n").map(String.init)
            .filter { $0 != template && ($0.hasSuffix(".md") || $0.hasSuffix(".markdown")) }
        let linter = Linter(folder: folder)
        var entries: [SubmittedEntry] = []
        for path in paths where !commits.isEmpty {
            let inFolder = String(path.dropFirst(prefix.count))
            let text = try repository.run(["show", "\(head):\(path)"])
            guard let file = try? IssueFile(path: folder.displayPath(inFolder), text: text) else { continue }
            let blame = BlameLine.parse(porcelain: try repository.run(["blame", "--line-porcelain", head, "--", path]))
            entries += added(in: file, blame: blame, commits: commits, linter: linter)
        }
        SubmissionLog.markDuplicates(in: &entries)
        return SubmissionsReport(range: range, base: base, head: head, commitCount: commits.count, entries: entries)
    }

    private func added(
        in file: IssueFile, blame: [Int: BlameLine], commits: Set<String>, linter: Linter
    ) -> [SubmittedEntry] {
        let layout = DraftLayout(file: file, catalog: folder.configuration.sections)
        let findings = linter.check(
            [Linter.Source(path: file.path, text: file.text)], options: CheckOptions(contributor: .outside)
        ).findings.map(\.problem)
        var entries: [SubmittedEntry] = []
        for group in layout.groups where group.kind == .links {
            for link in group.links {
                guard let url = link.url, let author = blame[link.source.line], commits.contains(author.commit) else {
                    continue
                }
                let lines = link.source.line...link.source.endLine
                var featured: SubmittedEntry.Place?
                if let sighting = linter.index.sighting(of: url), sighting.number != file.metadata.number,
                    sighting.file != file.path
                {
                    featured = .init(
                        file: sighting.file, line: sighting.line, number: sighting.number,
                        date: sighting.date.description)
                }
                entries.append(
                    SubmittedEntry(
                        file: file.path, line: link.source.line, section: group.path, title: link.title, url: url,
                        prefixes: link.prefixes, blame: author, featured: featured, duplicates: [],
                        problems: findings.filter { lines.contains($0.location?.line ?? 0) }))
            }
        }
        return entries
    }

    /// Links each entry to the other entries of the list with the same link.
    static func markDuplicates(in entries: inout [SubmittedEntry]) {
        var byKey: [String: [Int]] = [:]
        for (index, entry) in entries.enumerated() {
            byKey[LinkAddress(entry.url)?.duplicateKey ?? entry.url, default: []].append(index)
        }
        for indices in byKey.values where indices.count > 1 {
            for index in indices {
                entries[index].duplicates = indices.filter { $0 != index }.map { other in
                    SubmittedEntry.Place(file: entries[other].file, line: entries[other].line)
                }
            }
        }
    }

    private func resolve(_ revision: String, in repository: Git) throws(WorkflowFailure) -> String {
        do {
            return try repository.run(["rev-parse", "--verify", "--end-of-options", revision + "^{commit}"])
                .trimmingWhitespace
        } catch {
            throw WorkflowFailure(
                .unusable,
                Problem(
                    .gitFailed, message: "'\(revision)' is not a commit of this repository",
                    fix: "pass a range such as 'main~5..main' or a commit id"))
        }
    }

    /// `A..B` as `(A, B)`; `A` as `(A, HEAD)`; `A...B` is refused, as it means something else.
    static func revisions(in range: String) throws(WorkflowFailure) -> (String, String) {
        let range = range.trimmingWhitespace
        guard !range.contains("..."), !range.isEmpty, !range.hasPrefix("-") else {
            throw WorkflowFailure(
                .unusable,
                Problem(
                    .gitFailed, message: "'\(range)' is not a range of commits",
                    fix: "write it as FROM..TO (such as 'v1..main'), or FROM for FROM..HEAD"))
        }
        guard let dots = range.range(of: "..") else { return (range, "HEAD") }
        let base = String(range[..<dots.lowerBound])
        let head = String(range[dots.upperBound...])
        return (base.isEmpty ? "HEAD" : base, head.isEmpty ? "HEAD" : head)
    }
}
