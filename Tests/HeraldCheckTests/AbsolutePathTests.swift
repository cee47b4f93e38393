import Foundation
import Testing

@testable import HeraldCheck

@Suite("a checked file's absolute path")
struct AbsolutePathTests {
    /// The linter matches the files it is given with the archive's by these paths, so the text
    /// rule must give what Foundation's standardization gave, relative or absolute, with dots,
    /// repeated and trailing slashes, and a folder that exists.
    @Test(
        "is what URL's standardization gives",
        arguments: [
            "issue.md", "content/2024-01-03-this-week-in-rust.md", "./content/../content/a.md", "a/b/c/../../d.md",
            "../up.md", "/tmp//x/./y.md", "/tmp/x/../../etc", "/..", "content/", ".", "", "/",
            "caf\u{E9}/\u{1F980} week.md", FileManager.default.temporaryDirectory.path,
            // Absolute paths with nothing to resolve are taken as they are; each of the others
            // has one thing that is not.
            "/srv/weekly/content/2024-01-03-issue.md", "/srv/weekly/.hidden/a.md", "/srv/a..b/c.md", "/srv/x/",
            "//srv/x", "/srv/x/.", "/srv/x/..", "/srv/./x",
        ])
    func matchesFoundation(path: String) {
        #expect(CheckedFile.absolutePath(of: path) == URL(fileURLWithPath: path).standardizedFileURL.path)
    }
}
