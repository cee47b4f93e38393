import HeraldCore

extension SearchDocument {
    /// The entries of `issue` that search finds, in file order.
    ///
    /// Every typed entry is one document. Paragraphs of sections Herald has no reading for count
    /// only when they link somewhere (an old issue's announcements), so welcome lines and lists of
    /// names stay out; so does text a typed section holds besides its entries. Performance triage
    /// and editor lists are left out: they are numbers and names, the same every week. The
    /// issue's `introduction`, when it has one, is an entry too.
    ///
    /// The sections of an outsized issue (``FileSplitting``) are read in runs on every core: an
    /// archive's issues are already spread over the cores, but a single issue of 50 MB was read
    /// here on one core for a second while the other waited.
    static func documents(in issue: Issue, introduction: SearchDocument? = nil) -> [SearchDocument] {
        let sections = issue.allSections
        let found =
            issue.isOutsized
            ? sections.concurrentFlatMap(runs: FileSplitting.runs) { run in run.flatMap(documents(in:)) }
            : sections.flatMap(documents(in:))
        let documents = (introduction.map { [$0] } ?? []) + found
        return documents.filter { !$0.title.isEmpty }.sorted { $0.line < $1.line }
    }

    private static func documents(in section: Section) -> [SearchDocument] {
        let content = section.content
        let name = section.title
        var documents: [SearchDocument] = []
        func links(_ groups: [EntryGroup<LinkEntry>]?) {
            for entry in groups?.flatMap(\.entries) ?? [] {
                documents.append(
                    SearchDocument(title: entry.title, detail: entry.note, section: name, line: entry.source.line))
            }
        }
        links(content.links)
        links(content.approvedRFCs)
        links(content.newRFCs)
        links(content.projectUpdates?.groups)
        if let crate = content.crate {
            documents.append(
                SearchDocument(title: crate.name, detail: crate.description, section: name, line: crate.source.line))
        }
        if let quote = content.quote {
            documents.append(
                .prose(title: quote.author ?? name, text: quote.text, section: name, line: quote.source.line))
        }
        for entry in content.callsForTesting?.flatMap(\.entries) ?? [] {
            documents.append(carried(title: entry.title, section: name, line: entry.source.line))
        }
        for entry in content.cfpProjects?.flatMap(\.entries) ?? [] {
            let title = entry.project.map { "\($0) - \(entry.task)" } ?? entry.task
            documents.append(carried(title: title, section: name, line: entry.source.line))
        }
        for entry in content.cfpEvents?.flatMap(\.entries) ?? [] {
            let detail = [entry.location, entry.eventDates].compactMap { $0 }.joined(separator: " · ")
            documents.append(carried(title: entry.event, detail: detail, section: name, line: entry.source.line))
        }
        for entry in content.finalCommentPeriod?.flatMap(\.entries) ?? [] {
            documents.append(carried(title: entry.title, section: name, line: entry.source.line))
        }
        for entry in content.jobs?.flatMap(\.entries) ?? [] {
            documents.append(
                carried(title: entry.title, detail: entry.employer, section: name, line: entry.source.line))
        }
        for entry in content.events?.flatMap(\.entries) ?? [] {
            documents.append(event(entry, section: name))
        }
        for block in content.blocks?.flatMap(\.entries) ?? [] where !block.links.isEmpty {
            // Text that a typed section holds besides its entries is mostly the same introduction
            // every week ("These RFCs were approved…"): only its newest appearance is a result.
            documents.append(
                section.kind == .generic
                    ? SearchDocument(title: block.text, section: name, line: block.source.line)
                    : carried(title: block.text, section: name, line: block.source.line))
        }
        return documents
    }

    /// An entry of a list that issues carry from week to week until it is done (calls for
    /// testing or participation, final comment periods, jobs): the same entry in a later issue
    /// has the same ``repeatKey``, so only its newest appearance is a result.
    private static func carried(title: String, detail: String? = nil, section: String, line: Int) -> SearchDocument {
        let key = [section, title, detail ?? ""].joined(separator: "\u{1F}")
        return SearchDocument(title: title, detail: detail, section: section, line: line, repeatKey: key)
    }

    /// An event, titled by its talks or meetup names, with its date, place and organiser; the
    /// same event in the next issue's list has the same ``repeatKey``.
    private static func event(_ entry: EventEntry, section: String) -> SearchDocument {
        let title = entry.titles.isEmpty ? entry.text : entry.titles.map(\.title).joined(separator: " / ")
        let date = entry.dateText ?? entry.date?.description
        let detail = [date, entry.location, entry.organiser?.name].compactMap { $0 }.joined(separator: " · ")
        let key = [title, entry.date?.description ?? entry.dateText ?? "", entry.location ?? ""].joined(
            separator: "\u{1F}")
        return SearchDocument(title: title, detail: detail, section: section, line: entry.source.line, repeatKey: key)
    }
}
