import Foundation
import HeraldCore
public import HeraldHTTP

/// A submitted page as fetched: where it ended up after redirects and what its head says.
public struct FetchedPage: Hashable, Sendable {
    /// The address asked for.
    public var requestedURL: String
    /// The address that answered, after redirects.
    public var finalURL: String
    /// How many redirects were followed.
    public var redirectCount: Int
    public var metadata: PageMetadata

    public init(requestedURL: String, finalURL: String, redirectCount: Int = 0, metadata: PageMetadata) {
        self.requestedURL = requestedURL
        self.finalURL = finalURL
        self.redirectCount = redirectCount
        self.metadata = metadata
    }

    /// The page's preferred address: its canonical link made absolute, or the final URL.
    ///
    /// A canonical link that points at a site's home page from an article is a common
    /// misconfiguration, so it is ignored when the article's own address has a path.
    public var address: (url: String, fromCanonical: Bool) {
        guard let canonical = metadata.canonical, let base = URL(string: finalURL),
            let resolved = URL(string: canonical, relativeTo: base)?.absoluteURL,
            ["http", "https"].contains(resolved.scheme?.lowercased() ?? ""), resolved.host != nil
        else { return (finalURL, false) }
        let isHome = resolved.path.isEmpty || resolved.path == "/"
        if isHome, !(base.path.isEmpty || base.path == "/") { return (finalURL, false) }
        return (resolved.absoluteString, true)
    }
}

/// Fetches submitted pages with the limits a contributor's command needs: a short timeout, a
/// size cap, a bounded number of redirects.
public struct PageFetcher: Sendable {
    public var client: WebClient
    /// The most time one page may take, redirects included.
    public var timeout: Duration
    /// The largest page read; the head of any real article fits well within it.
    public var sizeLimit: Int
    public var redirectLimit: Int

    public init(client: WebClient, timeout: Duration = .seconds(15), sizeLimit: Int = 4 << 20, redirectLimit: Int = 8) {
        self.client = client
        self.timeout = timeout
        self.sizeLimit = sizeLimit
        self.redirectLimit = redirectLimit
    }

    /// Fetches `url` and reads its metadata.
    ///
    /// - Throws: ``WorkflowFailure`` with ``ProblemCode/pageUnavailable`` naming the URL when
    ///   the page does not arrive or answers with an error status.
    public func fetch(_ url: String) async throws(WorkflowFailure) -> FetchedPage {
        let request = WebRequest(
            url: url, headers: [("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5")], timeout: timeout,
            bodyLimit: sizeLimit, redirectLimit: redirectLimit)
        let response: WebResponse
        do {
            response = try await client.send(request)
        } catch {
            throw WorkflowFailure(
                .network,
                Problem(.pageUnavailable, message: error.description, fix: PageFetcher.offlineHint))
        }
        guard response.isSuccess else {
            throw WorkflowFailure(
                .network,
                Problem(
                    .pageUnavailable, message: "\(response.url) answered \(response.status)",
                    fix: "check the address; " + PageFetcher.offlineHint))
        }
        let contentType = response.header("content-type")?.lowercased() ?? "text/html"
        let isHTML = contentType.contains("html") || contentType.contains("xml")
        return FetchedPage(
            requestedURL: url, finalURL: response.url, redirectCount: response.redirects.count,
            metadata: isHTML ? PageMetadata(html: response.body, contentType: contentType) : PageMetadata())
    }

    static let offlineHint = "to add it without fetching, pass --no-fetch with --title"
}
