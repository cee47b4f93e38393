import Foundation
import HeraldCore
import HeraldTestSupport
import Testing

/// Which issue files are page bundles, and which files of their folder go with them.
@Suite struct PageBundleTests {
    @Test(arguments: ["index.md", "content/007/index.md", "/a/b/INDEX.MD", "content/007/index", "007/Index.mdx"])
    func anIssueNamedIndexMayBeABundle(_ path: String) {
        #expect(PageBundle.isNamedIndex(path))
    }

    @Test(arguments: [
        "index.en.md", "content/indexes.md", "my-index.md", "content/.md", "content/index/issue.md", "",
    ])
    func otherNamesAreNever(_ path: String) {
        #expect(!PageBundle.isNamedIndex(path))
    }

    @Test func aBundleHoldsItsFolderFilesButNoOtherIssue() throws {
        let newsletter = try Newsletter(files: [
            "content/007/index.md": "Title: Seven\n\nText.\n",
            "content/007/chart.png": "png",
            "content/007/data/table.csv": "a,b\n",
            "content/008/index.md": "Title: Eight\n\nText.\n",
            "content/008/notes.md": "Not alone.\n",
        ])
        let seven = try #require(PageBundle(issueFile: newsletter.url("content/007/index.md")))
        #expect(seven.files == ["chart.png", "data/table.csv"])
        #expect(PageBundle(issueFile: newsletter.url("content/008/index.md")) == nil)
    }
}
