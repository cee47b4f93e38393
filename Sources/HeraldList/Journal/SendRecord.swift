public import Foundation

/// One send of one issue to the list, as the journal keeps it.
public struct SendRecord: Sendable, Equatable {
    public let id: Int64
    public let issue: Int
    public let startedAt: Date
    /// When every recipient was sent or failed; `nil` while the send is unfinished (resumable).
    public let finishedAt: Date?
    /// The domain of every `Message-ID` the send writes, so a resumed send writes the same ids.
    public let messageDomain: String

    public init(id: Int64, issue: Int, startedAt: Date, finishedAt: Date?, messageDomain: String) {
        self.id = id
        self.issue = issue
        self.startedAt = startedAt
        self.finishedAt = finishedAt
        self.messageDomain = messageDomain
    }
}

/// A recipient that still needs the message.
public struct PendingRecipient: Sendable, Equatable {
    public let subscriberID: Int64
    /// The address, or `nil` when the subscriber left (or was erased) after the send started.
    public let address: String?
    /// Tries so far; 0 for a queued recipient.
    public let attempts: Int
    /// Not before this time (a deferral's backoff).
    public let nextTry: Date

    public init(subscriberID: Int64, address: String?, attempts: Int, nextTry: Date) {
        self.subscriberID = subscriberID
        self.address = address
        self.attempts = attempts
        self.nextTry = nextTry
    }
}

/// What one try did to a recipient, written to the journal in batches.
public struct RecipientUpdate: Sendable, Equatable {
    public let subscriberID: Int64
    public let state: SendState
    public let attempts: Int
    public let nextTry: Date
    /// The deciding reply's code, or `nil` for a dropped connection.
    public let replyCode: Int?
    /// The reply's text (or what went wrong), kept only for deferred and failed recipients.
    public let replyText: String?

    public init(
        subscriberID: Int64, state: SendState, attempts: Int, nextTry: Date = Date(timeIntervalSince1970: 0),
        replyCode: Int? = nil, replyText: String? = nil
    ) {
        self.subscriberID = subscriberID
        self.state = state
        self.attempts = attempts
        self.nextTry = nextTry
        self.replyCode = replyCode
        self.replyText = replyText
    }
}

/// The counts of a send, and its failures grouped by reply, for the summary.
public struct SendSummary: Sendable, Equatable {
    /// A reply that failed some recipients, and how many.
    public struct Failure: Sendable, Equatable {
        public let replyCode: Int?
        public let replyText: String
        public let count: Int

        public init(replyCode: Int?, replyText: String, count: Int) {
            self.replyCode = replyCode
            self.replyText = replyText
            self.count = count
        }
    }

    public var counts: [SendState: Int]
    /// Most common first.
    public var failures: [Failure]

    public init(counts: [SendState: Int], failures: [Failure]) {
        self.counts = counts
        self.failures = failures
    }

    public func count(_ state: SendState) -> Int { counts[state] ?? 0 }
    public var total: Int { counts.values.reduce(0, +) }
    /// True when no recipient is queued or deferred.
    public var isComplete: Bool { count(.queued) + count(.deferred) == 0 }
}
