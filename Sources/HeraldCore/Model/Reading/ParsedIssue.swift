import Foundation
public import HeraldMarkdown

/// An issue file as every verb reads it: its body parsed with the issue options
/// (``HeraldMarkdown/ParseOptions/issue``) and read into the typed ``Issue`` with the problems
/// reading found. The one place Herald parses an issue.
///
/// A ``NewsletterFolder`` hands out one per file (``NewsletterFolder/parsed(_:)``), so the site,
/// the linter, the exporter and the calendar share a reading instead of each parsing the file
/// again. The reading is kept once made: a model is a small part of its file. The document is
/// not kept: a whole archive's trees would hold several times the archive's size in memory, and
/// only the one step that renders or lints an issue walks its tree, right after ``parse()``.
public final class ParsedIssue: @unchecked Sendable {
    public let file: IssueFile
    /// How headings map to section kinds, the newsletter's.
    public let catalog: SectionCatalog
    /// The other generators' syntax left out of the body, and the way back to the file's columns;
    /// `nil` when the body holds none.
    package let foreignSyntax: ForeignSyntaxRemoval?
    /// What is parsed: ``IssueFile/body``, scanned once here however often the body is parsed.
    private let body: Substring
    private let lock = NSLock()
    private var kept: IssueReading?

    public init(_ file: IssueFile, catalog: SectionCatalog) {
        self.file = file
        self.catalog = catalog
        foreignSyntax = file.foreignSyntaxRemoval
        body = foreignSyntax.map { Substring($0.text) } ?? file.writtenBody
    }

    /// The issue's document and its reading from one parse, for a step that walks the tree (the
    /// page, the linter); the reading is kept for every later asker.
    public func parse() -> (document: MarkdownDocument, reading: IssueReading) {
        let document = document()
        let reading = lock.withLock {
            if let kept { return kept }
            let reading = read(document)
            kept = reading
            return reading
        }
        return (document, reading)
    }

    /// The body's document alone, for a step that renders it without the model (the email).
    public func document() -> MarkdownDocument {
        MarkdownDocument(parsing: body, options: .issue, splitting: FileSplitting.parsing)
    }

    /// The model and the problems reading it found, parsed on first use.
    public var reading: IssueReading {
        lock.withLock {
            if let kept { return kept }
            let reading = read(document())
            kept = reading
            return reading
        }
    }

    /// The typed issue.
    public var issue: Issue { reading.issue }

    /// The reading if some step already made it, without parsing: for a step that, when it has
    /// to parse, also wants the document (the site renders the page from the same parse).
    public var keptReading: IssueReading? { lock.withLock { kept } }

    private func read(_ document: MarkdownDocument) -> IssueReading {
        IssueReader(catalog: catalog).read(
            document: document, metadata: file.metadata, bodyStartLine: file.bodyStartLine, path: file.path)
    }
}
