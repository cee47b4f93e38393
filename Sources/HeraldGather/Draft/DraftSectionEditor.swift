import Foundation
public import HeraldCore
import HeraldMarkdown

/// Puts a gathered section into a draft: replaces what an earlier gathering (or the editors)
/// wrote in that section's place, and leaves every other byte of the file as it was.
///
/// What is replaced depends on the section: in events, the region headings and their lists;
/// in the GitHub sections, the lists, the linked group headings (`##### [Cargo](…)`) and the
/// italic "no items this week" notes; in project updates, only the merged count; in the forum
/// sections, only the nominations comment Herald wrote. The section's introduction, its
/// closing paragraphs, HTML comments and nested sections of other kinds stay. When there is
/// nothing to replace, the gathered block goes after the section's introduction.
public struct DraftSectionEditor: Sendable {
    public var catalog: SectionCatalog
    /// Headings that are event regions, besides Herald's own region names.
    public var regionNames: [String]

    public init(catalog: SectionCatalog = .twir, regionNames: [String] = []) {
        self.catalog = catalog
        self.regionNames = regionNames
    }

    /// The draft's text with `gathered` in place of its section's gathered part.
    ///
    /// - Throws: ``GatherError`` when the draft has no section of that kind.
    public func replacing(_ gathered: GatheredSection, in file: IssueFile) throws(GatherError) -> String {
        let (document, reading) = ParsedIssue(file, catalog: catalog).parse()
        let issue = reading.issue
        guard let section = issue.section(gathered.kind) else {
            throw GatherError(
                .cannotUpdateDraft, source: file.path,
                message: "the draft has no \(gathered.kind.id) section to put the gathered entries in",
                fix: "add its heading to the draft, or run without --into-draft and paste the output")
        }
        let ownEnd = section.subsections.map { $0.source.line - 1 }.min() ?? section.source.endLine
        let blocks = DraftBlock.blocks(of: document, in: file).filter {
            $0.start > section.source.line && $0.start <= ownEnd
        }
        let removable = blocks.filter { isReplaceable($0, kind: gathered.kind, sectionLevel: section.level) }
        let lines = file.lines(1...Int.max)
        func isBlank(_ number: Int) -> Bool {
            number > lines.count || lines[number - 1].allSatisfy(\.isWhitespace)
        }
        let keptHeadings = blocks.filter { $0.headingLevel != nil && !removable.contains($0) }
        let groupLevel =
            removable.compactMap(\.headingLevel).first
            ?? (keptHeadings.last { $0.start < (removable.first?.start ?? .max) }?.headingLevel ?? section.level) + 1
        var edit = LineEdit()
        var removed: Set<Int> = []
        let insertion: Int
        if let first = removable.first {
            for block in removable {
                var last = block.end
                while last < ownEnd, isBlank(last + 1) { last += 1 }
                removed.formUnion(block.start...last)
            }
            removed.formUnion(staleReferences(in: lines, section: section, ownEnd: ownEnd, kind: gathered.kind))
            for number in removed where number <= lines.count { edit.remove(number...number) }
            insertion = first.start - 1
        } else {
            let anchor = keptHeadings.last ?? blocks.first
            insertion = anchor?.end ?? section.source.line
        }
        // The lines the gathered block will sit between, once the replaced ones are gone.
        let before = stride(from: insertion, to: 0, by: -1).first { !removed.contains($0) }
        let after = (insertion + 1..<lines.count + 1).first { !removed.contains($0) }
        var inserted = gathered.markdown(groupLevel: groupLevel).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map(String.init)
        if let before, !isBlank(before), !lines[before - 1].hasPrefix("#") { inserted.insert("", at: 0) }
        if let after, !isBlank(after) { inserted.append("") }
        edit.insert(inserted, after: insertion)
        return edit.applied(to: file.text).text
    }

    /// Whether `block` is what a gathering of `kind` writes, and so is replaced.
    private func isReplaceable(_ block: DraftBlock, kind: SectionKind, sectionLevel: Int) -> Bool {
        switch kind {
        case .events:
            if let level = block.headingLevel {
                return level > sectionLevel
                    && (Region(heading: block.text) != nil
                        || regionNames.contains { $0.equalsIgnoringCase(block.text) })
            }
            return block.kind == .list || block.isNote
        case .projectUpdates:
            return block.kind == .paragraph && block.isMergedCount
        case .crateOfTheWeek, .quoteOfTheWeek, .cfpProjects:
            return block.kind == .htmlBlock && block.text.hasPrefix(ForumGatherer.Result.marker)
        default:
            if let level = block.headingLevel { return level > sectionLevel && block.hasLink }
            return block.kind == .list || block.isNote
        }
    }

    /// The `[merged]: …` reference line of an older merged count, which would otherwise stay.
    private func staleReferences(in lines: [Substring], section: Section, ownEnd: Int, kind: SectionKind) -> [Int] {
        guard kind == .projectUpdates, section.source.line < ownEnd else { return [] }
        return ((section.source.line + 1)...min(ownEnd, lines.count)).filter {
            lines[$0 - 1].trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("[merged]:")
        }
    }
}
