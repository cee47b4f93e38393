import HeraldCheck
public import HeraldCore
import HeraldMarkdown

/// `herald submit`'s work: from a URL a contributor pasted to an entry in the current draft.
///
/// Every decision is made before the draft is touched (see ``plan(_:)``), so a refused link
/// leaves the draft as it was and `--dry-run` shows the real result. The page is the only
/// thing fetched; the archive and the draft are read from the folder.
public struct Submitter: Sendable {
    public let folder: NewsletterFolder
    /// Fetches pages; `nil` works offline (every request then needs a title).
    public let fetcher: PageFetcher?

    public init(folder: NewsletterFolder, fetcher: PageFetcher?) {
        self.folder = folder
        self.fetcher = fetcher
    }

    /// Works out the entry, checks it and places it in the draft, without writing.
    ///
    /// - Throws: ``WorkflowFailure``: ``WorkflowFailure/Kind/network`` when the page cannot be
    ///   fetched; ``WorkflowFailure/Kind/refused`` for an unknown section, a link featured
    ///   before or already in the draft, a section that does not take it, no title, or check
    ///   errors on the new line.
    public func plan(_ request: SubmitRequest) async throws(WorkflowFailure) -> SubmissionPlan {
        let snapshot = try folder.snapshot(ofDraft: folder.currentDraft(at: request.draft))
        let draft = try snapshot.workflowIssue()
        let layout = DraftLayout(file: draft, catalog: folder.configuration.sections)
        _ = try targetGroup(named: request.section ?? folder.configuration.workflow.defaultSection, in: layout)
        var steps: [SubmissionPlan.Step] = []
        var candidate = try Submitter.address(request.url)
        var title = request.title.map(ControlCharacters.removed(from:))?.trimmingWhitespace.nonEmpty.map(
            HTMLText.collapsingWhitespace)
        if request.fetch {
            guard let fetcher else {
                throw WorkflowFailure(
                    .network,
                    Problem(.pageUnavailable, message: "no way to fetch \(candidate)", fix: PageFetcher.offlineHint))
            }
            let page = try await fetcher.fetch(candidate)
            steps.append(
                .init(
                    "fetch",
                    page.redirectCount == 0
                        ? "\(page.finalURL) answered"
                        : "\(candidate) redirected \(page.redirectCount == 1 ? "once" : "\(page.redirectCount) times") to \(page.finalURL)"
                ))
            let address = page.address
            if address.fromCanonical, address.url != page.finalURL {
                steps.append(.init("address", "the page's canonical address is \(address.url)"))
            }
            candidate = address.url
            if title == nil {
                title = page.metadata.title
                if let title {
                    let source = page.metadata.openGraphTitle != nil ? "og:title" : "<title>"
                    steps.append(.init("title", "'\(title)', from the page's \(source)"))
                }
            }
        }
        guard let title else {
            throw WorkflowFailure(
                .unusable,
                Problem(
                    .noTitle, message: "\(candidate) has no title to use",
                    fix: request.fetch ? "pass one with --title" : "pass --title with --no-fetch"))
        }
        let url = LinkAddress.removingTrackingParameters(from: candidate)
        if url != candidate, let removed = LinkAddress(candidate)?.trackingParameters {
            steps.append(
                .init(
                    "address",
                    "removed the tracking parameter\(removed.count == 1 ? "" : "s") \(removed.joined(separator: ", "))")
            )
        }
        let prefixes = try prefixes(request.prefixes, for: url, steps: &steps)
        let entry = SubmissionPlan.Entry(
            request: request, line: EntryLine(title: title, url: url, prefixes: prefixes), steps: steps)
        return try place(entry, in: snapshot)
    }

    /// The entry checked against the archive and the section's policy and placed in the draft as
    /// `snapshot` holds it.
    private func place(_ entry: SubmissionPlan.Entry, in snapshot: DraftSnapshot) throws(WorkflowFailure)
        -> SubmissionPlan
    {
        let request = entry.request
        let draft = try snapshot.workflowIssue()
        let layout = DraftLayout(file: draft, catalog: folder.configuration.sections)
        let group = try targetGroup(named: request.section ?? folder.configuration.workflow.defaultSection, in: layout)
        var steps = entry.steps
        let url = entry.line.url
        let linter = Linter(folder: folder)
        try checkArchive(url, index: linter.index, draft: draft, steps: &steps)
        try checkPolicy(url, group: group, isEditor: request.isEditor, steps: &steps)

        let line = entry.line.markdown(bullet: layout.bullet)
        let markers = WorkflowMarkers(folder.configuration.workflow)
        let insertion = layout.insertion(of: [line], in: group, markers: markers)
        var edit = LineEdit()
        edit.insert(insertion.lines, after: insertion.after)
        let text = edit.applied(to: draft.text).text
        let lineNumber = insertion.after + insertion.lines.count
        let isAfterCut = ((group.headingLine + 1)...max(group.headingLine + 1, insertion.after)).contains { number in
            number <= layout.lines.count && markers.isCut(layout.lines[number - 1])
        }
        if isAfterCut {
            steps.append(.init("cut", "\(group.name) is cut for this issue, so the entry goes to the next one"))
        }
        let warnings = try checkEntry(
            text: text, line: lineNumber, draft: draft, linter: linter, isEditor: request.isEditor, steps: &steps)
        steps.append(.init("draft", "\(draft.path):\(lineNumber), in \(group.path)"))
        return SubmissionPlan(
            draft: draft, snapshot: snapshot, submission: entry, group: group, entry: entry.line, line: line,
            lineNumber: lineNumber, text: text, steps: steps, warnings: warnings, isAfterCut: isAfterCut)
    }

    /// Writes the plan's text over the draft; when the draft changed since it was read (another
    /// submission, an editor's save), places the entry again in the draft as it is now.
    ///
    /// - Returns: the plan that was written.
    /// - Throws: ``WorkflowFailure`` when the draft keeps changing, the entry no longer fits the
    ///   changed draft, or the draft cannot be written.
    @discardableResult
    public func apply(_ plan: SubmissionPlan, attempts: Int = 8) throws(WorkflowFailure) -> SubmissionPlan {
        try DraftEditor.write(
            plan, attempts: attempts,
            with: { plan throws(HeraldError) in
                try DraftEditor.replace(plan.snapshot, with: plan.text)
            },
            replanning: { plan throws(WorkflowFailure) in
                try place(plan.submission, in: folder.snapshot(ofDraft: plan.draft))
            },
            failure: { WorkflowFailure(.unusable, $0.problems) })
    }

    private func targetGroup(named name: String, in layout: DraftLayout) throws(WorkflowFailure) -> DraftGroup {
        let found = layout.linkGroups(named: name)
        if let group = found.first, found.count == 1 || Set(found.map(\.path)).count == 1 { return group }
        let names = layout.linkGroupNames
        if found.isEmpty {
            let fix =
                Suggestion.closest(to: name, among: names).map { "did you mean '\($0)'?" }
                ?? (names.isEmpty
                    ? "the draft has no link sections" : "pass --section with one of: " + names.joined(separator: ", "))
            throw WorkflowFailure(
                .unusable,
                Problem(
                    .noSuchSection, file: layout.file.path, message: "the draft has no link section '\(name)'", fix: fix
                ))
        }
        throw WorkflowFailure(
            .unusable,
            Problem(
                .noSuchSection, file: layout.file.path,
                message: "'\(name)' names several sections: " + found.map(\.path).joined(separator: "; "),
                fix: "pass the full heading with --section"))
    }

    private func checkArchive(
        _ url: String, index: ArchiveLinkIndex, draft: IssueFile, steps: inout [SubmissionPlan.Step]
    ) throws(WorkflowFailure) {
        guard let sighting = index.sighting(of: url) else {
            steps.append(
                .init("archive", "not featured in any of the \(folder.issues.count) issues, nor in the drafts"))
            return
        }
        if sighting.file == draft.path {
            throw WorkflowFailure(
                .refused,
                Problem(
                    .alreadyInDraft, file: sighting.file, location: SourceLocation(line: sighting.line, column: 1),
                    message: "\(url) is in this draft already", fix: "nothing to do: it will go out this week"))
        }
        throw WorkflowFailure(
            .refused,
            Problem(
                .alreadyFeatured, file: sighting.file, location: SourceLocation(line: sighting.line, column: 1),
                message: "\(url) was featured in \(sighting.description)",
                fix: "submit something new about it instead"))
    }

    private func checkPolicy(
        _ url: String, group: DraftGroup, isEditor: Bool, steps: inout [SubmissionPlan.Step]
    ) throws(WorkflowFailure) {
        let headings = [group.section] + (group.title.map { [$0] } ?? [])
        let policies = headings.map { folder.configuration.check.policy(forSection: $0) }
        if let address = LinkAddress(url), let banned = policies.flatMap(\.bannedHosts).first(where: address.isOn) {
            throw WorkflowFailure(
                .refused,
                Problem(
                    .bannedHost, file: folder.displayPath(NewsletterConfiguration.fileName),
                    message: "'\(group.name)' takes no links to \(banned)",
                    fix: "link another source for the same story"
                ))
        }
        if let closed = zip(headings, policies).first(where: { $0.1.isClosed }) {
            guard isEditor else {
                throw WorkflowFailure(
                    .refused,
                    Problem(
                        .closedSection, message: "'\(closed.0)' takes no links from outside contributors",
                        fix: "choose another section with --section, or ask the editors"))
            }
            steps.append(.init("section", "'\(closed.0)' is closed to outside contributors; accepted from an editor"))
        } else {
            steps.append(.init("section", "'\(group.name)' takes contributors' links"))
        }
    }

    /// Runs `herald check` on the draft with the entry in it and keeps what it says about the
    /// new line: errors refuse the submission, warnings are returned.
    private func checkEntry(
        text: String, line: Int, draft: IssueFile, linter: Linter, isEditor: Bool, steps: inout [SubmissionPlan.Step]
    ) throws(WorkflowFailure) -> [Problem] {
        let report = linter.check(
            [Linter.Source(path: draft.path, text: text)],
            options: CheckOptions(contributor: isEditor ? .editor : .outside))
        let onLine = report.findings.map(\.problem).filter { $0.location?.line == line }
        let errors = onLine.filter { $0.severity == .error }
        guard errors.isEmpty else { throw WorkflowFailure(.refused, errors) }
        steps.append(
            .init(
                "check",
                onLine.isEmpty
                    ? "herald check finds nothing wrong with the new line"
                    : "herald check warns about the new line \(onLine.count == 1 ? "once" : "\(onLine.count) times")"))
        return onLine
    }

    /// The URL trimmed, if it is an absolute http or https address.
    static func address(_ url: String) throws(WorkflowFailure) -> String {
        let url = url.trimmingWhitespace
        guard let address = LinkAddress(url), ["http", "https"].contains(address.scheme), !address.host.isEmpty else {
            throw WorkflowFailure(
                .unusable,
                Problem(
                    .pageUnavailable, message: "'\(url)' is not an http or https address",
                    fix: "pass the whole address, starting with https://"))
        }
        return url
    }

    /// The contributor's prefixes, checked against `[check] prefixes` and language codes, or
    /// the one the host suggests.
    private func prefixes(_ given: [String]?, for url: String, steps: inout [SubmissionPlan.Step])
        throws(WorkflowFailure) -> [String]
    {
        if let given {
            let known = folder.configuration.check.prefixes
            let isLanguage = { (prefix: String) in
                prefix.utf8.count == 2 && prefix.utf8.allSatisfy { (65...90).contains($0) }
            }
            let unknown = given.filter { prefix in !isLanguage(prefix) && !known.contains(prefix) }
            guard unknown.isEmpty else {
                throw WorkflowFailure(
                    .unusable,
                    Problem(
                        .invalidValue, message: "'\(unknown[0])' is not a prefix this newsletter uses",
                        fix: "use one of \(known.joined(separator: ", ")), or a language code such as DE"))
            }
            return given
        }
        guard let host = LinkAddress(url)?.siteHost, let suggested = MediaHosts.suggestedPrefix(forHost: host) else {
            return []
        }
        let kind = suggested == "video" ? "a video" : "a podcast"
        steps.append(
            .init("prefix", "[\(suggested)] added: \(host) is \(kind) host; pass --prefix or --no-prefix to choose"))
        return [suggested]
    }
}
