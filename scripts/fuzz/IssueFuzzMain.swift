// libFuzzer entry point for issue files: any bytes are read as an issue (header + body), then go
// through `herald check`'s linter, `herald export` and the site's issue page renderer, the three
// paths that meet a file from a pull request. Compiled into the HeraldSite module by
// scripts/fuzz.sh (so the internal page renderer is reachable); not part of the package.

import Foundation
import HeraldCheck
import HeraldCore

/// An empty newsletter with the default configuration, made once: the linter reads its archive
/// (none) and its settings.
private let newsletter: NewsletterFolder = {
    let root = URL(fileURLWithPath: NSTemporaryDirectory())
        .appendingPathComponent("herald-fuzz-issue-\(getpid())")
    try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    return try! NewsletterFolder(at: root, configuration: NewsletterConfiguration())
}()

private let theme = try! Theme(overridesIn: nil)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzIssueFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: data == nil ? 0 : size))
    let path = "content/fuzz.md"
    _ = Linter(folder: newsletter).check([Linter.Source(path: path, bytes: bytes)])
    guard let file = try? IssueFile(path: path, data: Data(bytes)) else { return 0 }
    let export = IssueExporter().export([file])
    precondition(export.export.issues.count <= 1, "one file exported as several issues")
    let configuration = newsletter.configuration
    guard let issue = try? SiteIssue(file: file, isDraft: false, articleURL: configuration.site.articleURL) else {
        return 0
    }
    let context = SiteContext(
        configuration: configuration, options: BuildOptions(output: newsletter.root), theme: theme,
        issues: [issue], pages: [], staticFolders: [])
    let html = IssuePage(context: context, issue: issue, previous: nil, next: nil).html()
    precondition(!html.isEmpty, "an issue page rendered empty")
    return 0
}
