import HeraldList

/// Writes outcomes to the journal as they come, by group commit: while one transaction is being
/// written, the next outcomes gather, and go in the following one.
///
/// So the journal lags the relay by at most one transaction's worth of messages, which is what a
/// `kill -9` can make repeat on `--resume` (with the messages in flight on each connection).
actor JournalWriter {
    private let journal: any SendJournal
    private let send: Int64
    private var pending: [RecipientUpdate] = []
    private var writing = false
    private var failure: ListStoreError?
    /// Callers of `flush` waiting for everything so far to be written.
    private var waiters: [CheckedContinuation<Void, Never>] = []

    init(journal: any SendJournal, send: Int64) {
        self.journal = journal
        self.send = send
    }

    /// Queues an outcome; it is written soon after, with the others that arrive meanwhile.
    func append(_ update: RecipientUpdate) {
        pending.append(update)
        if !writing { startWriting() }
    }

    /// The first write that failed, if any: the send must stop, its state no longer being kept.
    var error: ListStoreError? { failure }

    /// Waits until every outcome appended so far is written (or a write failed).
    func flush() async {
        guard writing || !pending.isEmpty else { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    private func startWriting() {
        writing = true
        Task { await writeLoop() }
    }

    private func writeLoop() async {
        while !pending.isEmpty, failure == nil {
            let batch = pending
            pending = []
            do {
                try await journal.record(batch, in: send)
            } catch {
                failure = error
            }
        }
        pending = []
        writing = false
        let waiting = waiters
        waiters = []
        for waiter in waiting { waiter.resume() }
    }
}
