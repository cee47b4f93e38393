import Foundation
import HeraldCore

extension SitePlan {
    /// The files kept beside an issue written as a page bundle (Zola's and Hugo's
    /// `newsletter/007/index.md` with its images), copied beside the issue's page, so the
    /// issue's relative links (`![chart](chart.png)`) work on the site as in the editor.
    ///
    /// Only an issue file named `index`, alone with its files in its folder (no other Markdown
    /// file there or below), with a page at `…/index.html`, is a bundle; Markdown files and
    /// anything named like the page itself are not copied.
    func bundleFiles() -> [OutputFile] {
        var files: [OutputFile] = []
        for issue in context.issues {
            let source = URL(fileURLWithPath: issue.file.path)
            let name = source.deletingPathExtension().lastPathComponent.lowercased()
            guard name == "index", issue.outputPath.hasSuffix("/index.html") else { continue }
            let folder = source.deletingLastPathComponent()
            let contents = SitePlan.regularFiles(under: folder)
            let isAlone = !contents.contains {
                $0 != source.lastPathComponent && IssueFileFormat(fileName: $0).isMarkdown
            }
            guard isAlone else { continue }
            let target = String(issue.outputPath.dropLast("index.html".count))
            for relative in contents
            where IssueFileFormat(fileName: relative) == .notAnIssue && relative != "index.html" {
                files.append(OutputFile(path: target + relative, copying: folder.appendingPathComponent(relative)))
            }
        }
        return files
    }
}
