import Foundation
import HeraldCore

extension SitePlan {
    /// The files kept beside an issue written as a page bundle (``PageBundle``), copied beside
    /// the issue's page, so the issue's relative links (`![chart](chart.png)`) work on the site
    /// as in the editor. An issue is a bundle here only when its page is at `…/index.html`.
    func bundleFiles() -> [OutputFile] {
        var files: [OutputFile] = []
        for issue in context.issues {
            guard issue.outputPath.hasSuffix("/index.html"), PageBundle.isNamedIndex(issue.file.path),
                let bundle = PageBundle(issueFile: URL(fileURLWithPath: issue.file.path))
            else { continue }
            let target = String(issue.outputPath.dropLast("index.html".count))
            for relative in bundle.files {
                files.append(
                    OutputFile(path: target + relative, copying: bundle.folder.appendingPathComponent(relative)))
            }
        }
        return files
    }
}
