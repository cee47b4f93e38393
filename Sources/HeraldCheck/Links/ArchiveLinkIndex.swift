public import HeraldCore

/// Every link the archive has featured, by ``LinkAddress/duplicateKey``: the memory behind
/// `duplicate-link` and behind `herald submit` refusing a link seen before.
///
/// Featured links are the entries of link sections and the crate of the week; links in running
/// text, events and boilerplate repeat every week by design and are left out.
public struct ArchiveLinkIndex: Sendable {
    /// The archive's issues, oldest first: what a sighting says of its issue, and where the
    /// issue's links start in ``keyNumbers``.
    private var issues: [IndexedIssue] = []
    /// Each key's number: its place in ``sightingStarts``.
    private var numbers: [String: Int32] = [:]
    /// Every featured link's key number, issue by issue in the order of each issue's links: a
    /// checked issue's links are found by their place, with no key hashed again.
    private var keyNumbers: [Int32] = []
    /// Every key's sightings, oldest first, one run after another (a key's run starts at
    /// `sightingStarts[number]`): one array, where an array per key was grown and copied for
    /// each sighting, and ten copies of an archive made ten sightings of every link.
    private var sightings: [Sighting] = []
    private var sightingStarts: [Int32] = []

    private struct IndexedIssue: Sendable {
        var path: String
        var number: Int?
        var date: IssueDate
        /// The issue as a sighting names it (``LinkSighting/issue(file:number:date:)``).
        var name: String
        var firstLink: Int
        var linkCount: Int
    }

    private struct Sighting: Sendable {
        var order: Int32
        var line: Int32
    }

    /// A featured link's entry line and its address's ``LinkAddress/duplicateKey``.
    struct FeaturedLink: Sendable {
        var line: Int
        var key: String
    }

    /// One issue's featured links with their keys, and what a sighting says of the issue: made
    /// on the core that read the issue, so that the index itself only files them.
    struct IssueLinks: Sendable {
        var number: Int?
        var date: IssueDate
        var featured: [FeaturedLink]

        /// `issue`'s featured links, keyed by ``keyed(_:outsized:key:)``.
        init(issue: Issue) {
            let links = ArchiveLinkIndex.featuredLinks(of: issue)
            let keyed = IssueLinks.keyed(links, outsized: issue.isOutsized) { LinkAddress($0.url)?.duplicateKey }
            self.init(
                number: issue.metadata.number, date: issue.metadata.date,
                featured: keyed.map { FeaturedLink(line: $0.0.line, key: $0.1) })
        }

        /// An issue's featured links already keyed (by the check, from the addresses its links
        /// were taken apart into).
        init(number: Int?, date: IssueDate, featured: [FeaturedLink]) {
            self.number = number
            self.date = date
            self.featured = featured
        }

        /// `links` with their keys (`key`), those without one left out. Taking an address apart
        /// for its key is most of the work, so an outsized issue's (it has as many links as the
        /// archive) are keyed on every core, in runs of links.
        static func keyed<Link>(_ links: [Link], outsized: Bool, key: (Link) -> String?) -> [(Link, String)] {
            func keyed(_ run: ArraySlice<Link>) -> [(Link, String)] {
                run.compactMap { link in key(link).map { (link, $0) } }
            }
            return outsized ? links.concurrentFlatMap(runs: FileSplitting.runs, keyed) : keyed(links[...])
        }
    }

    /// Reads every issue and draft of `folder` (in parallel) and indexes their featured links.
    public init(folder: NewsletterFolder) {
        let files = folder.allIssues
        self.init(
            issues: zip(files, files.concurrentMap { IssueLinks(issue: folder.parsed($0).issue) }).map { ($0.path, $1) }
        )
    }

    /// Indexes `issues`, given oldest first with their file paths as named.
    init(issues: [(path: String, links: IssueLinks)]) {
        let linkCount = issues.reduce(0) { $0 + $1.links.featured.count }
        numbers.reserveCapacity(linkCount)
        keyNumbers.reserveCapacity(linkCount)
        self.issues.reserveCapacity(issues.count)
        var counts: [Int32] = []
        for (path, links) in issues {
            self.issues.append(
                IndexedIssue(
                    path: path, number: links.number, date: links.date,
                    name: LinkSighting.issue(file: path, number: links.number, date: links.date),
                    firstLink: keyNumbers.count, linkCount: links.featured.count))
            for link in links.featured {
                // Looked up, then added when new: through the `default:` subscript's in-place
                // access, each link's lookup allocated that access's frame.
                let number: Int32
                if let known = numbers[link.key] {
                    number = known
                } else {
                    number = Int32(counts.count)
                    numbers[link.key] = number
                    counts.append(0)
                }
                counts[Int(number)] += 1
                keyNumbers.append(number)
            }
        }
        // Counted, then filled in place: issue by issue, so each key's sightings come oldest first.
        sightingStarts.reserveCapacity(counts.count + 1)
        var total: Int32 = 0
        for count in counts {
            sightingStarts.append(total)
            total += count
        }
        sightingStarts.append(total)
        var filled = Array(sightingStarts.dropLast())
        sightings = Array(repeating: Sighting(order: 0, line: 0), count: Int(total))
        for (order, issue) in issues.enumerated() {
            let first = self.issues[order].firstLink
            for (offset, link) in issue.links.featured.enumerated() {
                let number = Int(keyNumbers[first + offset])
                sightings[Int(filled[number])] = Sighting(order: Int32(order), line: Int32(clamping: link.line))
                filled[number] += 1
            }
        }
    }

    /// Each absolute path's place among `paths` (the last, should one be there twice): the
    /// archive's files' places, for a check to find its files' (``Place``).
    static func order(of paths: [String]) -> [String: Int] {
        Dictionary(zip(paths, paths.indices), uniquingKeysWith: { _, last in last })
    }

    /// The first issue that featured `url` (under any spelling of it), or `nil`.
    public func sighting(of url: String) -> LinkSighting? {
        guard let key = LinkAddress(url)?.duplicateKey, let number = numbers[key] else { return nil }
        return sighting(at: Int(sightingStarts[Int(number)]))
    }

    /// A checked file's place in the archive: its issue's, and whether the links indexed there
    /// are the file's own (taken from its check), so that its links' keys are found by their
    /// places, with no key hashed and compared again.
    struct Place {
        var order: Int
        var holdsFileLinks: Bool
    }

    /// The number of the key of the link at `position` among the featured links of `place`'s
    /// issue, or of `key` for a file whose links the index does not hold; `nil` when no issue
    /// featured the link.
    func keyNumber(ofLinkAt position: Int, key: String, in place: Place?) -> Int? {
        if let place, place.holdsFileLinks, position < issues[place.order].linkCount {
            return Int(keyNumbers[issues[place.order].firstLink + position])
        }
        return numbers[key].map(Int.init)
    }

    /// The first sighting of the key numbered `number` in an issue before the one at `place`
    /// (`nil`: a file outside the archive, newer than all of it), looking back `window` issues
    /// (`nil`: the whole archive).
    func earlierSighting(ofKeyNumber number: Int, before place: Place?, window: Int?) -> LinkSighting? {
        let order = place?.order ?? issues.count
        let oldest = window.map { order - $0 } ?? Int.min
        // A key's sightings are kept oldest first: the first one inside the window, by binary
        // search, so a link seen in many issues costs no scan of them all.
        let run = Int(sightingStarts[number])..<Int(sightingStarts[number + 1])
        let first = SortedSearch.firstIndex(in: sightings[run]) { Int($0.order) >= oldest }
        return first < run.upperBound && Int(sightings[first].order) < order ? sighting(at: first) : nil
    }

    private func sighting(at position: Int) -> LinkSighting {
        let sighting = sightings[position]
        let issue = issues[Int(sighting.order)]
        return LinkSighting(
            line: Int(sighting.line), inIssue: issue.name, file: issue.path, number: issue.number, date: issue.date)
    }

    /// The featured links of an issue with their entry lines.
    static func featuredLinks(of issue: Issue) -> [(url: String, line: Int)] {
        var links: [(url: String, line: Int)] = []
        issue.forEachSection { section in
            if section.kind == .links {
                for group in section.content.links ?? [] {
                    for entry in group.entries { if let url = entry.url { links.append((url, entry.source.line)) } }
                }
            } else if section.kind == .crateOfTheWeek, let crate = section.content.crate, let url = crate.url {
                links.append((url, crate.source.line))
            }
        }
        return links
    }
}
