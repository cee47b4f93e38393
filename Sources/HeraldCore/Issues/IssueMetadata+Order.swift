extension IssueMetadata {
    /// The one order of issues, oldest first, for the folder, the site and the export alike: by
    /// date and time, then number, then file path, so that two issues of one day never swap
    /// places between runs.
    package static func chronologically(
        _ a: (metadata: IssueMetadata, path: String), _ b: (metadata: IssueMetadata, path: String)
    ) -> Bool {
        func key(_ metadata: IssueMetadata) -> (IssueDate, Int, Int, Int) {
            (metadata.date, metadata.time?.hour ?? 0, metadata.time?.minute ?? 0, metadata.number ?? 0)
        }
        let left = key(a.metadata)
        let right = key(b.metadata)
        return left != right ? left < right : a.path < b.path
    }
}
