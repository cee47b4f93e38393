import Foundation

/// The words Herald's pages, search and email edition show around an issue ("Previous issue",
/// "Subscribe", "View in browser"), in the site's language.
///
/// Foundation has locale data for dates but none for a site's labels, so Herald carries its own
/// short tables for the languages community weeklies are written in, picked by `[site] language`
/// (`zh-CN` falls back to `zh`, an unknown language to English). `[labels]` in `herald.toml`
/// replaces any label, for a language Herald has no table for or a wording of one's own.
/// Labels hold placeholders in braces (`{title}`, `{count}`) that the page fills in.
public struct SiteLabels: Hashable, Sendable {
    /// One label; the raw value is its key in `[labels]` and in templates (`{{labels.archive}}`).
    public enum Key: String, CaseIterable, Sendable {
        case skipToContent = "skip_to_content"
        case siteNavigation = "site_navigation"
        case archive
        case search
        case feed
        case followByFeed = "follow_by_feed"
        case eventsAs = "events_as"
        case calendar
        case fullStop = "full_stop"
        case getByEmail = "get_by_email"
        case thisIssueAcrossArchive = "this_issue_across_archive"
        case otherIssues = "other_issues"
        case previousIssue = "previous_issue"
        case nextIssue = "next_issue"
        case draftBanner = "draft_banner"
        case subscribeHeading = "subscribe_heading"
        case subscribeText = "subscribe_text"
        case emailAddress = "email_address"
        case subscribe
        case leaveEmpty = "leave_empty"
        case latestIssue = "latest_issue"
        case noIssueYet = "no_issue_yet"
        case recentIssues = "recent_issues"
        case draft
        case everyIssueInArchive = "every_issue_in_archive"
        case archiveIntro = "archive_intro"
        case acrossThem = "across_them"
        case insightsLink = "insights_link"
        case categoryIntro = "category_intro"
        case pageNotFound = "page_not_found"
        case notFoundText = "not_found_text"
        case archiveLink = "archive_link"
        case homeLink = "home_link"
        case searchLabel = "search_label"
        case searchHelp = "search_help"
        case results
        case orBrowse = "or_browse"
        case everyIssueLink = "every_issue_link"
        case searchIssue = "search_issue"
        case searchNone = "search_none"
        case searchOne = "search_one"
        case searchMany = "search_many"
        case searchAtLeast = "search_at_least"
        case searchShowing = "search_showing"
        case searchMore = "search_more"
        case searchCommon = "search_common"
        case searchFailed = "search_failed"
        case searchHint = "search_hint"
        case issueNumber = "issue_number"
        case viewInBrowser = "view_in_browser"
        case whySubscribed = "why_subscribed"
        case unsubscribe
        case readOnTheWeb = "read_on_the_web"
        case links
        case insightsTitle = "insights_title"
        case insightsIntro = "insights_intro"
        case everyQuote = "every_quote"
        case cratesOfTheWeek = "crates_of_the_week"
        case people
        case eventsByPlace = "events_by_place"
        case crateTitle = "crate_title"
        case mentionedIn = "mentioned_in"
        case crateOfTheWeek = "crate_of_the_week"
        case suggestedBy = "suggested_by"
        case issuesLinkingTo = "issues_linking_to"
        case quotesOfTheWeek = "quotes_of_the_week"
        case saidHere = "said_here"
        case quotedIn = "quoted_in"
        case quoted
        case edited
        case suggestedCrate = "suggested_crate"
        case suggestedQuote = "suggested_quote"
        case eventsIn = "events_in"
        case eventPlaces = "event_places"
        case upcomingAs = "upcoming_as"
        case listedIn = "listed_in"
        case issueCountOne = "issue_count_one"
        case issueCount = "issue_count"
        case eventCountOne = "event_count_one"
        case eventCount = "event_count"

        /// The labels the search script uses as it lists results.
        public static let searchScript: [Key] = [
            .searchIssue, .searchNone, .searchOne, .searchMany, .searchAtLeast, .searchShowing, .searchMore,
            .searchCommon, .searchFailed, .searchHint, .fullStop,
        ]
    }

    private let texts: [Key: String]

    /// The labels for `language` (a BCP 47 tag), with `overrides` in place of the table's.
    public init(language: String, overrides: [Key: String] = [:]) {
        let table = SiteLabels.table(for: language)
        texts = SiteLabels.english.merging(table) { _, own in own }.merging(overrides) { _, own in own }
    }

    /// The label's text, placeholders as written.
    public subscript(key: Key) -> String { texts[key] ?? "" }

    /// The label's text with `{name}` placeholders replaced by `values[name]`.
    public func text(_ key: Key, _ values: [String: String] = [:]) -> String {
        var text = self[key]
        for (name, value) in values { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    /// Every label by key, with `values` filled in: what templates see as `labels`.
    public func all(filling values: [String: String]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0.rawValue, text($0, values)) })
    }

    /// The built-in table for a tag's language (`zh-Hans-CN` → `zh`), or none.
    static func table(for language: String) -> [Key: String] {
        let primary = language.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map { $0.lowercased() } ?? ""
        return translations[primary] ?? [:]
    }

    private static let translations: [String: [Key: String]] = [
        "zh": chinese, "de": german, "fr": french, "es": spanish, "ja": japanese, "pt": portuguese,
    ]
}
