import HeraldMarkdown

/// `code-span` and `raw-html`: Markdown that renders other than its writer meant.
enum MarkupRules {
    /// The blocks are walked in runs on an outsized file: this rule walks every node, and it was
    /// the one still running, on one core, when the others had finished.
    static func check(_ file: CheckedFile, context: CheckContext, into findings: inout FindingList) {
        let runs = file.mapBlocks { blocks in
            var found = FindingList(file: file)
            for block in blocks { check(block, file: file, context: context, into: &found) }
            return [found]
        }
        for run in runs { findings.append(contentsOf: run) }
    }

    private static func check(
        _ block: MarkdownNode, file: CheckedFile, context: CheckContext, into findings: inout FindingList
    ) {
        for node in block.descendants {
            switch node.kind {
            case .text where node.literalContains(UInt8(ascii: "`")):
                checkBackticks(in: node, file: file, into: &findings)
            case .html, .htmlBlock:
                checkTags(in: node, file: file, context: context, into: &findings)
            default:
                break
            }
        }
    }

    /// A backtick left in text opened no code span: its closing run is missing or differs.
    private static func checkBackticks(in node: MarkdownNode, file: CheckedFile, into findings: inout FindingList) {
        let range = file.byteRange(of: node)
        var offset = range.lowerBound
        while offset < range.upperBound {
            guard file.bytes[offset] == UInt8(ascii: "`") else {
                offset += 1
                continue
            }
            var end = offset
            while end < range.upperBound, file.bytes[end] == UInt8(ascii: "`") { end += 1 }
            let escaped = offset > 0 && file.bytes[offset - 1] == UInt8(ascii: "\\")
            if !escaped {
                let run = end - offset
                findings.report(
                    .codeSpan, at: file.location(ofOffset: offset),
                    run == 1 ? "backtick opens no code span" : "\(run) backticks open no code span",
                    fix: "close the code span with the same number of backticks, or escape it as \\`")
                return
            }
            offset = end
        }
    }

    private static func checkTags(
        in node: MarkdownNode, file: CheckedFile, context: CheckContext, into findings: inout FindingList
    ) {
        let range = file.byteRange(of: node)
        var offset = range.lowerBound
        let bytes = file.bytes
        while offset < range.upperBound {
            guard bytes[offset] == UInt8(ascii: "<") else {
                offset += 1
                continue
            }
            if bytes[offset...].starts(with: commentOpening) {
                offset = endOfComment(in: bytes, from: offset + 4, limit: range.upperBound)
                continue
            }
            var start = offset + 1
            if start < range.upperBound, bytes[start] == UInt8(ascii: "/") { start += 1 }
            var end = start
            while end < range.upperBound, isNameByte(bytes[end], first: end == start) { end += 1 }
            if end > start {
                let name = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
                if !context.allowedHTML.contains(name) {
                    let written = String(decoding: bytes[offset..<end], as: UTF8.self)
                    if htmlElements.contains(name) {
                        findings.report(
                            .rawHTML, at: file.location(ofOffset: offset), "HTML tag <\(name)> is not allowed",
                            fix: "use Markdown, or add \"\(name)\" to allowed_html in [check] of herald.toml")
                    } else {
                        findings.report(
                            .rawHTML, at: file.location(ofOffset: offset),
                            "'\(written)>' is read as an HTML tag and vanishes from the page",
                            fix: "put the code in backticks, or write &lt; for <")
                    }
                }
            }
            offset = max(end, offset + 1)
        }
    }

    private static let commentOpening = Array("<!--".utf8)

    private static func endOfComment(in bytes: FileBytes, from start: Int, limit: Int) -> Int {
        var offset = start
        while offset + 2 < limit {
            if bytes[offset] == UInt8(ascii: "-"), bytes[offset + 1] == UInt8(ascii: "-"),
                bytes[offset + 2] == UInt8(ascii: ">")
            {
                return offset + 3
            }
            offset += 1
        }
        return limit
    }

    private static func isNameByte(_ byte: UInt8, first: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"): true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"): !first
        default: false
        }
    }

    /// The elements of HTML: a name outside this list is code or a placeholder (`Vec<T>`,
    /// `<name>`) that Markdown took for a tag.
    private static let htmlElements: Set<String> = [
        "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "blockquote", "body",
        "br", "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data", "datalist", "dd",
        "del", "details", "dfn", "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure",
        "font", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "i", "iframe",
        "img", "input", "ins", "kbd", "label", "legend", "li", "link", "main", "map", "mark", "marquee", "menu",
        "meta", "meter", "nav", "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture",
        "pre", "progress", "q", "rp", "rt", "ruby", "s", "samp", "script", "section", "select", "slot", "small",
        "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg", "table", "tbody", "td",
        "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "tt", "u", "ul", "var",
        "video", "wbr", "xmp",
    ]
}
