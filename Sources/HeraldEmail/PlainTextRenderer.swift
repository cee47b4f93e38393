import Foundation
import HeraldMarkdown

/// Writes an issue's Markdown as plain text a person reads in any mail client: headings
/// underlined, lists indented, paragraphs wrapped, and links as numbered references listed at
/// the end, so the prose stays readable and every address is still there to copy.
struct PlainTextRenderer {
    /// Makes a link absolute, as the reader is not on the web page it was written for.
    let resolve: (String) -> String
    let width: Int

    /// Every link's address in order of first appearance; a link's number is its index plus one.
    private(set) var references: [String] = []
    private var referenceNumbers: [String: Int] = [:]

    init(width: Int = 72, resolve: @escaping (String) -> String) {
        self.width = width
        self.resolve = resolve
    }

    /// The lines of `document`'s blocks, blank lines between them.
    mutating func lines(of document: MarkdownDocument) -> [String] {
        blocks(document.root.children, width: width)
    }

    /// The numbered list of ``references``: `[1] https://…`.
    var referenceLines: [String] {
        references.enumerated().map { "[\($0.offset + 1)] \($0.element)" }
    }

    private mutating func blocks(_ nodes: MarkdownNode.Children, width: Int, tight: Bool = false) -> [String] {
        var lines: [String] = []
        for node in nodes {
            let block = self.block(node, width: width)
            if block.isEmpty { continue }
            if !lines.isEmpty, !tight { lines.append("") }
            lines += block
        }
        return lines
    }

    private mutating func block(_ node: MarkdownNode, width: Int) -> [String] {
        switch node.kind {
        case .paragraph:
            return TextWrapping.wrap(inline(node), width: width)
        case .heading:
            let text = inline(node).split(separator: "\n").joined(separator: " ")
            let rule: Character = (node.headingLevel ?? 2) <= 2 ? "=" : "-"
            let underline = min(TextWrapping.columns(of: text), width)
            return TextWrapping.wrap(text, width: width) + [String(repeating: rule, count: underline)]
        case .blockQuote:
            return blocks(node.children, width: width - 2).map { $0.isEmpty ? ">" : "> " + $0 }
        case .list:
            return list(node, width: width)
        case .codeBlock:
            var code = node.literal
            if code.hasSuffix("\n") { code.removeLast() }
            return code.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
        case .htmlBlock:
            let text = PlainTextRenderer.textOfHTML(node.literal)
            return text.isEmpty ? [] : TextWrapping.wrap(text, width: width)
        case .thematicBreak:
            return ["* * *"]
        case .table:
            return table(node)
        case .footnoteDefinition:
            let body = blocks(node.children, width: width - 4)
            guard let first = body.first else { return [] }
            return ["[^\(node.footnoteLabel ?? "")] " + first] + body.dropFirst().map { $0.isEmpty ? "" : "    " + $0 }
        default:
            return TextWrapping.wrap(inline(node), width: width)
        }
    }

    private mutating func list(_ node: MarkdownNode, width: Int) -> [String] {
        var lines: [String] = []
        var number: Int
        let ordered: Bool
        if case .ordered(let start, _) = node.listStyle {
            number = start
            ordered = true
        } else {
            number = 1
            ordered = false
        }
        for item in node.children {
            var marker = ordered ? "\(number). " : "* "
            if let checked = item.taskIsChecked { marker += checked ? "[x] " : "[ ] " }
            let indent = String(repeating: " ", count: marker.count)
            let body = blocks(item.children, width: max(width - marker.count, 20), tight: node.isTight)
            if !lines.isEmpty, !node.isTight { lines.append("") }
            for (index, line) in body.enumerated() {
                lines.append(index == 0 ? marker + line : (line.isEmpty ? "" : indent + line))
            }
            if body.isEmpty { lines.append(marker.trimmingSuffix()) }
            number += 1
        }
        return lines
    }

    private mutating func table(_ node: MarkdownNode) -> [String] {
        var lines: [String] = []
        for row in node.children {
            var cells: [String] = []
            for cell in row.children { cells.append(inline(cell).split(separator: "\n").joined(separator: " ")) }
            let line = cells.joined(separator: " | ")
            lines.append(line)
            if row.isHeaderRow {
                lines.append(String(repeating: "-", count: min(TextWrapping.columns(of: line), width)))
            }
        }
        return lines
    }

    /// The text of a paragraph's inlines; hard line breaks are `\n`.
    private mutating func inline(_ node: MarkdownNode) -> String {
        var text = ""
        for child in node.children {
            switch child.kind {
            case .text, .code:
                text += child.literal
            case .softBreak:
                text += " "
            case .lineBreak:
                text += "\n"
            case .html:
                continue
            case .link:
                let words = inline(child)
                // `[text]()`, a link editors left unfinished, leads nowhere: only its words remain.
                guard let destination = child.destination, !destination.isEmpty else {
                    text += words
                    continue
                }
                let address = resolve(destination)
                if words == address || "mailto:" + words == address || words.isEmpty {
                    text += address
                } else {
                    text += words + " [\(reference(to: address))]"
                }
            case .image:
                let words = inline(child)
                text += "[image: \(words.isEmpty ? "untitled" : words)]"
                if let destination = child.destination, !destination.isEmpty {
                    text += " [\(reference(to: resolve(destination)))]"
                }
            case .footnoteReference:
                text += "[^\(child.footnoteLabel ?? "")]"
            default:
                text += inline(child)
            }
        }
        return text
    }

    private mutating func reference(to address: String) -> Int {
        if let number = referenceNumbers[address] { return number }
        references.append(address)
        referenceNumbers[address] = references.count
        return references.count
    }

    /// The words of a raw HTML block, without tags or comments and with its character
    /// references decoded (by reading what is left as Markdown).
    static func textOfHTML(_ html: String) -> String {
        var text = ""
        var inTag = false
        var rest = Substring(html)
        while let first = rest.first {
            if !inTag, rest.hasPrefix("<!--") {
                guard let end = rest.range(of: "-->") else { break }
                rest = rest[end.upperBound...]
                continue
            }
            if first == "<" {
                inTag = true
            } else if first == ">" && inTag {
                inTag = false
                text += " "
            } else if !inTag {
                text.append(first)
            }
            rest = rest.dropFirst()
        }
        let words = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        guard !words.isEmpty else { return "" }
        return MarkdownDocument(parsing: words).root.plainText
    }
}

extension String {
    fileprivate func trimmingSuffix() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
