/// A checked file's links in document order, kept in the runs they were found in.
///
/// An outsized file's links are found on every core, one run of blocks at a time; joining the
/// runs into one array held every occurrence twice at the peak of the check (110 of a 50 MB
/// issue's 870 MB), so the rules read the runs in place through one index instead.
struct LinkList: RandomAccessCollection {
    private let runs: [[LinkOccurrence]]
    /// The position of each run's first link.
    private let runStarts: [Int]
    let endIndex: Int

    init(runs: [[LinkOccurrence]]) {
        let kept = runs.filter { !$0.isEmpty }
        self.runs = kept
        var starts: [Int] = []
        var count = 0
        for run in kept {
            starts.append(count)
            count += run.count
        }
        runStarts = starts
        endIndex = count
    }

    var startIndex: Int { 0 }

    subscript(position: Int) -> LinkOccurrence {
        let run = SortedSearch.firstIndex(in: runStarts) { $0 > position } - 1
        return runs[run][position - runStarts[run]]
    }

    /// Walks the runs in turn, without searching for each position's run.
    func makeIterator() -> FlattenSequence<[[LinkOccurrence]]>.Iterator {
        runs.joined().makeIterator()
    }
}
