import Foundation
import HeraldCore
import HeraldSite

/// The preview's site: rebuilds it on demand with the incremental ``SiteBuilder`` and remembers
/// whether the last build failed, so pages can show why.
///
/// An actor, so two changes saved close together build one after the other, never at once
/// into the same output folder.
public actor LiveSite {
    public let options: PreviewOptions
    /// What stopped the last build; empty after a good one.
    public private(set) var problems: [Problem] = []

    public init(options: PreviewOptions) {
        self.options = options
    }

    /// Reads the newsletter again and builds what changed.
    ///
    /// - Parameter baseURL: the address pages are served from, so feeds and absolute links
    ///   point at the preview rather than the published site.
    public func rebuild(baseURL: String) -> BuildOutcome {
        let outcome: BuildOutcome
        do throws(HeraldError) {
            let newsletter = try NewsletterFolder(at: options.folder)
            let builder = SiteBuilder(
                newsletter: newsletter,
                options: BuildOptions(output: options.output, includeDrafts: options.includeDrafts, baseURL: baseURL))
            outcome = .built(try builder.build())
        } catch {
            outcome = .failed(error.problems)
        }
        problems = outcome.problems
        return outcome
    }

    /// The site path of the newest draft's page, e.g. `/blog/2025/03/05/this-week-in-rust-590/`,
    /// for the terminal to offer; `nil` when there is no draft or drafts are left out.
    public func newestDraftPath() -> String? {
        guard options.includeDrafts, let newsletter = try? NewsletterFolder(at: options.folder),
            let draft = newsletter.drafts.last
        else { return nil }
        let path = newsletter.configuration.site.articleURL.filled(for: draft.metadata)
        return path.hasPrefix("/") ? path : "/" + path
    }
}
