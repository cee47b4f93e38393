import Foundation
import HeraldMarkdown

extension NewsletterFolder {
    /// Makes the next issue's draft from the template, without writing it.
    ///
    /// - Parameters:
    ///   - date: the issue's date; by default the configured weekday at least
    ///     `[schedule] lead_days` after `today`, and never on or before the latest issue.
    ///   - today: the current day in the newsletter's time zone.
    /// - Returns: the draft: its number is the latest issue's number (from the content and
    ///   drafts folders) plus the intervals (`[schedule] every`) since it, or plus one with
    ///   `[schedule] numbering = "consecutive"`; its events are the previous issue's that are
    ///   still to come.
    /// - Throws: ``HeraldError`` when the template is missing or invalid, when `date` is not
    ///   after the latest issue, or when the draft's file already exists.
    public func nextDraft(on date: IssueDate? = nil, today: IssueDate) throws(HeraldError) -> Draft {
        let schedule = configuration.schedule
        let latest = allIssues.last { $0.metadata.number != nil }
        let date = date ?? defaultDraftDate(today: today, after: latest?.metadata.date)
        var warnings: [Problem] = []
        var number = 1
        if let latest, let latestNumber = latest.metadata.number {
            let latestDate = latest.metadata.date
            guard latestDate < date else {
                throw HeraldError(
                    Problem(
                        .cannotMakeDraft, file: latest.path,
                        location: SourceLocation(line: latest.metadata.lines["date"] ?? 1, column: 1),
                        message: "issue \(latestNumber) is dated \(latestDate), so a new draft cannot be dated \(date)",
                        fix: "pass a --date after \(latestDate), or leave --date out"))
            }
            let intervals = schedule.every.intervals(from: latestDate, to: date)
            let step = schedule.numbering == .consecutive ? 1 : max(1, intervals)
            let next = latestNumber.addingReportingOverflow(step)
            guard !next.overflow, IssueMetadata.numbers.contains(next.partialValue) else {
                throw HeraldError(
                    Problem(
                        .cannotMakeDraft, file: latest.path,
                        location: SourceLocation(line: latest.metadata.lines["number"] ?? 1, column: 1),
                        message: "the issue after number \(latestNumber) would be past the largest number "
                            + "Herald takes, \(IssueMetadata.numbers.upperBound)",
                        fix: "check the Number line of \(latest.path)"))
            }
            number = next.partialValue
        }
        if let weekday = schedule.weekday, date.weekday != weekday {
            warnings.append(
                Problem(
                    .offScheduleDate, severity: .warning,
                    message: "\(date) is a \(date.weekday), but issues come out on \(weekday)s",
                    fix: "check the date, or set [schedule] weekday in herald.toml"))
        }
        let template = try template()
        let eventsEnd = date.adding(days: 7 * configuration.events.windowWeeks)
        let previous = allIssues.last { $0.metadata.date < date }
        var events = CarriedEvents.none
        if let previous {
            let issue = parsed(previous).issue
            events = CarriedEvents(from: issue, in: previous, start: date, windowEnd: eventsEnd)
            // A newsletter whose template lists no events has no events to carry, and no warning.
            if template.uses(.events), issue.sections(of: .events).isEmpty {
                warnings.append(
                    Problem(
                        .noEventsSection, severity: .warning, file: previous.path,
                        message: "the previous issue has no events section, so the draft's events list is empty",
                        fix: "name the section 'Upcoming Events', or map its heading to \"events\" in [sections]"))
            }
        }
        var values: [DraftTemplate.Variable: String] = [
            .newsletter: configuration.site.title, .number: String(number), .date: date.description,
            .year: date.year.padded(4), .month: date.month.padded(2), .day: date.day.padded(2),
            .eventsEndDate: eventsEnd.description, .events: events.markdown,
        ]
        if let previous {
            values[.previousNumber] = previous.metadata.number.map(String.init) ?? ""
            values[.previousDate] = previous.metadata.date.description
            values[.previousURL] = configuration.site.url(of: previous.metadata)
        }
        let text = template.rendered(with: values)
        let metadata = try draftMetadata(of: text)
        let fileName = configuration.drafts.fileName.filled(
            with: PathPattern.values(date: date, number: number, slug: metadata.slug))
        let relativePath = configuration.paths.drafts + "/" + fileName
        if FileManager.default.fileExists(atPath: url(relativePath).path) {
            throw HeraldError(
                Problem(
                    .fileExists, file: displayPath(relativePath),
                    message: "the draft already exists; Herald does not overwrite it",
                    fix: "edit it, or delete it to make a fresh draft"))
        }
        return Draft(
            number: number, date: date, eventsEndDate: eventsEnd, relativePath: relativePath, text: text,
            previous: previous, events: events, warnings: warnings)
    }

    /// The configured weekday at least `lead_days` after `today`, or one interval after the
    /// latest issue when that is later (so a second `herald new` makes the issue after).
    ///
    /// A monthly is dated from its latest issue instead: the first date one or more months after
    /// it (the same day of the month, or the same weekday of the same week when `weekday` is
    /// set) that leaves `lead_days`, so its issues stay on their day of the month.
    public func defaultDraftDate(today: IssueDate, after latest: IssueDate?) -> IssueDate {
        let schedule = configuration.schedule
        let earliest = today.adding(days: schedule.leadDays)
        if schedule.every.unit == .month, let latest {
            var intervals = 1
            while schedule.date(intervals, after: latest) < earliest { intervals += 1 }
            return schedule.date(intervals, after: latest)
        }
        let byLead = schedule.weekday.map(earliest.next) ?? earliest
        guard let latest, latest >= byLead else { return byLead }
        let next = schedule.date(1, after: latest)
        return schedule.weekday.map(next.next) ?? next
    }

    private func template() throws(HeraldError) -> DraftTemplate {
        let path = displayPath(templatePath)
        guard let data = FileManager.default.contents(atPath: templateURL.path) else {
            throw HeraldError(
                Problem(
                    .cannotMakeDraft, file: path, message: "there is no draft template here",
                    fix: "create it, or point [drafts] template in herald.toml at yours"))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw HeraldError(
                Problem(.invalidUTF8, file: path, message: "the draft template is not UTF-8", fix: "save it as UTF-8"))
        }
        return try DraftTemplate(text, file: path)
    }

    /// The metadata of a rendered draft, so that a template without a title or date is
    /// reported against the template rather than producing a draft Herald cannot read.
    private func draftMetadata(of text: String) throws(HeraldError) -> IssueMetadata {
        do {
            return try IssueFile(path: displayPath(templatePath), text: text).metadata
        } catch {
            throw HeraldError(
                error.problems.map { problem in
                    var problem = problem
                    problem.message = "the draft made from this template is invalid: " + problem.message
                    return problem
                })
        }
    }
}
