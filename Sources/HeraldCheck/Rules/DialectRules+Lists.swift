import HeraldCore
import HeraldMarkdown

/// Lists: Python-Markdown wants a blank line before a list and nests by four spaces a level,
/// where CommonMark lets a list interrupt a paragraph and nests under the item's text.
extension DialectRules {
    /// `dialect-list-start`: a list right after a paragraph line is, to Python-Markdown, more
    /// lines of that paragraph (`* ` and all).
    static func checkListStarts(in source: DialectSource, into findings: inout FindingList) {
        let file = source.file
        for list in file.document.root.children where list.kind == .list {
            guard let previous = list.previousSibling, previous.kind == .paragraph,
                previous.range.end.line + 1 == list.range.start.line
            else { continue }
            let line = file.fileLocation(list.range.start).line
            let offset = file.lineStarts[line - 1]
            findings.report(
                .dialectListStart, at: file.location(ofOffset: offset),
                "this list follows a paragraph line: Python-Markdown reads it as more of the paragraph",
                fix: "put a blank line before the list", edit: TextEdit(range: offset..<offset, replacement: "\n"))
        }
    }

    /// `dialect-list-indent`: a sub-item indented less than four spaces a level is, to
    /// Python-Markdown, an item of the list above (2-space nesting comes out flat).
    static func checkNestedIndents(in source: DialectSource, into findings: inout FindingList) {
        let file = source.file
        for item in file.document.root.descendants where item.kind == .item {
            let depth = DialectSource.itemDepth(of: item)
            guard depth > 1 else { continue }
            let line = file.fileLocation(item.range.start).line
            // `* * text` opens both items on one line, where both dialects nest alike.
            let parentLine = DialectSource.enclosingItem(of: item).map { file.fileLocation($0.range.start).line }
            guard parentLine != line, let indent = source.indent(ofLine: line) else { continue }
            let wanted = 4 * (depth - 1)
            guard indent < wanted else { continue }
            let sublist = item.children.first { $0.kind == .list }
            let itemEnd = file.fileLocation(item.range.end).line
            var last = max(line, sublist.map { file.fileLocation($0.range.start).line - 1 } ?? itemEnd)
            while last > line, source.isBlank(last) { last -= 1 }
            findings.report(
                .dialectListIndent, at: SourceLocation(line: line, column: indent + 1),
                "a sub-item indented \(indent) spaces is, to Python-Markdown, an item of the list above",
                fix: "indent it \(wanted) spaces (four a level)",
                edit: reindent(lines: line...last, by: wanted - indent, in: source))
        }
    }

    /// `dialect-over-indent`: a sub-item indented four or more spaces past its item's text is,
    /// to CommonMark, more of that text: the page shows a literal `*`.
    static func checkOverIndentedItems(in source: DialectSource, into findings: inout FindingList) {
        let file = source.file
        for paragraph in file.document.root.descendants where paragraph.kind == .paragraph {
            guard let item = DialectSource.enclosingItem(of: paragraph) else { continue }
            let depth = DialectSource.itemDepth(of: item)
            let itemLine = file.fileLocation(item.range.start).line
            guard depth > 0, let marker = source.listMarker(onLine: itemLine) else { continue }
            let first = file.fileLocation(paragraph.range.start).line
            let last = file.fileLocation(paragraph.range.end).line
            guard first < last else { continue }
            for line in (first + 1)...last {
                guard let nested = source.listMarker(onLine: line),
                    nested.indent >= marker.contentColumn + 4
                else { continue }
                let wanted = 4 * depth
                let start = file.lineStarts[line - 1]
                findings.report(
                    .dialectOverIndent, at: SourceLocation(line: line, column: nested.indent + 1),
                    "a sub-item indented \(nested.indent) spaces is read as text, with a literal list marker",
                    fix: "indent it \(wanted) spaces (four a level)",
                    edit: TextEdit(
                        range: start..<(start + nested.indent), replacement: String(repeating: " ", count: wanted)))
            }
        }
    }

    /// `lines` with `count` more spaces before each one that is not blank, as one edit.
    private static func reindent(lines: ClosedRange<Int>, by count: Int, in source: DialectSource) -> TextEdit {
        let file = source.file
        let start = file.lineStarts[lines.lowerBound - 1]
        let end = source.byteRange(ofLine: lines.upperBound).upperBound
        let padding = Array(repeating: UInt8(ascii: " "), count: count)
        var replacement: [UInt8] = []
        for line in lines {
            let range = source.byteRange(ofLine: line)
            if !source.isBlank(line) { replacement += padding }
            replacement += file.bytes[range]
            if line < lines.upperBound {
                let next = file.lineStarts[line]
                replacement += file.bytes[range.upperBound..<next]
            }
        }
        return TextEdit(range: start..<end, replacement: String(decoding: replacement, as: UTF8.self))
    }
}
