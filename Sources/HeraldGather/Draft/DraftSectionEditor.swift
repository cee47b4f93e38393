import Foundation
import HeraldCore
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
        let blocks = DraftBlock.blocks(of: document, lineOffset: file.bodyStartLine - 1).filter {
            $0.start > section.source.line && $0.start <= ownEnd
        }
        let removable = blocks.filter { isReplaceable($0, kind: gathered.kind, sectionLevel: section.level) }
        // Split on scalars so each line keeps its own "\r", and joining restores every byte.
        var lines = file.text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map {
            String(String.UnicodeScalarView($0))
        }
        let lineEnd = lines.first?.hasSuffix("\r") == true ? "\r" : ""
        func isBlank(_ number: Int) -> Bool {
            number > lines.count || lines[number - 1].allSatisfy(\.isWhitespace)
        }
        let keptHeadings = blocks.filter { $0.headingLevel != nil && !removable.contains($0) }
        let groupLevel =
            removable.compactMap(\.headingLevel).first
            ?? (keptHeadings.last { $0.start < (removable.first?.start ?? .max) }?.headingLevel ?? section.level) + 1
        var inserted = gathered.markdown(groupLevel: groupLevel).split(
            separator: "\n", omittingEmptySubsequences: false
        )
        .map { String($0) + lineEnd }
        let insertion: Int
        if let first = removable.first {
            var deleted: Set<Int> = []
            for block in removable {
                var last = block.end
                while last < ownEnd, isBlank(last + 1) { last += 1 }
                deleted.formUnion(block.start...last)
            }
            deleted.formUnion(staleReferences(in: lines, section: section, ownEnd: ownEnd, kind: gathered.kind))
            insertion = first.start - 1 - deleted.filter { $0 < first.start }.count
            for number in deleted.sorted(by: >) where number <= lines.count { lines.remove(at: number - 1) }
        } else {
            let anchor = keptHeadings.last ?? blocks.first
            insertion = anchor?.end ?? section.source.line
        }
        if insertion > 0, !isBlank(insertion), !lines[insertion - 1].hasPrefix("#") { inserted.insert(lineEnd, at: 0) }
        if insertion < lines.count, !isBlank(insertion + 1) { inserted.append(lineEnd) }
        lines.insert(contentsOf: inserted, at: insertion)
        return lines.joined(separator: "\n")
    }

    /// Whether `block` is what a gathering of `kind` writes, and so is replaced.
    private func isReplaceable(_ block: DraftBlock, kind: SectionKind, sectionLevel: Int) -> Bool {
        switch kind {
        case .events:
            if let level = block.headingLevel {
                return level > sectionLevel
                    && (Region(heading: block.text) != nil
                        || regionNames.contains { $0.lowercased() == block.text.lowercased() })
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
    private func staleReferences(in lines: [String], section: Section, ownEnd: Int, kind: SectionKind) -> [Int] {
        guard kind == .projectUpdates, section.source.line < ownEnd else { return [] }
        return ((section.source.line + 1)...min(ownEnd, lines.count)).filter {
            lines[$0 - 1].trimmingCharacters(in: .whitespaces).lowercased().hasPrefix("[merged]:")
        }
    }
}
