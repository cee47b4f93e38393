import HeraldCore
import HeraldMarkdown

/// The `dialect-*` rules: Markdown that Python-Markdown (what Pelican renders with) and
/// CommonMark (what Herald renders with) read differently, so that an archive migrating from
/// Pelican is fixed once, before the switch, rather than changing under its readers.
///
/// They run only with `herald check --migrating`: a newsletter written for Herald has no reason
/// to avoid what Python-Markdown gets wrong.
enum DialectRules {
    static func check(_ file: CheckedFile, into findings: inout FindingList) {
        let source = DialectSource(file: file)
        checkListStarts(in: source, into: &findings)
        checkNestedIndents(in: source, into: &findings)
        checkOverIndentedItems(in: source, into: &findings)
        let definitions = checkReferenceDefinitions(in: source, into: &findings)
        checkSplitLinks(in: source, definitions: definitions, into: &findings)
        checkScripts(in: source, into: &findings)
        checkAttributeLists(in: source, into: &findings)
    }

    /// `<script>`: Python-Markdown passes it through and the browser runs it; Herald's tag
    /// filter (GitHub's) writes it as text, so the page shows the code instead.
    static func checkScripts(in source: DialectSource, into findings: inout FindingList) {
        let file = source.file
        for node in file.document.root.descendants where node.kind == .html || node.kind == .htmlBlock {
            let range = file.byteRange(of: node)
            guard let offset = source.firstOffset(of: "<script", in: range) else { continue }
            findings.report(
                .dialectScript, at: file.location(ofOffset: offset),
                "Python-Markdown passes <script> to the page; Herald writes it out as text",
                fix: "remove the script, or put it in the site's templates")
        }
    }
}
