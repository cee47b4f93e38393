import HeraldCore

/// The files a Pelican build of the same newsletter writes that Herald's site has no page of its
/// own for, and where each one's reader should go instead.
///
/// A site moving from Pelican keeps every address readers, search engines and other sites know.
/// They are worked out as Pelican works them out from its settings, with This Week in Rust's
/// (`DEFAULT_PAGINATION = 10`, `ARCHIVES_SAVE_AS = 'blog/archives/index.html'`, the `AUTHOR`
/// default) and Pelican's defaults for the rest: the paginated index (`index2.html` …), category,
/// author and tag pages (`{name}{number}.html` from the second page on), the lists of tags,
/// categories and authors, and the feeds Pelican writes beside TWiR's own (`feeds/all-en.atom.xml`
/// and each author's). Pages move to their nearest page on Herald's site; feeds stay where they
/// were, with the same entries, since a feed reader follows no HTML redirect.
struct PelicanAddresses: Sendable {
    /// A Pelican output path, and the site path whose page replaces it.
    struct Move: Hashable, Sendable {
        let path: String
        let target: String
    }

    /// A Pelican feed path, and the Herald feed it repeats.
    struct FeedCopy: Hashable, Sendable {
        let path: String
        let source: String
    }

    private(set) var moves: [Move] = []
    private(set) var feedCopies: [FeedCopy] = []

    /// Pelican's `DEFAULT_PAGINATION` on This Week in Rust.
    static let pageSize = 10

    /// - Parameters:
    ///   - issues: the published issues, as Pelican would list them.
    ///   - defaultAuthor: the author of an issue that names none (Pelican's `AUTHOR`).
    ///   - existing: the paths Herald writes anyway, which are never replaced.
    init(issues: [SiteIssue], defaultAuthor: String, existing: Set<String>) {
        let archive = "archive/index.html"
        var moves: [Move] = []
        func move(_ path: String, to target: String) {
            if !existing.contains(path) { moves.append(Move(path: path, target: target)) }
        }
        /// Every page after the first of a paginated list whose first page is `name` + `.html`.
        func laterPages(of name: String, count: Int, to target: String) {
            let pages = (count + Self.pageSize - 1) / Self.pageSize
            guard pages > 1 else { return }
            for number in 2...pages { move("\(name)\(number).html", to: target) }
        }

        move("blog/archives/index.html", to: archive)
        laterPages(of: "index", count: issues.count, to: archive)
        for category in ListPages.categories(of: issues) {
            laterPages(
                of: "categories/\(category.slug)/index", count: category.issues.count,
                to: "categories/\(category.slug)/index.html")
        }
        for name in ["tags.html", "categories.html", "authors.html"] { move(name, to: archive) }

        var feeds = [FeedCopy(path: "feeds/all-en.atom.xml", source: "atom.xml")]
        let authors = issues.flatMap { $0.metadata.authors.isEmpty ? [defaultAuthor] : $0.metadata.authors }
        for (slug, count) in Self.counts(authors) {
            move("author/\(slug).html", to: archive)
            laterPages(of: "author/\(slug)", count: count, to: archive)
            feeds.append(FeedCopy(path: "feeds/\(slug).atom.xml", source: "atom.xml"))
            feeds.append(FeedCopy(path: "feeds/\(slug).rss.xml", source: "rss.xml"))
        }
        for (slug, count) in Self.counts(issues.flatMap(\.metadata.tags)) {
            move("tag/\(slug).html", to: archive)
            laterPages(of: "tag/\(slug)", count: count, to: archive)
        }
        self.moves = moves
        self.feedCopies = feeds.filter { !existing.contains($0.path) }
    }

    /// How many issues carry each name, by its slug, in slug order.
    private static func counts(_ names: [String]) -> [(slug: String, count: Int)] {
        var counts: [String: Int] = [:]
        for name in names {
            let slug = Slug(name).rawValue
            if !slug.isEmpty { counts[slug, default: 0] += 1 }
        }
        return counts.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
