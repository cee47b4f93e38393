import HeraldCore
import HeraldMarkdown

/// `foreign-syntax`: another generator's syntax in the body (a Hugo or Zola shortcode, a
/// Handlebars partial, an MDX statement or component). Herald cannot run it and leaves it out of
/// the page, so the editor hears of it here rather than from a page missing its figure.
enum ForeignSyntaxRules {
    static func check(_ file: CheckedFile, into findings: inout FindingList) {
        for construct in file.foreignSyntax?.constructs ?? [] {
            findings.report(
                .foreignSyntax,
                at: SourceLocation(line: construct.location.line + file.lineOffset, column: construct.location.column),
                "\(construct.description) is left out of the page: Herald does not run other generators' syntax",
                fix: construct.fix)
        }
    }
}
