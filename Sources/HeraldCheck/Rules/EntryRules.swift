import HeraldCore
import HeraldMarkdown

/// `link-format`, `unknown-prefix`, `truncated-title`, `unknown-section` and `untyped-content`:
/// the shape of a link section's entries, the headings that organise them, and what a typed
/// section holds that its kind has no place for.
enum EntryRules {
    /// Text after an entry's link is reported only in issues where it is rare (a fifth of the
    /// entries or fewer): until 2017 This Week in Rust wrote "[Title](URL). A description." on
    /// purpose, and such issues are not wrong for it.
    static func check(_ file: CheckedFile, context: CheckContext, into findings: inout FindingList) {
        var entries = 0
        var trailing: [MarkdownNode] = []
        for item in MarkdownNode.topLevelItems(of: file.document) {
            let line = file.fileLocation(item.range.start).line
            guard file.sectionKind(atLine: line) == .links else { continue }
            entries += 1
            if let link = checkEntry(item, in: file, context: context, into: &findings) { trailing.append(link) }
        }
        if trailing.count * 5 <= entries {
            for link in trailing {
                findings.report(
                    .linkFormat, at: link, "entry has text after its link",
                    fix: "end the entry with its link; put remarks in the title")
            }
        }
        checkHeadings(file, context: context, into: &findings)
        for problem in file.readingProblems where problem.code == .untypedContent {
            guard let location = problem.location else { continue }
            findings.report(.untypedContent, at: location, problem.message, fix: problem.fix)
        }
    }

    /// Checks one entry; returns its link when text follows it, for ``check(_:context:into:)``
    /// to judge against the style.
    private static func checkEntry(
        _ item: MarkdownNode, in file: CheckedFile, context: CheckContext, into findings: inout FindingList
    ) -> MarkdownNode? {
        guard let paragraph = item.firstChild, paragraph.kind == .paragraph else {
            findings.report(.linkFormat, at: item, "entry is not a line of text", fix: "write * [Title](URL)")
            return nil
        }
        guard let link = paragraph.children.first(where: { $0.kind == .link }) else {
            if paragraph.descendants.contains(where: { $0.kind == .link }) {
                findings.report(
                    .linkFormat, at: item, "entry's link is inside other markup",
                    fix: "write * [Title](URL), with no emphasis around the link")
            } else {
                findings.report(.linkFormat, at: item, "entry has no link", fix: "write * [Title](URL)")
            }
            return nil
        }
        var leading = ""
        var node = paragraph.firstChild
        while let current = node, current != link {
            leading += current.plainText
            node = current.nextSibling
        }
        let (tags, rest) = Tags.split(leading)
        if !rest.trimmed.isEmpty {
            findings.report(
                .linkFormat, at: item, "entry has text before its link: '\(rest.trimmed)'",
                fix: "put the words into the title, or use a prefix such as [video]")
        }
        for tag in tags where !isKnown(tag, context: context) {
            var location = file.fileLocation(paragraph.range.start)
            let lineBytes = Array(file.lineText(location.line).utf8)
            if let range = lineBytes.firstRange(of: Array("[\(tag)]".utf8)) { location.column = range.lowerBound + 1 }
            let known = context.configuration.check.prefixes
            let suggestion =
                Suggestion.closest(to: tag.lowercased(), among: known).map { "did you mean [\($0)]? " } ?? ""
            findings.report(
                .unknownPrefix, at: location, "unknown prefix [\(tag)]",
                fix: suggestion + "known: " + known.map { "[\($0)]" }.joined(separator: ", ")
                    + " or a two-letter language code such as [DE]")
        }
        let title = link.plainText.trimmed
        if title.isEmpty {
            findings.report(.linkFormat, at: link, "entry's link has no title", fix: "write * [Title](URL)")
        } else if isTruncated(title) {
            findings.report(
                .truncatedTitle, at: link, "title looks cut off: '\(title)'", fix: "give the whole title")
        }
        if item.children.contains(where: { $0 != paragraph && $0.kind != .list }) {
            findings.report(
                .linkFormat, at: item, "entry runs over several paragraphs", fix: "keep an entry to one line")
        }
        return link.nextSibling.map(hasText) == true ? link : nil
    }

    /// Whether siblings from `node` on hold more than spaces and closing punctuation.
    private static func hasText(_ node: MarkdownNode) -> Bool {
        var current: MarkdownNode? = node
        while let sibling = current {
            if sibling.kind != .softBreak, sibling.kind != .lineBreak,
                !sibling.plainText.allSatisfy({ $0.isWhitespace || ".,;:!".contains($0) })
            {
                return true
            }
            current = sibling.nextSibling
        }
        return false
    }

    private static func isKnown(_ tag: String, context: CheckContext) -> Bool {
        if tag.utf8.count == 2, tag.utf8.allSatisfy({ (65...90).contains($0) }) { return true }
        return context.prefixes.contains(tag.lowercased())
    }

    /// A title that ends with an ellipsis after at least 60 characters: what a page's title
    /// looks like after a site or a bot shortened it to about 70. Shorter titles with an
    /// ellipsis are nearly always written that way.
    static func isTruncated(_ title: String) -> Bool {
        let body: Substring
        if title.hasSuffix("...") {
            body = title.dropLast(3)
        } else if title.hasSuffix("…") {
            body = title.dropLast()
        } else {
            return false
        }
        return body.count >= 60
    }

    /// Headings the catalog does not know, at the top level or among a link section's categories.
    private static func checkHeadings(_ file: CheckedFile, context: CheckContext, into findings: inout FindingList) {
        let catalog = context.configuration.sections
        // A newsletter that names no sections reads every heading as generic; none is unknown.
        guard !catalog.rules.isEmpty else { return }
        // Each heading's kind asked once: a link section's categories are unknown headings
        // under one known one, which was asked again for each of them.
        let kinds = file.headings.map { catalog.kind(ofHeading: $0.title) }
        for (index, heading) in file.headings.enumerated() where kinds[index] == nil {
            let known = file.headingIndices(endingAt: index).dropLast().compactMap { kinds[$0] }
            guard known.isEmpty || known.last == .links else { continue }
            findings.report(
                .unknownSection, at: heading.node, "'\(heading.title)' is not a known section",
                fix: suggestion(for: heading.title, catalog: catalog))
        }
    }

    private static func suggestion(for title: String, catalog: SectionCatalog) -> String {
        let names = catalog.rules.flatMap(\.names)
        if let name = Suggestion.closest(to: title, among: names) { return "did you mean '\(name)'?" }
        return "name it in [sections] of herald.toml, or use a known heading"
    }
}

/// Bracketed prefixes at the start of an entry's text: `[video] [DE] `.
enum Tags {
    static func split(_ text: String) -> (tags: [String], rest: String) {
        var tags: [String] = []
        var rest = Substring(text.trimmed)
        while rest.first == "[", let close = rest.firstIndex(of: "]") {
            let tag = rest[rest.index(after: rest.startIndex)..<close].trimmed
            if !tag.isEmpty { tags.append(tag) }
            rest = Substring(rest[rest.index(after: close)...].trimmed)
        }
        return (tags, String(rest))
    }
}

extension MarkdownNode {
    /// The items of the lists at the top level of `document`: a section's entries.
    static func topLevelItems(of document: MarkdownDocument) -> [MarkdownNode] {
        items(in: document.root.children)
    }
}
