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

    /// Reads every issue and draft of `folder` (in parallel) and indexes their featured links.
    public init(folder: NewsletterFolder) {
        let files = folder.allIssues
        self.init(issues: zip(files, folder.readings(of: files)).map { ($0.path, $1.issue) })
    }

    /// Indexes `issues`, given oldest first with their file paths.
    init(issues: [(path: String, issue: Issue)]) {
        for (order, entry) in issues.enumerated() {
            orderByFile[CheckedFile.absolutePath(of: entry.path)] = order
            for (url, line) in ArchiveLinkIndex.featuredLinks(of: entry.issue) {
                guard let key = LinkAddress(url)?.duplicateKey else { continue }
                let sighting = LinkSighting(
                    file: entry.path, line: line, number: entry.issue.metadata.number, date: entry.issue.metadata.date,
                    order: order)
                sightings[key, default: []].append(sighting)
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
        var links: [(String, Int)] = []
        for section in issue.allSections {
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
