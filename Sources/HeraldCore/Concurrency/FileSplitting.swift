import Dispatch
import Foundation
package import HeraldMarkdown

/// When one file's work is worth splitting over the cores.
package enum FileSplitting {
    /// How many lines a file needs before one step on it (reading its sections, finding its
    /// links, running the rules) is split over the cores. A step on an issue of a few hundred
    /// lines takes well under a millisecond, less than waking the other cores costs, and an
    /// archive's files are already spread over the cores; a file of many thousand lines (a year
    /// pasted into one issue) is where one core would otherwise work alone.
    private static let minimumLines = 10_000

    /// Whether a file of `lineCount` lines is outsized: the one test every split step asks,
    /// whatever count it has at hand (the file's lines, its outline's, its last section's end).
    package static func isOutsized(lineCount: Int) -> Bool {
        lineCount >= minimumLines
    }

    /// How many runs a split step cuts its work into (the outsized file's top-level blocks, the
    /// members of its report's findings): many more than cores, so that runs of unequal cost
    /// still keep every core busy to the end, few enough that joining them costs nothing.
    package static let runs = 64

    /// How many cores the work is spread over.
    package static let cores = ProcessInfo.processInfo.activeProcessorCount

    /// An outsized issue parsed in one run per core (see ``ParseSplitting``).
    package static let parsing = ParseSplitting(minimumLines: minimumLines, runs: cores, perform: performAtOnce)

    /// A long document streamed as HTML (`herald markdown`) in eight runs per core, each core taking
    /// the next run as it finishes one: when another program holds a core for a while, the other
    /// cores take its share, where with one run per core the whole document waited for it (on two
    /// shared cores, the median of 20 runs went from 113 to 96 ms with four per core). Every run but
    /// the first keeps its HTML until the runs before it are written, each written as soon as they
    /// are. From a mapped file, a quarter of the runs keep their blocks from the first reading and
    /// the rest are read again in their turn: on the 10 MB archive, beside the input read whole
    /// and every run's blocks kept (42.3 MB), keeping none peaked at 22.6 MB in 1.16× the time, a
    /// quarter at 24.9 MB in 1.07×, half at 28.1 MB in 1.03× (md4c: 14.2 MB).
    package static let streaming = ParseSplitting(
        minimumLines: minimumLines, runs: streamingRuns, keptRuns: streamingRuns / 4, perform: performAtOnce,
        performInOrder: performAtOnceFinishingInOrder)

    private static let streamingRuns = cores > 1 ? cores * 8 : 1

    /// Calls `body` with every index below `count` on the cores at once.
    private static func performAtOnce(_ count: Int, _ body: @Sendable (Int) -> Void) {
        DispatchQueue.concurrentPerform(iterations: count, execute: body)
    }

    /// ``performAtOnce(_:_:)``, each index then finished in order on the thread whose body
    /// completed the stretch before it (``OrderedFinishing``).
    package static func performAtOnceFinishingInOrder(
        _ count: Int, _ body: @Sendable (_ index: Int, _ earlierAreFinished: () -> Bool) -> Void,
        _ finish: @Sendable (Int) -> Void
    ) {
        let finishing = OrderedFinishing(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            body(index) { finishing.hasFinished(before: index) }
            finishing.bodyReturned(index, finish: finish)
        }
    }
}
