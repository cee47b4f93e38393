extension PathPattern {
    /// The output path of this URL pattern for an issue, proven to stay inside the site.
    ///
    /// - Throws: ``ContainedPath/Escape`` when the issue's slug (or any other value) would put
    ///   the page outside the output folder.
    public func outputPath(for metadata: IssueMetadata) throws(ContainedPath.Escape) -> ContainedPath {
        try ContainedPath(urlPath: filled(for: metadata))
    }
}
