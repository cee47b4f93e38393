import Foundation
import HeraldCore
import Testing

/// What a build reads is named once; the build, the preview's watcher and the theme all use it.
struct BuildInputsTests {
    let root = URL(fileURLWithPath: "/newsletters/kettle")

    @Test func theDefaultsAreContentDraftsAndThemeWithTheConfiguration() {
        let inputs = BuildInputs(root: root, configuration: nil)
        #expect(
            inputs.folders.map(\.path) == [
                "/newsletters/kettle/content", "/newsletters/kettle/draft", "/newsletters/kettle/theme",
            ])
        #expect(inputs.files.map(\.path) == ["/newsletters/kettle/herald.toml"])
        #expect(inputs.theme.path == "/newsletters/kettle/theme")
    }

    @Test func pagesOutsideTheContentAndTheMetadataTableAreRead() throws {
        let configuration = try NewsletterConfiguration(
            toml: """
                [paths]
                content = "_posts"
                drafts = "_posts/drafts"
                pages = "about"

                [content]
                metadata = "issues.toml"
                """)
        let inputs = BuildInputs(root: root, configuration: configuration)
        // The drafts lie inside the content folder, so the content folder stands for both.
        #expect(inputs.folders.map(\.lastPathComponent) == ["_posts", "about", "theme"])
        #expect(inputs.files.map(\.lastPathComponent) == ["herald.toml", "issues.toml"])
    }

    @Test func aFolderNamedTwiceIsReadOnce() throws {
        let configuration = try NewsletterConfiguration(
            toml: """
                [paths]
                content = "issues"
                drafts = "issues"
                """)
        let inputs = BuildInputs(root: root, configuration: configuration)
        #expect(inputs.folders.map(\.lastPathComponent) == ["issues", "theme"])
    }
}
