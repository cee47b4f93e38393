import HeraldCore

extension NewsletterFolder {
    /// A new reading of `draft`'s file, for a verb that edits it through the draft editor.
    func snapshot(ofDraft draft: IssueFile) throws(WorkflowFailure) -> DraftSnapshot {
        do {
            return try DraftSnapshot.read(at: url(relativePath(of: draft)), displayPath: draft.path)
        } catch {
            throw WorkflowFailure(error)
        }
    }
}

extension DraftSnapshot {
    /// The issue this reading holds, with its problems as a workflow failure.
    func workflowIssue() throws(WorkflowFailure) -> IssueFile {
        do {
            return try issueFile()
        } catch {
            throw WorkflowFailure(error)
        }
    }
}
