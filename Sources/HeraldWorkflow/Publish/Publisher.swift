import Foundation
import HeraldCheck
public import HeraldCore
import HeraldMarkdown

/// `herald publish`'s work: the current draft becomes an issue in the content folder, and next
/// week's draft exists at once with everything that belongs to it.
///
/// Publishing and making the next draft are one step because a gap between them is where
/// contributions land in the issue that just went out. ``plan(date:draft:)`` decides
/// everything; ``apply(_:)`` writes it, undoing its own writes if a later one fails.
public struct Publisher: Sendable {
    public let folder: NewsletterFolder

    public init(folder: NewsletterFolder) {
        self.folder = folder
    }

    /// Plans publishing the current draft (or the one at `draftPath`) on `date` (default: the
    /// draft's own date).
    ///
    /// The next draft is dated one `[schedule] every` after the draft's own date (the
    /// schedule), or as many intervals as it takes to come after `date`.
    ///
    /// - Throws: ``WorkflowFailure``: no draft; `herald check` errors in the issue (each listed,
    ///   at its line in the draft); a published file or next draft that already exists; carried
    ///   entries whose section the next draft lacks.
    public func plan(date: IssueDate? = nil, draft draftPath: String? = nil) throws(WorkflowFailure) -> PublishPlan {
        let snapshot = try folder.snapshot(ofDraft: folder.currentDraft(at: draftPath))
        let draft = try snapshot.workflowIssue()
        let date = date ?? draft.metadata.date
        let markers = WorkflowMarkers(folder.configuration.workflow)
        let layout = DraftLayout(file: draft, catalog: folder.configuration.sections)
        let carryOver = CarryOver(layout: layout, markers: markers)

        var edit = LineEdit()
        for entry in carryOver.entries { edit.remove(entry.lines) }
        for line in carryOver.cutLines { edit.remove(line...line) }
        Publisher.removeBlankLinesLeftBehind(by: carryOver, lines: layout.lines, into: &edit)
        let changesDate = date != draft.metadata.date
        if changesDate, let line = draft.metadata.lines["date"] {
            edit.replace(line: line, with: Publisher.line(layout.lines[line - 1], withDate: date))
        }
        let removesDraftStatus = draft.metadata.status == .draft && draft.metadata.lines["status"] != nil
        if removesDraftStatus, let line = draft.metadata.lines["status"] { edit.remove(line...line) }
        let (publishedText, origins) = edit.applied(to: draft.text)

        var warnings = try check(publishedText, of: draft, origins: origins)
        let publishedPath = try publishedPath(of: draft, date: date)
        let bundleMoves = try bundleMoves(of: draft, to: publishedPath)
        let next = try nextDraft(after: draft, date: date, carrying: carryOver, warnings: &warnings)
        return PublishPlan(
            draft: draft, snapshot: snapshot, date: date, publishedPath: publishedPath, publishedText: publishedText,
            bundleMoves: bundleMoves,
            changesDate: changesDate, removesDraftStatus: removesDraftStatus, carryOver: carryOver, next: next,
            warnings: warnings)
    }

    /// Writes the plan: the published issue, the next draft, and the draft's removal, all while
    /// holding the drafts folder's lock; when the draft (or the next one) changed since it was
    /// read, plans again from the files as they are now, so a save made meanwhile is published.
    ///
    /// - Returns: the plan that was written.
    /// - Throws: ``WorkflowFailure`` when the draft keeps changing, the changed draft cannot be
    ///   published, or a file cannot be written; whatever was written by then is removed again.
    @discardableResult
    public func apply(_ plan: PublishPlan, attempts: Int = 8) throws(WorkflowFailure) -> PublishPlan {
        try DraftEditor.write(
            plan, attempts: attempts, with: { plan throws(HeraldError) in try write(plan) },
            replanning: { plan throws(WorkflowFailure) in try self.plan(date: plan.date, draft: plan.draft.path) },
            failure: { WorkflowFailure(.unusable, $0.problems) })
    }

    private func write(_ plan: PublishPlan) throws(HeraldError) {
        let publishedURL = folder.url(plan.publishedPath)
        try DraftEditor.retire(
            plan.snapshot,
            replacingWith: { (drafts) throws(HeraldError) in
                try DraftEditor.create(
                    at: publishedURL, text: plan.publishedText, displayPath: folder.displayPath(plan.publishedPath))
                for move in plan.bundleMoves { try self.move(move.from, to: move.to) }
                switch plan.next {
                case .create(let draft):
                    try DraftEditor.create(
                        at: folder.url(draft.relativePath), text: draft.text,
                        displayPath: folder.displayPath(draft.relativePath))
                case .update(_, let snapshot, let text):
                    try drafts.replace(snapshot, with: text)
                }
            },
            undo: { drafts in
                try? FileManager.default.removeItem(at: publishedURL)
                for move in plan.bundleMoves where !FileManager.default.fileExists(atPath: folder.url(move.from).path) {
                    try? FileManager.default.moveItem(at: folder.url(move.to), to: folder.url(move.from))
                }
                switch plan.next {
                case .create(let draft):
                    try? FileManager.default.removeItem(at: folder.url(draft.relativePath))
                case .update(_, let snapshot, let text):
                    let written = DraftSnapshot(
                        url: snapshot.url, displayPath: snapshot.displayPath,
                        bytes: (snapshot.hasByteOrderMark ? Array(snapshot.bytes.prefix(3)) : []) + Array(text.utf8))
                    try? drafts.replace(written, with: snapshot.text)
                }
            })
    }

    /// Runs `herald check` on the issue as it will be published; errors stop the plan, placed at
    /// their lines in the draft as it is on disk.
    private func check(_ text: String, of draft: IssueFile, origins: [Int?]) throws(WorkflowFailure) -> [Problem] {
        let report = Linter(folder: folder).check([Linter.Source(path: draft.path, text: text)])
        let problems = (report.problems + report.findings.map(\.problem)).map { problem in
            var problem = problem
            if let location = problem.location, location.line >= 1, location.line <= origins.count,
                let original = origins[location.line - 1]
            {
                problem.location = SourceLocation(line: original, column: location.column)
            }
            return problem
        }
        let errors = problems.filter { $0.severity == .error }
        guard errors.isEmpty else {
            let summary = Problem(
                .checkFailed, file: draft.path,
                message:
                    "herald check finds \(errors.count) error\(errors.count == 1 ? "" : "s") in the issue, so it was not published",
                fix: "fix \(errors.count == 1 ? "it" : "them") and run 'herald publish' again")
            throw WorkflowFailure(.refused, [summary] + errors)
        }
        return problems
    }

    /// The files of a draft kept as a page bundle, to move beside the published issue; none for
    /// a draft that is not one, or that sits at the top of the drafts folder beside the template.
    private func bundleMoves(of draft: IssueFile, to publishedPath: String) throws(WorkflowFailure)
        -> [PublishPlan.Move]
    {
        let draftPath = folder.relativePath(of: draft)
        guard let bundle = PageBundle(issueFile: folder.url(draftPath)),
            bundle.folder.standardizedFileURL != folder.draftsURL.standardizedFileURL
        else { return [] }
        let from = (draftPath as NSString).deletingLastPathComponent
        let to = (publishedPath as NSString).deletingLastPathComponent
        var moves: [PublishPlan.Move] = []
        for file in bundle.files {
            let move = PublishPlan.Move(from: from + "/" + file, to: to + "/" + file)
            guard !FileManager.default.fileExists(atPath: folder.url(move.to).path) else {
                throw WorkflowFailure(
                    .refused,
                    Problem(
                        .fileExists, file: folder.displayPath(move.to),
                        message: "the draft's bundle has a file of this name, and Herald does not overwrite it",
                        fix: "move one of them away, or rename the draft's file"))
            }
            moves.append(move)
        }
        return moves
    }

    /// Moves a bundle's file at `from` to `to`, making the folders on the way.
    private func move(_ from: String, to: String) throws(HeraldError) {
        let target = folder.url(to)
        do {
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.moveItem(at: folder.url(from), to: target)
        } catch {
            throw HeraldError(
                Problem(
                    .unreadable, file: folder.displayPath(from),
                    message: "cannot move the file to \(folder.displayPath(to)) (\(error.localizedDescription))"))
        }
    }

    /// Where the issue goes: the draft's path under the content folder instead of the drafts
    /// folder, with the old date in the file name replaced by the new one.
    private func publishedPath(of draft: IssueFile, date: IssueDate) throws(WorkflowFailure) -> String {
        let relative = folder.relativePath(of: draft)
        let drafts = folder.configuration.paths.drafts
        var inside = relative.hasPrefix(drafts + "/") ? String(relative.dropFirst(drafts.count + 1)) : relative
        let oldDate = draft.metadata.date.description
        if let range = inside.range(of: oldDate, options: .backwards) {
            inside.replaceSubrange(range, with: date.description)
        }
        let path = folder.configuration.paths.content + "/" + inside
        guard !FileManager.default.fileExists(atPath: folder.url(path).path) else {
            throw WorkflowFailure(
                .refused,
                Problem(
                    .fileExists, file: folder.displayPath(path),
                    message: "an issue is already published here; Herald does not overwrite it",
                    fix: "move it away, or publish with another --date"))
        }
        return path
    }

    /// Next week's draft with the carried entries in it: an existing later draft if there is
    /// one, else a new one made as `herald new` makes it.
    private func nextDraft(
        after draft: IssueFile, date: IssueDate, carrying carryOver: CarryOver, warnings: inout [Problem]
    ) throws(WorkflowFailure) -> PublishPlan.NextDraft {
        if let listed = folder.drafts.first(where: { $0.metadata.date > date && $0.path != draft.path }) {
            let snapshot = try folder.snapshot(ofDraft: listed)
            let later = try snapshot.workflowIssue()
            let text = try inserting(carryOver.entries, into: later)
            return .update(later, snapshot: snapshot, text: text)
        }
        var next: Draft
        do {
            let schedule = folder.configuration.schedule
            var intervals = 1
            while schedule.date(intervals, after: draft.metadata.date) <= date { intervals += 1 }
            let nextDate = schedule.date(intervals, after: draft.metadata.date)
            next = try folder.nextDraft(on: nextDate, today: date)
        } catch {
            throw WorkflowFailure(error)
        }
        warnings += next.warnings
        let file: IssueFile
        do {
            file = try IssueFile(path: folder.displayPath(next.relativePath), text: next.text)
        } catch {
            throw WorkflowFailure(error)
        }
        next.text = try inserting(carryOver.entries, into: file)
        return .create(next)
    }

    /// `file`'s text with `entries` appended to the groups of the same names.
    private func inserting(_ entries: [CarriedEntry], into file: IssueFile) throws(WorkflowFailure) -> String {
        guard !entries.isEmpty else { return file.text }
        let layout = DraftLayout(file: file, catalog: folder.configuration.sections)
        var byGroup: [(group: DraftGroup, lines: [String])] = []
        var missing: [CarriedEntry] = []
        for entry in entries {
            guard let target = Publisher.group(matching: entry.group, in: layout) else {
                missing.append(entry)
                continue
            }
            if let index = byGroup.firstIndex(where: { $0.group == target }) {
                byGroup[index].lines += entry.text
            } else {
                byGroup.append((target, entry.text))
            }
        }
        guard missing.isEmpty else {
            throw WorkflowFailure(
                .refused,
                missing.map { entry in
                    Problem(
                        .cannotCarry, file: file.path,
                        message:
                            "the next draft has no section '\(entry.group.path)' for the entry at line \(entry.lines.lowerBound) of the draft",
                        fix: "move the entry to a section the draft template has, or add the section to the template")
                })
        }
        let markers = WorkflowMarkers(folder.configuration.workflow)
        var edit = LineEdit()
        for (group, lines) in byGroup {
            let insertion = layout.insertion(of: lines, in: group, markers: markers)
            edit.insert(insertion.lines, after: insertion.after)
        }
        return edit.applied(to: file.text).text
    }

    /// The group of `layout` that is `group` of another draft: same section and heading, or
    /// else the same heading, or else the section itself.
    static func group(matching group: DraftGroup, in layout: DraftLayout) -> DraftGroup? {
        let words = DraftLayout.words
        return layout.groups.first {
            words($0.section) == words(group.section) && $0.title.map(words) == group.title.map(words)
        }
            ?? layout.groups.first { $0.kind == group.kind && words($0.name) == words(group.name) }
            ?? layout.groups.first { $0.title == nil && words($0.section) == words(group.section) }
    }

    /// The date line with its date replaced, the rest (key spelling, a time) kept.
    static func line(_ line: Substring, withDate date: IssueDate) -> String {
        let text = String(line)
        guard let colon = text.firstIndex(of: ":") else { return text }
        let value = text[text.index(after: colon)...]
        guard let start = value.firstIndex(where: \.isNumber) else { return text }
        let end = value[start...].firstIndex(where: { !$0.isNumber && $0 != "-" }) ?? value.endIndex
        return String(text[..<start]) + date.description + String(text[end...])
    }

    /// Removes a blank line before a block of removed lines when a blank line follows it too,
    /// so that taking entries out leaves no double gap.
    static func removeBlankLinesLeftBehind(by carryOver: CarryOver, lines: [Substring], into edit: inout LineEdit) {
        var removed = Set(carryOver.cutLines)
        for entry in carryOver.entries { removed.formUnion(entry.lines) }
        func isBlank(_ line: Int) -> Bool {
            line >= 1 && line <= lines.count && lines[line - 1].allSatisfy(\.isWhitespace)
        }
        for start in removed.sorted() where !removed.contains(start - 1) {
            var end = start
            while removed.contains(end + 1) { end += 1 }
            if isBlank(start - 1), isBlank(end + 1) || end >= lines.count { edit.remove((start - 1)...(start - 1)) }
        }
    }
}
