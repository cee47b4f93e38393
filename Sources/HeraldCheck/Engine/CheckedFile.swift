import Foundation
import HeraldCore
import HeraldMarkdown

/// One file as the rules see it: its bytes and lines, its header, its parsed Markdown and its
/// typed issue, read once and shared by every rule.
///
/// A file whose header cannot be read still gets checked for what needs no header (encoding,
/// markup): ``issueFile`` and ``issue`` are then `nil` and the body is the whole file.
struct CheckedFile: @unchecked Sendable {
    let path: String
    /// The file's text, with invalid UTF-8 repaired (see ``invalidUTF8``).
    let text: String
    /// ``text``'s UTF-8, read from the string's own storage.
    let bytes: FileBytes
    /// The byte offset where each line starts; `lineStarts[0]` is line 1.
    let lineStarts: [Int]
    /// The file's ill-formed UTF-8 sequences, at their places in the bytes as read.
    let invalidUTF8: [InvalidUTF8]
    /// The path made absolute, to find the file in the archive however it was named.
    let absolutePath: String
    let issueFile: IssueFile?
    /// Problems reading the header, when it could not be read.
    let headerProblems: [Problem]
    private(set) var document: MarkdownDocument
    /// `nil` as well once ``releaseModel()`` let it go.
    private(set) var issue: Issue?
    /// What reading the issue into its model reported (content a typed section had no place for).
    let readingProblems: [Problem]
    /// Lines of the file before the Markdown body.
    let lineOffset: Int
    /// The other generators' syntax left out of the body ``document`` was parsed from, and the way
    /// back to the columns of the file; `nil` when the body holds none or the header could not be read.
    let foreignSyntax: ForeignSyntaxRemoval?
    /// The kind of every section at any depth, in document order: what the rules ask of a
    /// section around a line (copies of the sections themselves took 17 MB of a 50 MB issue).
    private let sectionKinds: [SectionKind]
    /// Every top-level heading of the body, in document order.
    let headings: [Heading]
    /// For each heading, the index of the nearest earlier heading of a higher level (`-1` for
    /// none): the chain of headings above a line, in one step per level.
    private let parentHeadings: [Int]
    /// For each line (index `line - 1`), the index in ``sectionKinds`` of the innermost section
    /// holding it (`-1` for none), so a rule asks per link without scanning every section.
    private let sectionIndexByLine: [Int32]

    /// A heading as the policy and section rules need it.
    struct Heading {
        let line: Int
        let level: Int
        let title: String
        let node: MarkdownNode
    }

    /// `contents` are a text's (known to be UTF-8) or bytes as read, which are checked;
    /// `issueFile`, when given, is that text as an issue file read from `sources`.
    init(
        path: String, contents: FileBytes, issueFile read: IssueFile? = nil, catalog: SectionCatalog,
        sources: MetadataSources = .header
    ) {
        self.path = path
        // The rules read the text's own bytes (no second copy of a big file); an invalid file
        // is read with each ill-formed sequence replaced.
        let valid = contents.text ?? contents.withUnsafeBufferPointer(UTF8Validation.string(validating:))
        let text = valid ?? contents.withUnsafeBufferPointer { String(decoding: $0, as: UTF8.self) }
        self.text = text
        self.invalidUTF8 = valid != nil ? [] : contents.withUnsafeBufferPointer(InvalidUTF8.find(in:))
        self.absolutePath = CheckedFile.absolutePath(of: path)
        self.bytes = FileBytes(text: text)
        self.lineStarts = bytes.withUnsafeBufferPointer { IssueFile.lineBounds(in: $0).map(\.start) }
        var issueFile: IssueFile?
        var headerProblems: [Problem] = []
        if let read {
            issueFile = read
        } else {
            do {
                issueFile = try IssueFile(
                    path: path, text: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text, sources: sources)
            } catch {
                headerProblems = error.problems
            }
        }
        self.issueFile = issueFile
        self.headerProblems = headerProblems
        self.lineOffset = (issueFile?.bodyStartLine ?? 1) - 1
        let document: MarkdownDocument
        if let issueFile {
            let parsed = ParsedIssue(issueFile, catalog: catalog)
            let reading: IssueReading
            (document, reading) = parsed.parse()
            foreignSyntax = parsed.foreignSyntax
            issue = reading.issue
            readingProblems = reading.problems
        } else {
            // A file with no readable header is no issue; its text is still linted as Markdown.
            document = MarkdownDocument(parsing: text, options: .issue)
            foreignSyntax = nil
            issue = nil
            readingProblems = []
        }
        self.document = document
        let lineOffset = self.lineOffset
        let headings = document.root.children.compactMap { node in
            node.headingLevel.map {
                Heading(
                    line: node.range.start.line + lineOffset, level: $0, title: node.plainText.trimmed,
                    node: node)
            }
        }
        self.headings = headings
        parentHeadings = CheckedFile.parents(of: headings)
        (sectionKinds, sectionIndexByLine) = CheckedFile.sectionsByLine(of: issue, lineCount: lineStarts.count)
    }

    /// ``parentHeadings``: a stack of the open headings, each of a lower level than the next.
    private static func parents(of headings: [Heading]) -> [Int] {
        var parents: [Int] = []
        parents.reserveCapacity(headings.count)
        var open: [Int] = []
        for (index, heading) in headings.enumerated() {
            while let last = open.last, headings[last].level >= heading.level { open.removeLast() }
            parents.append(open.last ?? -1)
            open.append(index)
        }
        return parents
    }

    /// ``sectionKinds`` and ``sectionIndexByLine``: sections come outer before inner, so a later
    /// one overwrites the lines it shares with the one around it, as `sections.last { contains }`
    /// would pick.
    private static func sectionsByLine(of issue: Issue?, lineCount: Int) -> ([SectionKind], [Int32]) {
        var kinds: [SectionKind] = []
        var byLine = [Int32](repeating: -1, count: lineCount)
        issue?.forEachSection { section in
            let first = max(section.source.line, 1)
            let last = min(section.source.endLine, lineCount)
            if first <= last {
                for line in first...last { byLine[line - 1] = Int32(kinds.count) }
            }
            kinds.append(section.kind)
        }
        return (kinds, byLine)
    }

    /// The headings `line` sits under, innermost last: the nearest heading before it, the
    /// nearest of a higher level before that, and so on.
    func headingChain(atLine line: Int) -> [Heading] {
        headingChain(endingAt: innermostHeading(atLine: line))
    }

    /// The index in ``headings`` of the nearest heading at or before `line` (`-1` for none), by
    /// binary search: the innermost of ``headingChain(atLine:)``, which links on the same
    /// stretch of lines share.
    func innermostHeading(atLine line: Int) -> Int {
        var low = 0
        var high = headings.count
        while low < high {
            let middle = (low + high) / 2
            if headings[middle].line <= line { low = middle + 1 } else { high = middle }
        }
        return low - 1
    }

    /// The heading at `index` and its parents, outermost first; empty for `-1`.
    func headingChain(endingAt index: Int) -> [Heading] {
        headingIndices(endingAt: index).map { headings[$0] }
    }

    /// The indices in ``headings`` of ``headingChain(endingAt:)``.
    func headingIndices(endingAt index: Int) -> [Int] {
        var chain: [Int] = []
        var index = index
        while index >= 0 {
            chain.append(index)
            index = parentHeadings[index]
        }
        return chain.reversed()
    }

    var lineCount: Int { lineStarts.count }

    /// `transform` applied to the body's top-level blocks, the results in document order: in runs
    /// on every core for an outsized file (``FileSplitting``), in one go for any other.
    func mapBlocks<Result>(_ transform: (ArraySlice<MarkdownNode>) -> [Result]) -> [Result] {
        let blocks = Array(document.root.children)
        guard isOutsized else { return transform(blocks[...]) }
        return blocks.concurrentFlatMap(runs: FileSplitting.runs) { run in
            let view = document.threadView()
            return transform(run.map(view.node)[...])
        }
    }

    /// Whether the file is long enough that its work is split over the cores (``FileSplitting``).
    var isOutsized: Bool { FileSplitting.isOutsized(lineCount: lineCount) }

    /// This file with its document reached through a view of its own (see
    /// ``MarkdownDocument/threadView()``), for a rule that runs beside others.
    func onThreadView() -> CheckedFile {
        var file = self
        file.document = document.threadView()
        return file
    }

    /// `path` made absolute against the current directory, with `.`, `..` and repeated slashes
    /// resolved, as `URL(fileURLWithPath:).standardizedFileURL.path` gives it (symbolic links
    /// are not followed). Worked out on the text: through `URL`, which asks the file system
    /// whether each path is a folder, the archive's 667 paths took 14 ms of a 500 ms check.
    static func absolutePath(of path: String) -> String {
        if isResolved(path) { return path }
        let joined = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var components: [Substring] = []
        for component in joined.split(separator: "/") where component != "." {
            if component == ".." {
                _ = components.popLast()
            } else {
                components.append(component)
            }
        }
        return "/" + components.joined(separator: "/")
    }

    /// Whether `path` is absolute with nothing to resolve (no empty, `.` or `..` component, no
    /// slash at the end): so an archive's paths, given absolute, are taken as they are.
    private static func isResolved(_ path: String) -> Bool {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            if previous == UInt8(ascii: "/"), byte == UInt8(ascii: "/") || byte == UInt8(ascii: ".") { return false }
            previous = byte
        }
        return path.utf8.first == UInt8(ascii: "/") && (previous != UInt8(ascii: "/") || path.utf8.count == 1)
    }

    /// Lets the typed model go, for the rules that need only the file and its tree: an
    /// outsized issue's model (a hundred megabytes for 50 MB of Markdown) was there beside its
    /// links, the check's peak.
    mutating func releaseModel() {
        issue = nil
    }

    /// Line `line` (1-based) without its line end.
    func lineText(_ line: Int) -> String {
        sourceLine(line).text
    }

    /// Line `line` (1-based) as where it is in the file, for a finding.
    func sourceLine(_ line: Int) -> SourceLine {
        SourceLine(line, of: bytes, lineStarts: lineStarts)
    }

    /// The byte offset of a file position.
    func offset(of location: SourceLocation) -> Int {
        guard location.line >= 1, location.line <= lineStarts.count else { return bytes.count }
        return min(lineStarts[location.line - 1] + location.column - 1, bytes.count)
    }

    /// The file position of a position in the parsed body.
    func fileLocation(_ bodyLocation: SourceLocation) -> SourceLocation {
        let written = foreignSyntax?.writtenLocation(of: bodyLocation) ?? bodyLocation
        return SourceLocation(line: written.line + lineOffset, column: max(written.column, 1))
    }

    /// The file position of a byte offset.
    func location(ofOffset offset: Int) -> SourceLocation {
        SourceLocation(offset: offset, lineStarts: lineStarts)
    }

    /// The byte range a parsed node covers in the file (its source range is inclusive).
    func byteRange(of node: MarkdownNode) -> Range<Int> {
        let start = offset(of: fileLocation(node.range.start))
        let end = offset(of: fileLocation(node.range.end)) + 1
        return start..<max(start, min(end, bytes.count))
    }

    /// The kind of the innermost section whose lines include `line`: the kind alone, as a copy
    /// of the section would retain its whole content.
    func sectionKind(atLine line: Int) -> SectionKind? {
        guard line >= 1, line <= sectionIndexByLine.count else { return nil }
        let index = sectionIndexByLine[line - 1]
        return index < 0 ? nil : sectionKinds[Int(index)]
    }
}
