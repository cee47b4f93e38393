/// One recipient to send to, as the connections take it from the queue.
struct RecipientJob: Sendable {
    let subscriberID: Int64
    let address: String
    /// Tries before this one.
    var attempts: Int
}

/// The recipients still to try: those ready now first, then the deferred ones as their time comes.
///
/// A send is finished only when nothing is ready, nothing waits and nothing is in flight, since a
/// message in flight may come back deferred.
actor RecipientQueue {
    enum Next: Sendable {
        case job(RecipientJob)
        /// Nothing ready: ask again after this long.
        case wait(Duration)
        case done
    }

    private var ready: [RecipientJob]
    private var readyStart = 0
    private var waiting = DueHeap()
    private(set) var inFlight = 0
    private var stopped = false
    private let clock = ContinuousClock()

    init(_ jobs: [RecipientJob]) {
        ready = jobs
    }

    /// Adds a recipient that may not be tried before `due`.
    func add(_ job: RecipientJob, due: ContinuousClock.Instant) {
        waiting.push(job, due: due)
    }

    func next() -> Next {
        if stopped { return .done }
        let now = clock.now
        while let due = waiting.earliestDue, due <= now, let job = waiting.pop() { ready.append(job) }
        if readyStart < ready.count {
            let job = ready[readyStart]
            readyStart += 1
            if readyStart > 65_536, readyStart * 2 > ready.count {
                ready.removeFirst(readyStart)
                readyStart = 0
            }
            inFlight += 1
            return .job(job)
        }
        if let due = waiting.earliestDue { return .wait(min(due - now, .milliseconds(100))) }
        return inFlight == 0 ? .done : .wait(.milliseconds(20))
    }

    /// A job came back: done, or to try again at `retryAt`.
    func finished(_ job: RecipientJob, retryAt: ContinuousClock.Instant?) {
        inFlight -= 1
        if let retryAt { waiting.push(job, due: retryAt) }
    }

    /// Ends the send early (the relay is unreachable, the journal failed): `next` says done.
    func stop() { stopped = true }

    /// How many recipients wait for a later try.
    var deferredCount: Int { waiting.count }
}

/// A binary min-heap of jobs by due time: deferrals come back in any order.
struct DueHeap {
    private var items: [(due: ContinuousClock.Instant, job: RecipientJob)] = []

    var count: Int { items.count }
    var earliestDue: ContinuousClock.Instant? { items.first?.due }

    mutating func push(_ job: RecipientJob, due: ContinuousClock.Instant) {
        items.append((due, job))
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child].due < items[parent].due else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> RecipientJob? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            let right = left + 1
            var smallest = parent
            if left < items.count, items[left].due < items[smallest].due { smallest = left }
            if right < items.count, items[right].due < items[smallest].due { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return top.job
    }
}
