/// Where a long document's text is cut into runs whose blocks read apart (see
/// ``BlockParser/readRuns(splitting:)``): each run's stretch of the source, and the number of the
/// line before its first, so that every run numbers its lines as the whole document does.
struct RunPlan: Sendable {
    let bounds: [Range<Int>]
    let linesBefore: [Int]

    var count: Int { bounds.count }
}
