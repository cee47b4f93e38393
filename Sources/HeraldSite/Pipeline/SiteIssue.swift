import HeraldCore

/// An issue as the site sees it: its file, where it is published, and whether it is a draft.
///
/// This is the first step of the build pipeline (``IssueFile`` → ``SiteIssue`` → page); it
/// carries the source hash that keys every page showing the issue in the incremental build.
struct SiteIssue: Sendable {
    /// The file and its parse, shared with every other step that reads the issue.
    let parsed: ParsedIssue
    var file: IssueFile { parsed.file }
    /// Where the issue's page goes, e.g. `blog/2024/02/07/this-week-in-rust-533/index.html`.
    let outputPath: String
    /// Whether the issue is a draft: shown only with `--drafts`, marked, and `noindex`.
    let isDraft: Bool
    /// Whether the issue is built but listed nowhere (Pelican's `Status: hidden`).
    let isHidden: Bool
    /// The hash of the whole file, so any edit changes the pages that show the issue; not of its
    /// path, which depends on where Herald is run from.
    let sourceHash: StableHash

    /// The category's URL slug, e.g. `this-week-in-rust`.
    let categorySlug: String?
    /// The file's metadata, with the site's default category when the file names none.
    let metadata: IssueMetadata

    /// - Parameters:
    ///   - defaultCategory: the category of a file that names none (Pelican's `misc`), if any.
    ///   - slugOfCategory: the slug of a category name; the builder passes one that remembers its
    ///     answers, as 600 issues share a couple of categories.
    /// - Throws: ``HeraldError`` when the issue's address would put its page outside the site.
    init(
        parsed: ParsedIssue, isDraft: Bool, articleURL: PathPattern, defaultCategory: String? = nil,
        slugOfCategory: (String) -> String = { Slug($0).rawValue }
    ) throws(HeraldError) {
        let file = parsed.file
        var metadata = file.metadata
        if metadata.category?.isEmpty ?? true { metadata.category = defaultCategory }
        self.parsed = parsed
        self.metadata = metadata
        self.isDraft = isDraft || metadata.status == .draft
        self.isHidden = metadata.status == .hidden
        outputPath = try file.outputPath(under: articleURL).rawValue
        sourceHash = StableHash(fingerprintOf: file.text)
        categorySlug = metadata.category.map(slugOfCategory).flatMap { $0.isEmpty ? nil : $0 }
    }

    /// What lists of issues show (title, date, address, draft mark): a list is rewritten when
    /// one of these changes, and not when only an issue's body does.
    var listingHash: StableHash {
        StableHash(
            metadata.title, metadata.date.description, metadata.time?.description ?? "", outputPath,
            isDraft ? "draft" : "", metadata.summary ?? "", metadata.category ?? "",
            metadata.number.map(String.init) ?? "")
    }
}
