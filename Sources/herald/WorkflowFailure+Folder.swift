import Foundation
import HeraldCore
import HeraldWorkflow

extension WorkflowFailure {
    /// The newsletter at `path`, for the workflow verbs, whose failures all travel as a
    /// ``WorkflowFailure`` so that each maps to its exit status in one place.
    static func newsletter(at path: String) throws(WorkflowFailure) -> NewsletterFolder {
        do throws(HeraldError) {
            return try NewsletterFolder(at: URL(fileURLWithPath: path))
        } catch {
            throw WorkflowFailure(error)
        }
    }
}
