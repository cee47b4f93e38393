import HeraldCore

extension Linter {
    /// `dead-link`: fetches every http and https link of `paths` (each address once) and
    /// reports errors, timeouts and redirects, with the final address as the fix.
    ///
    /// Answers younger than the cache's lifetime are not fetched again; new answers are added
    /// to `cache`.
    public func deadLinks(
        in paths: [String], using checker: DeadLinkChecker, cache: inout LinkCache
    ) async -> [Finding] {
        let catalog = folder.configuration.sections
        let files = paths.compactMap { path in
            readBytes(path).map {
                CheckedFile(
                    path: path, contents: FileBytes($0), catalog: catalog,
                    sources: folder.metadataSources(forFile: path))
            }
        }
        var links: [(file: Int, link: LinkOccurrence)] = []
        var urls: [String] = []
        var seen: Set<String> = []
        for (index, file) in files.enumerated() {
            for link in LinkOccurrence.all(in: file)
            where link.address.map({ ["http", "https"].contains($0.scheme) }) == true {
                links.append((index, link))
                if seen.insert(link.url).inserted { urls.append(link.url) }
            }
        }
        var outcomes: [String: LinkOutcome] = [:]
        var toFetch: [String] = []
        for url in urls {
            if let cached = cache.outcome(for: url) { outcomes[url] = cached } else { toFetch.append(url) }
        }
        for (url, outcome) in await checker.check(toFetch) {
            outcomes[url] = outcome
            cache.remember(outcome, for: url)
        }
        var lists = files.map { FindingList(file: $0) }
        for (index, link) in links {
            switch outcomes[link.url] {
            case .failed(let status):
                lists[index].report(
                    .deadLink, at: link.location, "link answers \(status) \(HTTPStatus.reason(status))",
                    fix: "find where the page moved, or remove the link")
            case .unreachable(let reason):
                lists[index].report(
                    .deadLink, at: link.location, "link does not answer: \(reason)", fix: "check the address")
            case .redirected(let target):
                lists[index].report(
                    .deadLink, at: link.location, "link redirects to \(target)", fix: "use \(target)",
                    severity: .warning)
            case .alive, nil:
                break
            }
        }
        let (settings, _) = ruleSettings()
        return zip(files, lists).flatMap { file, list in
            let ignore = IgnoreDirectives(file: file)
            return list.findings.filter { !ignore.ignores($0) }.compactMap { Linter.applying(settings, to: $0) }
        }
    }
}

/// Reason phrases for the statuses a link check meets.
enum HTTPStatus {
    static func reason(_ status: Int) -> String {
        switch status {
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 403: "Forbidden"
        case 404: "Not Found"
        case 410: "Gone"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        case 504: "Gateway Timeout"
        default: status >= 500 ? "(server error)" : "(client error)"
        }
    }
}
