import Foundation
import HeraldCore
import HeraldMarkdown

/// Which files the site has and how each is made: the step between reading the newsletter and
/// writing the output.
///
/// Planning does no rendering; it lists ``OutputFile``s with the keys that let the writer skip
/// the ones that did not change.
struct SitePlan: Sendable {
    let context: SiteContext
    private(set) var files: [OutputFile] = []
    /// The files known only once the search index is made, when it must be: the writer makes
    /// them beside ``files`` (``OutputWriter/write(_:later:stamp:)``).
    private(set) var laterFiles: (@Sendable () -> [OutputFile])?

    /// - Parameters:
    ///   - previousSearchIndex: the search index the last build left in the output, so an
    ///     unchanged index is carried over without reading the issues.
    ///   - previousInsights: the insight pages the last build left, likewise.
    init(
        context: SiteContext, previousSearchIndex: BuiltSearchIndex? = nil, previousInsights: BuiltInsights? = nil
    ) throws(HeraldError) {
        self.context = context
        try checkForCollisions()
        files += issuePages()
        files += listPages()
        files += feeds()
        files += standalonePages()
        files += extras()
        switch searchFiles(previous: previousSearchIndex) {
        case .planned(let search):
            files += search
        case .afterIndexing(let search) where context.hasLargeIssue:
            // A large issue's index and its page each hold many times its size: made one after
            // the other, not side by side.
            files += search()
        case .afterIndexing(let search):
            let relativeLinks = context.relativeLinks
            laterFiles = { search().map { relativeLinks.map($0.linkingRelatively(with:)) ?? $0 } }
        }
        if context.buildsInsights { files += insightFiles(previous: previousInsights) }
        files += staticFiles()
        files += bundleFiles()
        files += pelicanAddresses(besides: files)
        if let relativeLinks = context.relativeLinks {
            files = files.map { $0.linkingRelatively(with: relativeLinks) }
        }
    }

    /// Two sources claiming one address would silently lose one of them.
    private func checkForCollisions() throws(HeraldError) {
        var seen: [String: String] = [:]
        var problems: [Problem] = []
        func claim(_ path: String, by source: String, line: Int? = nil) {
            if let earlier = seen[path] {
                problems.append(
                    Problem(
                        .duplicateURL, file: source, location: line.map { .init(line: $0, column: 1) },
                        message: "this would be published at '\(path)', where \(earlier) is already published",
                        fix: "give one of them a different 'Slug:' or date"))
            } else {
                seen[path] = source
            }
        }
        for issue in context.issues {
            claim(issue.outputPath, by: issue.file.path, line: issue.metadata.lines["title"])
        }
        for page in context.pages {
            claim(page.outputPath, by: page.path, line: 1)
        }
        guard problems.isEmpty else { throw HeraldError(problems) }
    }

    /// Every issue's page, with links to the issues before and after it among the listed ones.
    private func issuePages() -> [OutputFile] {
        let context = context
        let listed = context.listed
        let positions = Dictionary(listed.enumerated().map { ($1.outputPath, $0) }) { first, _ in first }
        return context.issues.map { issue in
            let position = positions[issue.outputPath]
            let previous = position.flatMap { $0 > 0 ? listed[$0 - 1] : nil }
            let next = position.flatMap { $0 + 1 < listed.count ? listed[$0 + 1] : nil }
            var key = context.contentKey("issue", [issue])
            key.combine(context.listingKey("neighbours", [previous, next].compactMap { $0 }))
            return OutputFile(path: issue.outputPath, key: key) {
                IssuePage(context: context, issue: issue, previous: previous, next: next).html()
            }
        }
    }

    /// The home page, `latest/`, the archive and one page per category.
    private func listPages() -> [OutputFile] {
        let context = context
        var files: [OutputFile] = []
        let recentCount = context.configuration.build.homeIssues
        let recent = Array(context.listed.suffix(recentCount + 1))
        files.append(
            OutputFile(
                path: "index.html",
                key: context.contentKey("home", recent.suffix(1)).adding(context.listingKey("recent", recent))
            ) {
                ListPages(context: context).home()
            })
        if let newest = context.newest {
            var key = context.contentKey("latest", [newest])
            key.combine(context.listingKey("neighbours", context.listed.suffix(2)))
            files.append(
                OutputFile(path: "latest/index.html", key: key) {
                    IssuePage(
                        context: context, issue: newest, previous: context.listed.dropLast().last, next: nil,
                        outputPath: "latest/index.html"
                    ).html()
                })
        }
        files.append(
            OutputFile(path: "archive/index.html", key: context.listingKey("archive", context.listed)) {
                ListPages(context: context).archive()
            })
        for category in ListPages.categories(of: context.listed) {
            files.append(
                OutputFile(
                    path: "categories/\(category.slug)/index.html", key: context.listingKey("category", category.issues)
                ) {
                    ListPages(context: context).category(category)
                })
        }
        return files
    }

    private func standalonePages() -> [OutputFile] {
        let context = context
        return context.pages.map { page in
            var key = context.siteKey
            key.combine(page.sourceHash)
            return OutputFile(path: page.outputPath, key: key) {
                ListPages(context: context).standalone(page)
            }
        }
    }

    /// The 404 page, `robots.txt`, `sitemap.xml` and `events.ics`.
    private func extras() -> [OutputFile] {
        let context = context
        var files = [
            OutputFile(path: "404.html", key: context.listingKey("404", [])) { ListPages(context: context).notFound() },
            OutputFile(path: "robots.txt", key: context.listingKey("robots", [])) {
                Sitemap(context: context).robots()
            },
            OutputFile(path: "sitemap.xml", key: context.listingKey("sitemap", context.published)) {
                Sitemap(context: context).xml()
            },
        ]
        let newestPublished = context.published.last
        files.append(
            OutputFile(path: "events.ics", key: context.contentKey("events", [newestPublished].compactMap { $0 })) {
                EventCalendar(context: context, issue: newestPublished).ics()
            })
        return files
    }

    /// Theme assets and the static folders (`content/images`), copied as they are.
    private func staticFiles() -> [OutputFile] {
        var files: [OutputFile] = []
        for (name, asset) in context.theme.assets.sorted(by: { $0.key < $1.key }) {
            switch asset {
            case .text(let text):
                files.append(OutputFile(path: "theme/\(name)", key: StableHash("asset", text)) { text })
            case .file(let url):
                files.append(OutputFile(path: "theme/\(name)", copying: url))
            }
        }
        for folder in context.staticFolders {
            for relative in FileManager.default.regularFiles(under: folder.source) {
                files.append(
                    OutputFile(
                        path: "\(folder.name)/\(relative)", copying: folder.source.appendingPathComponent(relative)))
            }
        }
        return files
    }
}

extension OutputFile {
    /// This file with its links made relative, when it is a generated HTML page.
    fileprivate func linkingRelatively(with links: RelativeLinks) -> OutputFile {
        guard path.hasSuffix(".html"), case .generated(let generate) = contents else { return self }
        let path = path
        return OutputFile(path: path, key: key) { links.rewrite(generate().text, at: path) }
    }
}

extension StableHash {
    /// This hash combined with another.
    func adding(_ other: StableHash) -> StableHash {
        var copy = self
        copy.combine(other)
        return copy
    }
}
