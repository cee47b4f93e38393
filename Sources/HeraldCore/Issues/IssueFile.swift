public import Foundation
public import HeraldMarkdown

/// One issue's source file: its metadata header read, its Markdown body ready to parse.
///
/// This is the first stage of Herald's pipeline (file → ``IssueFile`` → issue model → page).
/// It keeps the whole text and the line the body starts on so that every later stage can
/// report positions in the file the editor has open, and `herald new` can copy lines verbatim.
public struct IssueFile: Hashable, Sendable {
    /// The path as Herald was given it, used in every problem about this file.
    public var path: String
    public var metadata: IssueMetadata
    /// The whole file, header included.
    public var text: String
    /// The 1-based line of ``text`` on which the Markdown body starts.
    public var bodyStartLine: Int
    /// Problems that did not stop the file from being read, such as stray metadata lines.
    public var warnings: [Problem]

    /// Reads an issue from its bytes, with what `sources` knows of it besides its header.
    ///
    /// - Throws: ``HeraldError`` with problems located in `path`: invalid UTF-8 (with the
    ///   byte offset), a missing title or date, an unparsable date, a malformed header.
    public init(path: String, data: Data, sources: MetadataSources = .header) throws(HeraldError) {
        guard var text = data.withUnsafeBytes({ UTF8Validation.string(validating: $0.bindMemory(to: UInt8.self)) })
        else {
            let offset = UTF8Validation.firstInvalidOffset(in: data) ?? 0
            throw HeraldError(IssueFile.invalidUTF8Problem(in: data, at: offset, path: path))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        try self.init(path: path, text: text, sources: sources)
    }

    /// Reads an issue from its text, with what `sources` knows of it besides its header.
    public init(path: String, text: String, sources: MetadataSources = .header) throws(HeraldError) {
        // Reading needs the header and the first line of content after it. The file's first
        // lines are split first, and the whole file only when its header does not end among
        // them: every issue is read at every build, and a 50 MB issue's millions of lines were
        // split only to read its dozen header lines.
        let prefix = IssueFile.lines(of: text, limit: IssueFile.headerLineLimit)
        let read: (metadata: IssueMetadata, bodyStartLine: Int, warnings: [Problem])
        if prefix.count < IssueFile.headerLineLimit {
            read = try IssueFile.readHeader(lines: prefix, sources: sources, path: path)
        } else if let fromPrefix = try? IssueFile.readHeader(lines: prefix, sources: sources, path: path),
            prefix[min(max(fromPrefix.bodyStartLine - 1, 0), prefix.count)...].contains(where: {
                !$0.allSatisfy(\.isWhitespace)
            })
        {
            read = fromPrefix
        } else {
            read = try IssueFile.readHeader(lines: IssueFile.lines(of: text), sources: sources, path: path)
        }
        self.path = path
        self.text = text
        metadata = read.metadata
        bodyStartLine = read.bodyStartLine
        warnings = read.warnings
    }

    /// How many lines are split first to read a header: far more than any header holds.
    private static let headerLineLimit = 64

    /// The metadata the header of `lines` (the file's first lines, or all of them) gives, the
    /// body's first line, and the warnings reading found.
    private static func readHeader(lines: [Substring], sources: MetadataSources, path: String) throws(HeraldError)
        -> (metadata: IssueMetadata, bodyStartLine: Int, warnings: [Problem])
    {
        do {
            let header = try MetadataHeader(lines: lines)
            let (metadata, warnings, titleHeadingLine) = try IssueMetadata.interpreting(
                header, lines: lines, sources: sources)
            // A heading that gave the title is the page's title, not the body's first section.
            let bodyStartLine = titleHeadingLine.map { $0 + 1 } ?? header.bodyStartLine
            return (metadata, bodyStartLine, (header.warnings + warnings).map { $0.in(file: path) })
        } catch {
            throw error.in(file: path)
        }
    }

    /// Reads the issue at `url`, naming it `path` in problems (defaults to the URL's path).
    public init(contentsOf url: URL, path: String? = nil, sources: MetadataSources = .header) throws(HeraldError) {
        let path = path ?? url.path
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw HeraldError(
                Problem(.unreadable, file: path, message: "cannot read the file (\(error.localizedDescription))"))
        }
        try self.init(path: path, data: data, sources: sources)
    }

    /// The Markdown after the header, as written, other generators' syntax included.
    ///
    /// Only the header's line ends are walked, not the whole file: the build asks for every
    /// issue's body.
    package var writtenBody: Substring {
        let utf8 = text.utf8
        var index = utf8.startIndex
        var line = 1
        while line < bodyStartLine {
            guard let newline = utf8[index...].firstIndex(of: UInt8(ascii: "\n")) else { return text[text.endIndex...] }
            index = utf8.index(after: newline)
            line += 1
        }
        return text[index...]
    }

    /// The position in the file of a position in ``body``: the line is exact; on a line that lost
    /// another generator's syntax, ``ForeignSyntaxRemoval/writtenLocation(of:)`` gives the column.
    public func fileLocation(ofBodyLocation location: SourceLocation) -> SourceLocation {
        SourceLocation(line: location.line + bodyStartLine - 1, column: location.column)
    }

    /// Lines `range` (1-based, inclusive) of the file, without their line ends, for copying
    /// source verbatim; lines past the end are left out.
    public func lines(_ range: ClosedRange<Int>) -> [Substring] {
        let lines = IssueFile.lines(of: text)
        let clamped = max(range.lowerBound, 1)...min(range.upperBound, lines.count)
        return clamped.isEmpty ? [] : Array(lines[(clamped.lowerBound - 1)...(clamped.upperBound - 1)])
    }

    /// `text` split at `\n` and `\r\n`, the ends removed; a lone `\r` is not a line end.
    ///
    /// With a `limit`, only the first `limit` whole lines are split.
    static func lines(of text: String, limit: Int = .max) -> [Substring] {
        var text = text
        let bounds = lineBounds(of: &text, limit: limit)
        let utf8 = text.utf8
        return bounds.map { bound in
            text[
                utf8.index(
                    utf8.startIndex, offsetBy: bound.start)..<utf8.index(utf8.startIndex, offsetBy: bound.contentEnd)]
        }
    }

    /// `text` split at `\n` and `\r\n`, each line with its end (empty for the last line), so
    /// that joining them gives back every byte: what the draft editors edit by line.
    package static func linesWithEnds(of text: String) -> [(content: Substring, end: Substring)] {
        var text = text
        let bounds = lineBounds(of: &text)
        let utf8 = text.utf8
        func index(_ offset: Int) -> String.Index { utf8.index(utf8.startIndex, offsetBy: offset) }
        return bounds.map { bound in
            let contentEnd = index(bound.contentEnd)
            return (text[index(bound.start)..<contentEnd], text[contentEnd..<index(bound.end)])
        }
    }

    /// ``lineBounds(in:limit:)`` of `text`'s UTF-8.
    private static func lineBounds(of text: inout String, limit: Int = .max) -> [(
        start: Int, contentEnd: Int, end: Int
    )] {
        text.makeContiguousUTF8()
        return text.withUTF8Bytes { lineBounds(in: $0, limit: limit) }
    }

    /// Byte offsets of each line's start, content end (before `\r\n` or `\n`) and end; the last
    /// line, after the last `\n`, is always there (empty when the text ends with one). With a
    /// `limit`, only the first `limit` whole lines.
    ///
    /// A line at a time with `memchr`: splitting by `Character` cost more than parsing the
    /// Markdown. The one line splitter for issue text, as a string or as a checked file's bytes.
    package static func lineBounds(in bytes: UnsafeBufferPointer<UInt8>, limit: Int = .max) -> [(
        start: Int, contentEnd: Int, end: Int
    )] {
        var bounds: [(start: Int, contentEnd: Int, end: Int)] = []
        var lineStart = 0
        while let index = ByteSearch.firstIndex(of: UInt8(ascii: "\n"), in: bytes, within: lineStart..<bytes.count) {
            let contentEnd = index > lineStart && bytes[index - 1] == UInt8(ascii: "\r") ? index - 1 : index
            bounds.append((lineStart, contentEnd, index + 1))
            lineStart = index + 1
            if bounds.count == limit { return bounds }
        }
        bounds.append((lineStart, bytes.count, bytes.count))
        return bounds
    }

    private static func invalidUTF8Problem(in data: Data, at offset: Int, path: String) -> Problem {
        let before = data.prefix(offset)
        let line = before.reduce(1) { $0 + ($1 == UInt8(ascii: "\n") ? 1 : 0) }
        let lineStart =
            before.lastIndex(of: UInt8(ascii: "\n")).map { data.distance(from: data.startIndex, to: $0) + 1 } ?? 0
        let byte = data[data.index(data.startIndex, offsetBy: offset)]
        return Problem(
            .invalidUTF8, file: path, location: SourceLocation(line: line, column: offset - lineStart + 1),
            message: "byte \(offset) (0x\(String(byte, radix: 16, uppercase: true))) is not valid UTF-8",
            fix: "save the file as UTF-8")
    }
}
