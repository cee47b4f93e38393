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
    /// Each file's featured links with their keys, by absolute path: `duplicate-link` compares a
    /// checked issue's links among themselves with the keys made here.
    private var featuredByFile: [String: [FeaturedLink]] = [:]

    /// A featured link and its ``LinkAddress/duplicateKey``.
    struct FeaturedLink {
        var url: String
        var line: Int
        var key: String
    }

    /// Reads every issue and draft of `folder` (in parallel) and indexes their featured links.
    public init(folder: NewsletterFolder) {
        let files = folder.allIssues
        self.init(
            issues: zip(files, folder.readings(of: files)).map {
                ($0.path, CheckedFile.absolutePath(of: $0.path), $1.issue)
            })
    }

    /// Indexes `issues`, given oldest first with their file paths as named and made absolute
    /// (``CheckedFile/absolutePath(of:)``, which the linter has made already). Taking an address
    /// apart for its key is most of the work, so the keys are made on every core, in runs of
    /// links (one outsized issue has as many as the archive).
    init(issues: [(path: String, absolutePath: String, issue: Issue)]) {
        let links = issues.enumerated().flatMap { order, entry in
            ArchiveLinkIndex.featuredLinks(of: entry.issue).map { (order: order, url: $0.url, line: $0.line) }
        }
        let keys = links.concurrentFlatMap(runs: FileSplitting.runs) { run in
            run.map { LinkAddress($0.url)?.duplicateKey }
        }
        // What a sighting says of its issue, taken out once: copying an issue's model for each
        // of its links retained every section it holds, a fifth of this loop.
        let places = issues.map { (path: $0.path, number: $0.issue.metadata.number, date: $0.issue.metadata.date) }
        var featured = [[FeaturedLink]](repeating: [], count: issues.count)
        sightings.reserveCapacity(links.count)
        for (link, key) in zip(links, keys) {
            guard let key else { continue }
            let place = places[link.order]
            let sighting = LinkSighting(
                file: place.path, line: link.line, number: place.number, date: place.date, order: link.order)
            sightings[key, default: []].append(sighting)
            featured[link.order].append(FeaturedLink(url: link.url, line: link.line, key: key))
        }
        for (order, entry) in issues.enumerated() {
            orderByFile[entry.absolutePath] = order
            featuredByFile[entry.absolutePath] = featured[order]
        }
    }

    /// The featured links of `issue`, with their keys: those the index made when the issue is
    /// the archive's file at `absolutePath`, else made now.
    func keyedFeaturedLinks(of issue: Issue, inFileAt absolutePath: String) -> [FeaturedLink] {
        if let featured = featuredByFile[absolutePath] { return featured }
        return ArchiveLinkIndex.featuredLinks(of: issue).compactMap { link in
            LinkAddress(link.url).map { FeaturedLink(url: link.url, line: link.line, key: $0.duplicateKey) }
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
