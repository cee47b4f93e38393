import HeraldCore
import HeraldMarkdown

/// `duplicate-link`: a featured link already featured in this issue or in an earlier one,
/// under any spelling of its address.
///
/// The rule runs in two halves: ``candidates(in:featured:links:)`` on the file alone, beside the
/// other rules right after the file is parsed, and ``check(_:in:index:window:into:)`` once every
/// issue's featured links are in the archive's index.
enum DuplicateLinks {
    /// A featured link of a checked file, where the rule would report it.
    struct Candidate: Sendable {
        var link: ArchiveLinkIndex.FeaturedLink
        var location: SourceLocation
        /// The line of the same link's first place in this issue, when this is a repeat.
        var repeatedLine: Int?
        var lineText: String
    }

    /// The file's featured links (`featured`, from its model) placed at their links in `links`
    /// and keyed, in the issue's order, each repeat marked with its first place. A link's key is
    /// made from the address its occurrence was taken apart into; those without one (not
    /// absolute) are left out, as the archive's index leaves them out.
    static func candidates(
        in file: CheckedFile, featured: [(url: String, line: Int)], links: LinkList
    ) -> [Candidate] {
        // Positions in `links`, not copies: each copy retains the occurrence's strings. Only the
        // featured addresses are looked for, in one walk of the links that also finds whether
        // their lines only grow (every link in a dictionary, and each pair compared through the
        // list's subscript, were most of this rule).
        var linksByURL = [String: [Int]](minimumCapacity: featured.count)
        for link in featured { linksByURL[link.url] = [] }
        // A link whose address is no featured one's length is not looked up: hashing every
        // link's address was a third of this walk.
        let lengths = Set(featured.map(\.url.utf8.count))
        var inLineOrder = true
        var previousLine = Int.min
        links.readEach { position, link in
            if lengths.contains(link.url.utf8.count) { linksByURL[link.url]?.append(position) }
            if link.location.line < previousLine { inLineOrder = false }
            previousLine = link.location.line
        }
        let placed = ArchiveLinkIndex.IssueLinks.keyed(
            featured.map { link in
                let position = linksByURL[link.url].flatMap {
                    firstPosition(of: $0, in: links, atOrAfterLine: link.line, inLineOrder: inLineOrder)
                }
                return (link, position)
            },
            outsized: file.isOutsized
        ) { link, position in
            (position.map { links[$0].address } ?? LinkAddress(link.url))?.duplicateKey
        }
        var seen: [String: Int] = [:]
        seen.reserveCapacity(placed.count)
        return placed.map { found, key in
            let (link, position) = found
            let location = position.map { links[$0].location } ?? SourceLocation(line: link.line, column: 1)
            let repeatedLine = seen[key]
            if repeatedLine == nil { seen[key] = location.line }
            return Candidate(
                link: ArchiveLinkIndex.FeaturedLink(line: link.line, key: key), location: location,
                repeatedLine: repeatedLine, lineText: file.lineText(location.line))
        }
    }

    /// Reports each repeat in the issue, and each first place of a link an earlier issue in
    /// `index` featured (looking back `window` issues; `nil`: the whole archive).
    static func check(
        _ candidates: [Candidate], in file: (path: String, absolutePath: String), index: ArchiveLinkIndex,
        window: Int?, into findings: inout [Finding]
    ) {
        for candidate in candidates {
            if let line = candidate.repeatedLine {
                findings.append(
                    Finding(
                        .duplicateLink, file: file.path, at: candidate.location, lineText: candidate.lineText,
                        "link already in this issue, line \(line)", fix: "remove one of them"))
            } else if let earlier = index.earlierSighting(
                ofKey: candidate.link.key, beforeFileAt: file.absolutePath, window: window)
            {
                findings.append(
                    Finding(
                        .duplicateLink, file: file.path, at: candidate.location, lineText: candidate.lineText,
                        "link already featured in \(earlier.description)",
                        fix: "remove it, or link something new about it"))
            }
        }
    }

    /// Which of the links at `positions` (in document order) is the first on or after `line`, by
    /// binary search when the links' lines only grow (`inLineOrder`; document order but for a
    /// footnote out of place): a big issue repeats some addresses thousands of times, and a scan
    /// per featured link made the rule quadratic in them.
    static func firstPosition(
        of positions: [Int], in links: LinkList, atOrAfterLine line: Int, inLineOrder: Bool
    ) -> Int? {
        guard inLineOrder else { return positions.first { links[$0].location.line >= line } }
        let first = SortedSearch.firstIndex(in: positions) { links[$0].location.line >= line }
        return first < positions.count ? positions[first] : nil
    }
}
