import Foundation
import HeraldCore

/// Reads the published issues into ``Insights`` once per build, on every core, sharing each
/// issue's model with the search index through ``SiteContext/issueModel(of:)``.
final class InsightsBuilder: @unchecked Sendable {
    let context: SiteContext
    private let lock = NSLock()
    private var built: Insights?

    init(context: SiteContext) {
        self.context = context
    }

    /// The insights, made on first use; callers on other threads wait for them.
    func insights() -> Insights {
        lock.withLock {
            if let built { return built }
            let insights = makeInsights()
            built = insights
            return insights
        }
    }

    private func makeInsights() -> Insights {
        let context = context
        let issues = context.published
        var models = [Issue?](repeating: nil, count: issues.count)
        models.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: issues.count) { index in
                slots[index] = context.issueModel(of: issues[index])
            }
        }
        return Insights(
            issues: zip(issues, models).map { issue, model in
                (InsightsBuilder.reference(to: issue), model!)
            })
    }

    /// An issue as insights refer to it: by its output path.
    static func reference(to issue: SiteIssue) -> IssueReference {
        IssueReference(
            id: issue.outputPath, title: issue.metadata.title, number: issue.metadata.number, date: issue.metadata.date)
    }
}
