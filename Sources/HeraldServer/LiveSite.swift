import Foundation
public import HeraldCore
import HeraldSite

/// The preview's site: rebuilds it on demand with the incremental ``SiteBuilder`` and remembers
/// whether the last build failed, so pages can show why.
///
/// An actor, so two changes saved close together build one after the other, never at once
/// into the same output folder. The build itself runs on a thread of its own and what requests
/// read (``problems``) sits behind a lock rather than on the actor, so no request waits for a
/// rebuild: each is answered from the last good site the output folder holds.
public actor LiveSite {
    public let options: PreviewOptions
    private let state = BuildState()

    public init(options: PreviewOptions) {
        self.options = options
    }

    /// What stopped the last build; empty after a good one. Read without waiting for a build.
    public nonisolated var problems: [Problem] { state.problems }

    /// Reads the newsletter again and builds what changed.
    ///
    /// - Parameter baseURL: the address pages are served from, so feeds and absolute links
    ///   point at the preview rather than the published site.
    public func rebuild(baseURL: String) async -> BuildOutcome {
        let options = options
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<BuildOutcome, Never>) in
            Thread.detachNewThread {
                continuation.resume(returning: LiveSite.build(options, baseURL: baseURL))
            }
        }
        state.problems = outcome.problems
        return outcome
    }

    private static func build(_ options: PreviewOptions, baseURL: String) -> BuildOutcome {
        do throws(HeraldError) {
            let newsletter = try NewsletterFolder(at: options.folder)
            let builder = SiteBuilder(
                newsletter: newsletter,
                options: BuildOptions(output: options.output, includeDrafts: options.includeDrafts, baseURL: baseURL))
            return .built(try builder.build())
        } catch {
            return .failed(error.problems)
        }
    }

    /// The site path of the current draft's page (``HeraldCore/NewsletterFolder/currentDraft``),
    /// e.g. `/blog/2025/03/05/this-week-in-rust-590/`, for the terminal to offer; `nil` when there
    /// is no draft or drafts are left out.
    public func currentDraftPath() -> String? {
        guard options.includeDrafts, let newsletter = try? NewsletterFolder(at: options.folder),
            let draft = newsletter.currentDraft
        else { return nil }
        let pattern = newsletter.configuration.site.articleURL
        guard (try? draft.outputPath(under: pattern)) != nil else { return nil }
        let path = pattern.filled(for: draft.metadata)
        return path.hasPrefix("/") ? path : "/" + path
    }
}

/// The last build's problems, shared between the builder and every request under a lock.
private final class BuildState: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [Problem] = []

    var problems: [Problem] {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
