import Foundation
import HeraldMarkdown

extension IssueFile {
    /// Where this issue's page is published under the site's `article_url` pattern.
    ///
    /// - Throws: ``HeraldError`` at the `Slug:` line (or the title's, for a slug made from it)
    ///   when the filled pattern would leave the output folder.
    public func outputPath(under pattern: PathPattern) throws(HeraldError) -> ContainedPath {
        do {
            return try pattern.outputPath(for: metadata)
        } catch {
            throw HeraldError(pathProblem(error))
        }
    }

    /// The name of one of this issue's files in a folder such as `herald email --out`: its
    /// number, or its slug for an unnumbered issue, with `pathExtension`.
    ///
    /// - Throws: ``HeraldError`` at the `Slug:` line when the slug is not a plain file name.
    public func fileName(withExtension pathExtension: String) throws(HeraldError) -> ContainedPath {
        let base = metadata.number.map(String.init) ?? metadata.slug
        do {
            return try ContainedPath(fileName: "\(base).\(pathExtension)")
        } catch {
            throw HeraldError(pathProblem(error))
        }
    }

    /// The problem for a path the metadata would make outside its folder, at the line the
    /// culprit most likely came from.
    package func pathProblem(_ escape: ContainedPath.Escape) -> Problem {
        let line = metadata.lines["slug"] ?? metadata.lines["title"] ?? 1
        return Problem(
            .unsafePath, file: path, location: SourceLocation(line: line, column: 1), message: escape.description,
            fix: "make 'Slug:' one word of letters, digits and '-', such as 'this-week-in-rust-533'")
    }
}
