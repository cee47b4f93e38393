import HeraldCore
import HeraldMarkdown

/// `duplicate-link`: a featured link already featured in this issue or in an earlier one,
/// under any spelling of its address.
enum DuplicateLinks {
    static func check(
        _ file: CheckedFile, links: LinkList, index: ArchiveLinkIndex, window: Int?,
        into findings: inout FindingList
    ) {
        guard let issue = file.issue else { return }
        let featuredLinks = index.keyedFeaturedLinks(of: issue, inFileAt: file.absolutePath)
        var seen: [String: Int] = [:]
        seen.reserveCapacity(featuredLinks.count)
        // Positions in `links`, not copies: each copy retains the occurrence's strings. Only the
        // featured addresses are looked for, in one walk of the links that also finds whether
        // their lines only grow (every link in a dictionary, and each pair compared through the
        // list's subscript, were most of this rule).
        var linksByURL = [String: [Int]](minimumCapacity: featuredLinks.count)
        for featured in featuredLinks { linksByURL[featured.url] = [] }
        var inLineOrder = true
        var previousLine = Int.min
        for (position, link) in links.enumerated() {
            linksByURL[link.url]?.append(position)
            if link.location.line < previousLine { inLineOrder = false }
            previousLine = link.location.line
        }
        for featured in featuredLinks {
            let key = featured.key
            let location =
                linksByURL[featured.url].flatMap {
                    firstLink(of: $0, in: links, atOrAfterLine: featured.line, inLineOrder: inLineOrder)
                }?.location
                ?? SourceLocation(line: featured.line, column: 1)
            if let line = seen[key] {
                findings.report(
                    .duplicateLink, at: location, "link already in this issue, line \(line)", fix: "remove one of them")
                continue
            }
            seen[key] = location.line
            if let earlier = index.earlierSighting(ofKey: key, beforeFileAt: file.absolutePath, window: window) {
                findings.report(
                    .duplicateLink, at: location, "link already featured in \(earlier.description)",
                    fix: "remove it, or link something new about it")
            }
        }
    }

    /// The first of the links at `positions` (in document order) on or after `line`, by binary
    /// search when the links' lines only grow (`inLineOrder`; document order but for a footnote out
    /// of place): a big issue repeats some addresses thousands of times, and a scan per featured
    /// link made the rule quadratic in them.
    static func firstLink(
        of positions: [Int], in links: LinkList, atOrAfterLine line: Int, inLineOrder: Bool
    ) -> LinkOccurrence? {
        guard inLineOrder else { return positions.lazy.map { links[$0] }.first { $0.location.line >= line } }
        let first = SortedSearch.firstIndex(in: positions) { links[$0].location.line >= line }
        return first < positions.count ? links[positions[first]] : nil
    }
}
