import HeraldCore
import HeraldMarkdown

/// `duplicate-link`: a featured link already featured in this issue or in an earlier one,
/// under any spelling of its address.
///
/// The rule runs in two halves: ``candidates(in:featured:matches:)`` on the file alone, beside
/// the other rules right after the file is parsed, and
/// ``check(_:in:line:index:window:into:)`` once every issue's featured links are in the
/// archive's index.
enum DuplicateLinks {
    /// A featured link of a checked file, where the rule would report it.
    struct Candidate: Sendable {
        var link: ArchiveLinkIndex.FeaturedLink
        var location: SourceLocation
        /// The line of the same link's first place in this issue, when this is a repeat.
        var repeatedLine: Int?
    }

    /// The featured links' addresses, which the file's links are matched against as they are
    /// found, one run of them at a time.
    struct FeaturedAddresses: Sendable {
        let urls: Set<String>
        /// The addresses' lengths: a link whose address is no featured one's length is not looked
        /// up (hashing every link's address was a third of finding the matches).
        private let lengths: Set<Int>

        init(_ featured: [(url: String, line: Int)]) {
            urls = Set(featured.map(\.url))
            lengths = Set(featured.map(\.url.utf8.count))
        }

        func contains(_ url: String) -> Bool {
            lengths.contains(url.utf8.count) && urls.contains(url)
        }
    }

    /// A link of the file whose address is a featured one's: where it is, and its address taken
    /// apart.
    struct Match: Sendable {
        let url: String
        let location: SourceLocation
        let address: LinkAddress?
    }

    /// The links of `links` (a run of a file's, in document order) with one of `addresses`: all
    /// this rule keeps of a file's links, so that an outsized file's links are let go run by run
    /// (held whole, they were a fifth of a 50 MB issue's check at its peak).
    static func matches(in links: [LinkOccurrence], of addresses: FeaturedAddresses) -> [Match] {
        var matches: [Match] = []
        for index in links.indices where addresses.contains(links[index].url) {
            matches.append(Match(url: links[index].url, location: links[index].location, address: links[index].address))
        }
        return matches
    }

    /// The file's featured links (`featured`, from its model) placed at the first of their
    /// `matches` on or after their entry's line, and keyed, in the issue's order, each repeat
    /// marked with its first place. A link's key is made from the address its match was taken
    /// apart into; those without one (not absolute) are left out, as the archive's index leaves
    /// them out.
    static func candidates(
        in file: CheckedFile, featured: [(url: String, line: Int)], matches: [Match]
    ) -> [Candidate] {
        // Each address's positions, in a list of their own found by the address: grown through
        // the dictionary's `default:` subscript, each match's in-place access allocated a frame.
        var slots = [String: Int](minimumCapacity: featured.count)
        var positions: [[Int]] = []
        // Whether the matches' lines only grow, as they do but for a footnote out of place: each
        // address's positions are then searched by halves.
        var inLineOrder = true
        var previousLine = Int.min
        for position in matches.indices {
            if let slot = slots[matches[position].url] {
                positions[slot].append(position)
            } else {
                slots[matches[position].url] = positions.count
                positions.append([position])
            }
            if matches[position].location.line < previousLine { inLineOrder = false }
            previousLine = matches[position].location.line
        }
        let placed = ArchiveLinkIndex.IssueLinks.keyed(
            featured.map { link in
                let position = slots[link.url].flatMap {
                    firstPosition(of: positions[$0], in: matches, atOrAfterLine: link.line, inLineOrder: inLineOrder)
                }
                return (link, position)
            },
            outsized: file.isOutsized
        ) { link, position in
            (position.map { matches[$0].address } ?? LinkAddress(link.url))?.duplicateKey
        }
        var seen: [String: Int] = [:]
        seen.reserveCapacity(placed.count)
        return placed.map { found, key in
            let (link, position) = found
            let location = position.map { matches[$0].location } ?? SourceLocation(line: link.line, column: 1)
            let repeatedLine = seen[key]
            if repeatedLine == nil { seen[key] = location.line }
            return Candidate(
                link: ArchiveLinkIndex.FeaturedLink(line: link.line, key: key), location: location,
                repeatedLine: repeatedLine)
        }
    }

    /// Reports each repeat in the issue, and each first place of a link an earlier issue in
    /// `index` featured (looking back `window` issues; `nil`: the whole archive); `place` is the
    /// file's in the archive, and `line` gives a reported line.
    static func check(
        _ candidates: [Candidate], in path: String, at place: ArchiveLinkIndex.Place?, line: (Int) -> SourceLine,
        index: ArchiveLinkIndex, window: Int?, into findings: inout [Finding]
    ) {
        for (position, candidate) in candidates.enumerated() {
            let reported = candidate.location.line
            if let first = candidate.repeatedLine {
                findings.append(
                    Finding(
                        .duplicateLink, file: path, at: candidate.location, line: line(reported),
                        "link already in this issue, line \(first)", fix: "remove one of them"))
            } else if let number = index.keyNumber(ofLinkAt: position, key: candidate.link.key, in: place),
                let earlier = index.earlierSighting(ofKeyNumber: number, before: place, window: window)
            {
                findings.append(
                    Finding(
                        .duplicateLink, file: path, at: candidate.location, line: line(reported),
                        "link already featured in " + earlier.description,
                        fix: "remove it, or link something new about it"))
            }
        }
    }

    /// Which of the matches at `positions` (in document order) is the first on or after `line`,
    /// by binary search when the matches' lines only grow (`inLineOrder`): a big issue repeats
    /// some addresses thousands of times, and a scan per featured link made the rule quadratic
    /// in them.
    static func firstPosition(
        of positions: [Int], in matches: [Match], atOrAfterLine line: Int, inLineOrder: Bool
    ) -> Int? {
        guard inLineOrder else { return positions.first { matches[$0].location.line >= line } }
        let first = SortedSearch.firstIndex(in: positions) { matches[$0].location.line >= line }
        return first < positions.count ? positions[first] : nil
    }
}
