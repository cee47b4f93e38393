extension Issue {
    /// Every destination the issue's typed entries link to, in document order: what a mention
    /// of a crate is looked for in.
    var linkURLs: [String] {
        var urls: [String] = []
        for section in allSections {
            let content = section.content
            let linkGroups = [content.links, content.approvedRFCs, content.newRFCs, content.projectUpdates?.groups]
                .compactMap { $0 }.joined()
            urls += linkGroups.flatMap(\.entries).compactMap(\.url)
            urls += (content.blocks ?? []).flatMap(\.entries).flatMap(\.links).map(\.url)
            urls += (content.callsForTesting ?? []).flatMap(\.entries).compactMap(\.url)
            urls += (content.cfpProjects ?? []).flatMap(\.entries).compactMap(\.url)
            if let url = content.crate?.url { urls.append(url) }
        }
        return urls
    }
}
