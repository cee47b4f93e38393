public import Foundation
public import HeraldCore
import HeraldMarkdown

/// Writes gathered sections into a draft file in one atomic replacement.
///
/// The sections are put in one after the other, each into the text the previous one left, so
/// a gathering that fills five sections rewrites the file once. The write goes through
/// ``DraftEditor``: when an editor saved the draft meanwhile, the sections are put into the
/// saved text instead, so their work stays.
public struct DraftUpdate: Sendable {
    public var editor: DraftSectionEditor

    public init(editor: DraftSectionEditor) {
        self.editor = editor
    }

    /// Puts `sections` into the draft `file` read from `url`.
    ///
    /// - Returns: the kinds of the sections written, and a failure for each section that could
    ///   not be (its heading is missing) or for the write itself.
    public func write(_ sections: [GatheredSection], into file: IssueFile, at url: URL, attempts: Int = 8) -> (
        written: [SectionKind], failures: [GatherError]
    ) {
        var placed: (written: [SectionKind], failures: [GatherError]) = ([], [])
        do throws(HeraldError) {
            let plan = try place(sections, inDraftAt: url, path: file.path)
            placed = plan.outcome
            guard !plan.outcome.written.isEmpty else { return plan.outcome }
            return try DraftEditor.write(
                plan, attempts: attempts,
                with: { plan throws(HeraldError) in try DraftEditor.replace(plan.snapshot, with: plan.text) },
                replanning: { _ throws(HeraldError) in try place(sections, inDraftAt: url, path: file.path) },
                failure: { $0 }
            ).outcome
        } catch {
            let failures = error.problems.map {
                GatherError(.cannotUpdateDraft, source: file.path, message: $0.message, fix: $0.fix)
            }
            return ([], placed.failures + failures)
        }
    }

    /// The draft as read now with `sections` put in, one after the other.
    private func place(_ sections: [GatheredSection], inDraftAt url: URL, path: String) throws(HeraldError) -> (
        snapshot: DraftSnapshot, text: String, outcome: (written: [SectionKind], failures: [GatherError])
    ) {
        let snapshot = try DraftSnapshot.read(at: url, displayPath: path)
        var current = try snapshot.issueFile()
        var outcome: (written: [SectionKind], failures: [GatherError]) = ([], [])
        for section in sections {
            do throws(GatherError) {
                let text = try editor.replacing(section, in: current)
                current = try DraftUpdate.reread(text, path: path)
                outcome.written.append(section.kind)
            } catch {
                outcome.failures.append(error)
            }
        }
        return (snapshot, current.text, outcome)
    }

    /// The edited draft read again, so the next section is placed by its new lines.
    private static func reread(_ text: String, path: String) throws(GatherError) -> IssueFile {
        do {
            return try IssueFile(path: path, text: text)
        } catch {
            let problem = error.problems[0]
            throw GatherError(
                .cannotUpdateDraft, source: path, line: problem.location?.line,
                message: "the draft would no longer read after the change: \(problem.message)")
        }
    }
}
