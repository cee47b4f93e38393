public import Foundation

/// The record of a send, kept in the list database beside the subscribers, so that a send killed at
/// any moment resumes where it stopped: every recipient's state, the tries it took and the last
/// reply, as integers and short texts, never a copy of the message.
///
/// Both stores implement it; `herald send` writes outcomes in batches as replies arrive.
public protocol SendJournal: Sendable {
    /// The newest send of `issue`, finished or not.
    func latestSend(ofIssue issue: Int) async throws(ListStoreError) -> SendRecord?
    /// Starts a send of `issue` to everyone subscribed now, each recipient queued, in one transaction.
    func startSend(issue: Int, messageDomain: String, now: Date) async throws(ListStoreError) -> SendRecord
    /// The recipients of `send` still queued or deferred, by subscriber id, with the addresses of
    /// those still subscribed.
    func pendingRecipients(of send: Int64) async throws(ListStoreError) -> [PendingRecipient]
    /// Writes the outcomes of tries, all or none.
    func record(_ updates: [RecipientUpdate], in send: Int64) async throws(ListStoreError)
    /// Marks `send` finished at `now`.
    func finish(_ send: Int64, now: Date) async throws(ListStoreError)
    /// The counts by state and failures by reply.
    func summary(of send: Int64) async throws(ListStoreError) -> SendSummary
}
