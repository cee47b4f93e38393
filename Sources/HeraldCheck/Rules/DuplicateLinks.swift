import HeraldCore
import HeraldMarkdown

/// `duplicate-link`: a featured link already featured in this issue or in an earlier one,
/// under any spelling of its address.
enum DuplicateLinks {
    static func check(
        _ file: CheckedFile, links: [LinkOccurrence], index: ArchiveLinkIndex, window: Int?,
        into findings: inout FindingList
    ) {
        guard let issue = file.issue else { return }
        var seen: [String: Int] = [:]
        for featured in ArchiveLinkIndex.featuredLinks(of: issue) {
            guard let key = LinkAddress(featured.url)?.duplicateKey else { continue }
            let location =
                links.first { $0.location.line >= featured.line && $0.url == featured.url }?.location
                ?? SourceLocation(line: featured.line, column: 1)
            if let line = seen[key] {
                findings.report(
                    .duplicateLink, at: location, "link already in this issue, line \(line)", fix: "remove one of them")
                continue
            }
            seen[key] = location.line
            if let earlier = index.earlierSighting(ofKey: key, before: file.path, window: window) {
                findings.report(
                    .duplicateLink, at: location, "link already featured in \(earlier.description)",
                    fix: "remove it, or link something new about it")
            }
        }
    }
}
