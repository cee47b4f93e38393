public import HeraldMarkdown

/// Reads an issue file's Markdown into the typed ``Issue`` model: the step between
/// ``IssueFile`` and everything that renders or checks an issue.
///
/// Reading never fails: whatever a section holds is kept (as a generic section when its
/// heading is unknown), and what could not be understood is reported in
/// ``IssueReading/problems`` as warnings located in the file.
public struct IssueReader: Sendable {
    /// How headings map to section kinds.
    public var catalog: SectionCatalog

    public init(catalog: SectionCatalog = .twir) {
        self.catalog = catalog
    }

    /// Reads an issue's Markdown body.
    ///
    /// - Parameters:
    ///   - bodyStartLine: the file line the body starts on, so that positions are file lines.
    ///   - path: the file name used in problems and kept in ``Issue/file``.
    public func read(
        markdown: String, metadata: IssueMetadata, bodyStartLine: Int = 1, path: String? = nil
    ) -> IssueReading {
        read(
            document: MarkdownDocument(parsing: markdown, options: .issue), metadata: metadata,
            bodyStartLine: bodyStartLine, path: path)
    }

    /// Reads an issue's body already parsed (with `ParseOptions.issue`), for callers such as the linter
    /// that also walk the document themselves and should not parse it twice.
    public func read(
        document: MarkdownDocument, metadata: IssueMetadata, bodyStartLine: Int = 1, path: String? = nil
    ) -> IssueReading {
        let lineOffset = bodyStartLine - 1
        let outline = SectionOutline(document: document, catalog: catalog, lineOffset: lineOffset)
        let start = ReadingContext(path: path, lineOffset: lineOffset, issueDate: metadata.date)
        // Each section's content reads with a context of its own, and their problems join in
        // document order: the same reading whether the sections are read in turn or at once.
        func read(_ groups: [SectionOutline.BlockGroup], as kind: SectionKind) -> (
            content: SectionContent, problems: [Problem]
        ) {
            var context = start
            let content = SectionContent(reading: groups, as: kind, context: &context)
            return (content, context.problems)
        }
        // The readings go once their contents are in the sections and their problems joined.
        let (sections, problems) = { () -> ([Section], [Problem]) in
            let readings =
                FileSplitting.isOutsized(lineCount: outline.lineCount)
                ? outline.drafts.concurrentMap { draft in
                    let view = document.threadView()
                    return read(draft.groups.map { $0.seen(through: view) }, as: draft.kind)
                }
                : outline.drafts.map { read($0.groups, as: $0.kind) }
            return (outline.sections { readings[$0].content }, readings.flatMap(\.problems))
        }()
        var issue = Issue(file: path, metadata: metadata, sections: sections)
        issue.editors = IssueReader.editors(in: document) ?? issue.section(.editors)?.content.editors ?? []
        return IssueReading(issue: issue, problems: problems)
    }

    /// The people linked from an "edited by" line, wherever it is.
    private static func editors(in document: MarkdownDocument) -> [Person]? {
        let line = document.root.children.first { block in
            block.kind == .paragraph && block.plainText.containsIgnoringCase("edited by")
        }
        return line.map { $0.links.map { Person(name: $0.title, url: $0.url) } }
    }
}

/// An ``Issue`` and the problems found while reading it.
public struct IssueReading: Sendable {
    public var issue: Issue
    /// Warnings about entries that could not be fully read; the issue is complete regardless.
    public var problems: [Problem]

    public init(issue: Issue, problems: [Problem]) {
        self.issue = issue
        self.problems = problems
    }
}
