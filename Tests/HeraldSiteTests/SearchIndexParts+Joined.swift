@testable import HeraldSite

extension SearchIndexParts {
    /// The runs the site writes (``write(inRuns:)``), each copied as it is handed on.
    func runs() -> [[UInt8]] {
        var runs: [[UInt8]] = []
        write { runs.append(Array($0)) }
        return runs
    }

    /// The file's bytes joined from its runs, for comparing whole files.
    func bytes() -> [UInt8] {
        Array(runs().joined())
    }
}
