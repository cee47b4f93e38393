import Foundation
public import HeraldCore

extension NewsletterFolder {
    /// The draft the week's work goes into: the one named by `path`, or else
    /// ``HeraldCore/NewsletterFolder/currentDraft``.
    ///
    /// - Throws: ``WorkflowFailure`` with ``ProblemCode/noDraft`` when there is no draft (or
    ///   none at `path`), saying how to make one.
    public func currentDraft(at path: String? = nil) throws(WorkflowFailure) -> IssueFile {
        guard let path else {
            guard let current = currentDraft else {
                throw WorkflowFailure(
                    .unusable,
                    Problem(
                        .noDraft, file: displayPath(configuration.paths.drafts),
                        message: "there is no draft to work on",
                        fix: "make one with 'herald new'"))
            }
            return current
        }
        let wanted = URL(fileURLWithPath: path).standardizedFileURL.path
        let found = drafts.first { draft in
            draft.path == path || URL(fileURLWithPath: draft.path).standardizedFileURL.path == wanted
        }
        guard let found else {
            throw WorkflowFailure(
                .unusable,
                Problem(
                    .noDraft, file: path, message: "this is not a draft of the newsletter",
                    fix: "name a file in \(displayPath(configuration.paths.drafts))/, or leave --draft out"))
        }
        return found
    }

    /// The path of `file` relative to the newsletter folder, for building URLs inside it.
    func relativePath(of file: IssueFile) -> String {
        let absolute = URL(fileURLWithPath: file.path).standardizedFileURL.path
        let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return absolute.hasPrefix(rootPath) ? String(absolute.dropFirst(rootPath.count)) : file.path
    }
}
