import HeraldMarkdown

/// The heading structure of an issue body: which blocks belong to which section and group.
///
/// The first step of reading an issue. Only top-level headings count (a `#` inside a list or
/// quote is content). A heading the catalog does not know takes its parent's kind; a heading
/// of its parent's kind becomes a group of the parent, any other a subsection. Building the
/// outline is one pass over the top-level blocks.
struct SectionOutline {
    /// The blocks between two headings, or between a heading and the end of its section.
    struct BlockGroup {
        var title: String?
        var level: Int?
        var source: SourceSpan?
        var blocks: [MarkdownNode] = []

        /// The same group with its blocks reached through `view` (see ``MarkdownDocument/threadView()``).
        func seen(through view: MarkdownDocument) -> BlockGroup {
            var group = self
            group.blocks = blocks.map(view.node)
            return group
        }
    }

    struct Draft {
        var title: String
        var kind: SectionKind
        var level: Int
        var heading: SourceSpan
        var endLine: Int
        var groups: [BlockGroup]
        var children: [Int] = []
    }

    /// Every section's draft, in the order of the headings: a section's draft comes before its
    /// subsections' and after every section that ends before it.
    private(set) var drafts: [Draft] = []
    private(set) var topLevel: [Int] = []
    /// Blocks before the first heading (the introduction).
    private(set) var preamble: [MarkdownNode] = []

    init(document: MarkdownDocument, catalog: SectionCatalog, lineOffset: Int) {
        struct Frame {
            var level: Int
            var kind: SectionKind
            var owner: Int
        }
        var stack: [Frame] = []
        // An outsized issue repeats its headings by the thousand: each title is named once.
        var kindsByTitle: [String: SectionKind?] = [:]
        for block in document.root.children {
            guard let level = block.headingLevel else {
                guard let top = stack.last else {
                    preamble.append(block)
                    continue
                }
                let groupIndex = drafts[top.owner].groups.count - 1
                drafts[top.owner].groups[groupIndex].blocks.append(block)
                let endLine = SourceSpan(block, lineOffset: lineOffset).endLine
                for frame in stack { drafts[frame.owner].endLine = max(drafts[frame.owner].endLine, endLine) }
                continue
            }
            while let top = stack.last, top.level >= level { stack.removeLast() }
            let title = block.plainText.trimmingWhitespace
            let span = SourceSpan(block, lineOffset: lineOffset)
            let parent = stack.last
            let named: SectionKind?
            if let known = kindsByTitle[title] {
                named = known
            } else {
                named = catalog.kind(ofHeading: title)
                kindsByTitle[title] = .some(named)
            }
            let kind = named ?? parent?.kind ?? .generic
            for frame in stack { drafts[frame.owner].endLine = max(drafts[frame.owner].endLine, span.endLine) }
            if let parent, parent.kind == kind, kind != .generic {
                drafts[parent.owner].groups.append(BlockGroup(title: title, level: level, source: span))
                stack.append(Frame(level: level, kind: kind, owner: parent.owner))
                continue
            }
            let draft = Draft(
                title: title, kind: kind, level: level, heading: span, endLine: span.endLine, groups: [BlockGroup()])
            drafts.append(draft)
            let index = drafts.count - 1
            if let parent {
                drafts[parent.owner].children.append(index)
            } else {
                topLevel.append(index)
            }
            stack.append(Frame(level: level, kind: kind, owner: index))
        }
    }

    /// The lines from the first top-level heading to the end of the last section.
    var lineCount: Int {
        guard let first = topLevel.first, let last = topLevel.last else { return 0 }
        return drafts[last].endLine - drafts[first].heading.line + 1
    }

    /// The top-level sections, given each draft's content (by its index in ``drafts``), with
    /// their subsections.
    func sections(content: (Int) -> SectionContent) -> [Section] {
        func section(_ index: Int) -> Section {
            let draft = drafts[index]
            var source = draft.heading
            source.endLine = draft.endLine
            return Section(
                title: draft.title, kind: draft.kind, level: draft.level, source: source, content: content(index),
                subsections: draft.children.map(section))
        }
        return topLevel.map(section)
    }
}
