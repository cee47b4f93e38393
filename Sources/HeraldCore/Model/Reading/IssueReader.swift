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
        var context = ReadingContext(path: path, lineOffset: bodyStartLine - 1, issueDate: metadata.date)
        let outline = SectionOutline(document: document, catalog: catalog, lineOffset: context.lineOffset)
        func section(_ index: Int) -> Section {
            let draft = outline.drafts[index]
            var source = draft.heading
            source.endLine = draft.endLine
            return Section(
                title: draft.title, kind: draft.kind, level: draft.level, source: source,
                content: SectionContent(reading: draft.groups, as: draft.kind, context: &context),
                subsections: draft.children.map(section))
        }
        let sections = outline.topLevel.map(section)
        var issue = Issue(file: path, metadata: metadata, sections: sections)
        issue.editors = IssueReader.editors(in: document) ?? issue.section(.editors)?.content.editors ?? []
        return IssueReading(issue: issue, problems: context.problems)
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
