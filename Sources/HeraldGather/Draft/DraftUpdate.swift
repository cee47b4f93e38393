import Foundation
import HeraldCore

/// Writes gathered sections into a draft file in one atomic replacement.
///
/// The sections are put in one after the other, each into the text the previous one left, so
/// a gathering that fills five sections rewrites the file once. The file is re-read just before
/// writing and left alone if it changed meanwhile: an editor's unsaved-then-saved work wins.
public struct DraftUpdate: Sendable {
    public var editor: DraftSectionEditor

    public init(editor: DraftSectionEditor) {
        self.editor = editor
    }

    /// Puts `sections` into the draft `file` read from `url`.
    ///
    /// - Returns: the kinds of the sections written, and a failure for each section that could
    ///   not be (its heading is missing) or for the write itself.
    public func write(_ sections: [GatheredSection], into file: IssueFile, at url: URL) -> (
        written: [SectionKind], failures: [GatherError]
    ) {
        var current = file
        var written: [SectionKind] = []
        var failures: [GatherError] = []
        for section in sections {
            do throws(GatherError) {
                let text = try editor.replacing(section, in: current)
                current = try DraftUpdate.reread(text, path: file.path)
                written.append(section.kind)
            } catch {
                failures.append(error)
            }
        }
        guard !written.isEmpty else { return (written, failures) }
        let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]
        let onDisk = (try? Data(contentsOf: url)).map { Array($0) } ?? []
        let hasMark = onDisk.starts(with: byteOrderMark)
        guard String(decoding: onDisk.dropFirst(hasMark ? 3 : 0), as: UTF8.self) == file.text else {
            failures.append(
                GatherError(
                    .cannotUpdateDraft, source: file.path, message: "the draft changed while Herald was gathering",
                    fix: "run the command again"))
            return ([], failures)
        }
        do {
            try AtomicFile.replace(
                at: url, contents: Data((hasMark ? byteOrderMark : []) + Array(current.text.utf8)),
                displayPath: file.path)
        } catch {
            failures += error.problems.map {
                GatherError(.cannotUpdateDraft, source: file.path, message: $0.message, fix: $0.fix)
            }
            return ([], failures)
        }
        return (written, failures)
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
