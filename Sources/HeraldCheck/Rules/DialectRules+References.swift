import HeraldCore
import HeraldMarkdown

/// Reference links: Python-Markdown and CommonMark disagree on an empty definition, on which
/// of two definitions of a label wins, and on whether `[text]` and `[label]` or `(url)` may be
/// apart.
extension DialectRules {
    /// `dialect-empty-reference` and `dialect-duplicate-reference`; returns the labels defined,
    /// normalised, for `dialect-split-link`.
    static func checkReferenceDefinitions(in source: DialectSource, into findings: inout FindingList) -> Set<String> {
        let file = source.file
        var firsts: [String: (line: Int, destination: String)] = [:]
        for line in source.bodyLines where !source.verbatimLines.contains(line) {
            guard let found = definition(onLine: line, in: source) else { continue }
            let (label, rest) = found
            var destination = rest.split(separator: " ").first.map(String.init)
            if destination == nil {
                let next = line + 1
                if source.isBlank(next) || definition(onLine: next, in: source) != nil {
                    findings.report(
                        .dialectEmptyReference, at: SourceLocation(line: line, column: 1),
                        "'[\(label)]:' has no address: CommonMark reads it and the next definitions as text",
                        fix: "give it its address, or remove it")
                    continue
                }
                destination = file.lineText(next).trimmed.split(separator: " ").first.map(String.init)
            }
            guard let destination else { continue }
            let key = normalised(label)
            if let first = firsts[key] {
                if first.destination != destination {
                    findings.report(
                        .dialectDuplicateReference, at: SourceLocation(line: line, column: 1),
                        "'[\(label)]' is also defined on line \(first.line): Herald links the first "
                            + "(\(first.destination)), Python-Markdown this one (\(destination))",
                        fix: "keep one definition, or give the other a label of its own")
                }
            } else {
                firsts[key] = (line, destination)
            }
        }
        return Set(firsts.keys)
    }

    /// `dialect-split-link`: `[text]` apart from its `(url)` or `[label]`. Across a line end
    /// neither dialect links `[text](url)`; with a space or a line end, Python-Markdown links
    /// `[text] [label]` and CommonMark does not; CommonMark links `[text][` and `label]` on the
    /// next line and Python-Markdown does not. The fix closes the gap.
    static func checkSplitLinks(in source: DialectSource, definitions: Set<String>, into findings: inout FindingList) {
        let file = source.file
        let bytes = file.bytes
        for paragraph in file.document.root.descendants where paragraph.kind == .paragraph {
            let range = file.byteRange(of: paragraph)
            var offset = range.lowerBound
            while offset < range.upperBound {
                defer { offset += 1 }
                guard bytes[offset] == UInt8(ascii: "]"), let text = bracketText(endingAt: offset, in: bytes) else {
                    continue
                }
                var next = offset + 1
                if next < range.upperBound, bytes[next] == UInt8(ascii: "[") { next += 1 }
                let opensLabel = next > offset + 1
                let gapEnd = skipSpace(from: next, limit: range.upperBound, in: bytes)
                let gap = bytes[next..<gapEnd]
                guard !gap.isEmpty, gapEnd < range.upperBound else { continue }
                let crossesLine = gap.contains(UInt8(ascii: "\n"))
                let edit = TextEdit(range: next..<gapEnd, replacement: "")
                if opensLabel {
                    guard crossesLine, let label = labelText(from: gapEnd, in: bytes, limit: range.upperBound),
                        definitions.contains(normalised(label.isEmpty ? text : label))
                    else { continue }
                    report(.label, at: offset, edit: edit, in: file, into: &findings)
                } else if bytes[gapEnd] == UInt8(ascii: "("), crossesLine,
                    holdsAddress(from: gapEnd + 1, in: bytes, limit: range.upperBound)
                {
                    report(.address, at: offset, edit: edit, in: file, into: &findings)
                } else if bytes[gapEnd] == UInt8(ascii: "["),
                    let label = labelText(from: gapEnd + 1, in: bytes, limit: range.upperBound),
                    definitions.contains(normalised(label.isEmpty ? text : label)),
                    !followedByAddress(labelStart: gapEnd + 1, label: label, in: bytes, limit: range.upperBound)
                {
                    report(.text, at: offset, edit: edit, in: file, into: &findings)
                }
            }
        }
    }

    private enum SplitPart { case text, label, address }

    private static func report(
        _ part: SplitPart, at offset: Int, edit: TextEdit, in file: CheckedFile, into findings: inout FindingList
    ) {
        let message =
            switch part {
            case .text: "'[text]' and its '[label]' are apart: Python-Markdown links them, Herald does not"
            case .label: "a link's label starts on the next line: Herald links it, Python-Markdown does not"
            case .address: "'[text]' and its '(address)' are on two lines: neither dialect makes a link"
            }
        findings.report(
            .dialectSplitLink, at: file.location(ofOffset: offset), message, fix: "join them", edit: edit)
    }

    /// `[label]: rest` at the start of `line` (up to three spaces in), not a footnote.
    private static func definition(onLine line: Int, in source: DialectSource) -> (String, Substring)? {
        guard let indent = source.indent(ofLine: line), indent <= 3 else { return nil }
        let text = source.file.lineText(line).dropFirst(indent)
        guard text.first == "[", let close = text.firstIndex(of: "]") else { return nil }
        let label = text[text.index(after: text.startIndex)..<close]
        let after = text[text.index(after: close)...]
        guard after.first == ":", !label.isEmpty, !label.hasPrefix("^"), !label.contains("[") else { return nil }
        return (String(label), after.dropFirst().drop { $0 == " " || $0 == "\t" })
    }

    /// A label as both dialects match it: any case, runs of spaces as one.
    private static func normalised(_ label: String) -> String {
        label.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).joined(separator: " ")
    }

    /// The text of the `[…]` closing at `close` on its line, when it holds no other bracket
    /// and is no footnote reference.
    private static func bracketText(endingAt close: Int, in bytes: FileBytes) -> String? {
        var open = close - 1
        while open >= 0, bytes[open] != UInt8(ascii: "["), bytes[open] != UInt8(ascii: "]"),
            bytes[open] != UInt8(ascii: "\n")
        {
            open -= 1
        }
        guard open >= 0, bytes[open] == UInt8(ascii: "["), open + 1 < close, bytes[open + 1] != UInt8(ascii: "^"),
            open == 0 || bytes[open - 1] != UInt8(ascii: "\\")
        else { return nil }
        return String(decoding: bytes[(open + 1)..<close], as: UTF8.self)
    }

    /// The label running from `start` to the next `]` on the same line.
    private static func labelText(from start: Int, in bytes: FileBytes, limit: Int) -> String? {
        var end = start
        while end < limit, bytes[end] != UInt8(ascii: "]") {
            if bytes[end] == UInt8(ascii: "[") || bytes[end] == UInt8(ascii: "\n") { return nil }
            end += 1
        }
        return end < limit ? String(decoding: bytes[start..<end], as: UTF8.self) : nil
    }

    /// Whether the parenthesis opening before `start` holds one word, as an address does, rather
    /// than an aside in words (`[Rust]` then `(the language)` on the next line is no broken link).
    private static func holdsAddress(from start: Int, in bytes: FileBytes, limit: Int) -> Bool {
        var end = start
        while end < limit, bytes[end] != UInt8(ascii: ")") {
            if bytes[end] == UInt8(ascii: " ") || bytes[end] == UInt8(ascii: "\n") { return false }
            end += 1
        }
        return end < limit && end > start
    }

    private static func followedByAddress(labelStart: Int, label: String, in bytes: FileBytes, limit: Int) -> Bool {
        let after = labelStart + label.utf8.count + 1
        return after < limit && bytes[after] == UInt8(ascii: "(")
    }

    private static func skipSpace(from start: Int, limit: Int, in bytes: FileBytes) -> Int {
        var offset = start
        var lineEnds = 0
        while offset < limit {
            switch bytes[offset] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): offset += 1
            case UInt8(ascii: "\n") where lineEnds == 0:
                lineEnds += 1
                offset += 1
            default: return offset
            }
        }
        return offset
    }
}
