public import HeraldCore

/// Every link the archive has featured, by ``LinkAddress/duplicateKey``: the memory behind
/// `duplicate-link` and behind `herald submit` refusing a link seen before.
///
/// Featured links are the entries of link sections and the crate of the week; links in running
/// text, events and boilerplate repeat every week by design and are left out.
public struct ArchiveLinkIndex: Sendable {
    private var sightings: [String: [LinkSighting]] = [:]
    /// The archive's files, oldest first, and their places.
    private var orderByFile: [String: Int] = [:]

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
            issues: zip(files, files.concurrentMap { IssueLinks(issue: folder.parsed($0).issue) }).map {
                ($0.path, CheckedFile.absolutePath(of: $0.path), $1)
            })
    }

    /// Indexes `issues`, given oldest first with their file paths as named and made absolute
    /// (``CheckedFile/absolutePath(of:)``, which the linter has made already).
    init(issues: [(path: String, absolutePath: String, links: IssueLinks)]) {
        sightings.reserveCapacity(issues.reduce(0) { $0 + $1.links.featured.count })
        for (order, entry) in issues.enumerated() {
            orderByFile[entry.absolutePath] = order
            for link in entry.links.featured {
                sightings[link.key, default: []].append(
                    LinkSighting(
                        file: entry.path, line: link.line, number: entry.links.number, date: entry.links.date,
                        order: order))
            }
        }
    }

    /// The first issue that featured `url` (under any spelling of it), or `nil`.
    public func sighting(of url: String) -> LinkSighting? {
        LinkAddress(url).flatMap { sightings[$0.duplicateKey]?.first }
    }

    /// The first sighting of the link with `key` (its ``LinkAddress/duplicateKey``) in an issue
    /// before the file at `absolutePath`, looking back `window` issues (`nil`: the whole
    /// archive). A file not in the archive counts as newer than all of it.
    func earlierSighting(ofKey key: String, beforeFileAt absolutePath: String, window: Int?) -> LinkSighting? {
        guard let found = sightings[key] else { return nil }
        let order = orderByFile[absolutePath] ?? Int.max
        let oldest = window.map { order == Int.max ? (orderByFile.count - $0) : order - $0 } ?? Int.min
        // Sightings are kept oldest first: the first one inside the window, by binary search,
        // so a link seen in many issues costs no scan of them all.
        let first = SortedSearch.firstIndex(in: found) { $0.order >= oldest }
        return first < found.count && found[first].order < order ? found[first] : nil
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
