/// Maps section headings to section kinds, so that Herald knows how to read each section.
///
/// Newsletters rename their sections over the years ("New RFC's", "New RFCs", "New and Updated
/// RFCs"), so a kind has several names. Headings are compared after normalisation: case,
/// apostrophes, punctuation and `&`/"and" do not matter, and a heading that starts with a name
/// ("Call for Participation; projects and speakers") matches it; the longest matching name wins.
/// A heading that matches nothing is unknown to the catalog; the issue builder then gives it the
/// kind of its parent section, or ``SectionKind/generic`` at the top level.
public struct SectionCatalog: Hashable, Sendable {
    /// The names that identify one kind of section.
    public struct Rule: Hashable, Sendable {
        public var kind: SectionKind
        public var names: [String]

        public init(kind: SectionKind, names: [String]) {
            self.kind = kind
            self.names = names
        }
    }

    /// The rules in priority order: when two rules share a name, the first one wins.
    public let rules: [Rule]
    private let kindsByName: [String: SectionKind]
    private let longestName: Int

    public init(rules: [Rule]) {
        self.rules = rules
        var kindsByName: [String: SectionKind] = [:]
        var longestName = 0
        for rule in rules {
            for name in rule.names {
                let words = SectionCatalog.words(of: name)
                guard !words.isEmpty else { continue }
                let key = words.joined(separator: " ")
                if kindsByName[key] == nil { kindsByName[key] = rule.kind }
                longestName = max(longestName, words.count)
            }
        }
        self.kindsByName = kindsByName
        self.longestName = longestName
    }

    public static func == (lhs: SectionCatalog, rhs: SectionCatalog) -> Bool { lhs.rules == rhs.rules }

    public func hash(into hasher: inout Hasher) { hasher.combine(rules) }

    /// The kind a heading names, or `nil` when the catalog does not know the heading.
    public func kind(ofHeading heading: String) -> SectionKind? {
        let words = SectionCatalog.words(of: heading)
        var count = min(words.count, longestName)
        while count > 0 {
            if let kind = kindsByName[words[0..<count].joined(separator: " ")] { return kind }
            count -= 1
        }
        return nil
    }

    /// A catalog in which `kind` is known by `names` only, taking precedence over every other
    /// rule; how `herald.toml` renames a section.
    public func naming(_ kind: SectionKind, _ names: [String]) -> SectionCatalog {
        SectionCatalog(rules: [Rule(kind: kind, names: names)] + rules.filter { $0.kind != kind })
    }

    /// Lower-cased alphanumeric words, with apostrophes dropped and `&` read as "and".
    static func words(of text: String) -> [String] {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return asciiWords(of: text) }
        var words: [String] = []
        var word = ""
        func finish() {
            if !word.isEmpty { words.append(word) }
            word = ""
        }
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                word.append(character)
            } else if character == "'" || character == "’" {
                continue
            } else if character == "&" {
                finish()
                words.append("and")
            } else {
                finish()
            }
        }
        finish()
        return words
    }

    /// ``words(of:)`` for ASCII text, byte by byte: headings are nearly always ASCII.
    private static func asciiWords(of text: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        func finish() {
            if !word.isEmpty { words.append(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
        }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): word.append(byte)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): word.append(byte | 0x20)
            case UInt8(ascii: "'"): continue
            case UInt8(ascii: "&"):
                finish()
                words.append("and")
            default: finish()
            }
        }
        finish()
        return words
    }
}

extension SectionCatalog {
    /// This Week in Rust's section names across its history (2013 to today): the default when a
    /// newsletter's `herald.toml` names no sections.
    public static let twir = SectionCatalog(rules: [
        Rule(kind: .crateOfTheWeek, names: ["Crate of the Week", "Crate & Quote of the Week"]),
        Rule(kind: .quoteOfTheWeek, names: ["Quote of the Week", "Quotes of the Week"]),
        Rule(kind: .callsForTesting, names: ["Calls for Testing", "Call for Testing"]),
        Rule(kind: .cfpEvents, names: ["CFP - Events", "CFP - Speakers", "CFP Events", "Call for Speakers"]),
        Rule(kind: .cfpProjects, names: ["Call for Participation", "CFP - Projects", "Calls for Participation"]),
        Rule(kind: .performanceTriage, names: ["Rust Compiler Performance Triage", "Compiler Performance Triage"]),
        Rule(kind: .approvedRFCs, names: ["Approved RFCs"]),
        Rule(kind: .finalCommentPeriod, names: ["Final Comment Period"]),
        Rule(kind: .newRFCs, names: ["New and Updated RFCs", "New RFCs"]),
        Rule(
            kind: .events,
            names: [
                "Upcoming Events", "Upcoming Meetups", "Meetups", "Events", "Virtual", "Online", "Africa", "Asia",
                "Asia Pacific", "Europe", "North America", "South America", "Oceania",
            ]
        ),
        Rule(kind: .jobs, names: ["Rust Jobs", "Jobs", "fn work(on: RustProject) -> Money"]),
        Rule(kind: .editors, names: ["Editors"]),
        Rule(
            kind: .projectUpdates,
            names: [
                "Updates from the Rust Project", "Updates from Rust Core", "What's cooking on master?",
                "What's cooking on nightly?", "What's cooking in master?", "What's cooking in incoming?",
                "Notable changes", "Breaking Changes", "Other Changes",
            ]
        ),
        Rule(
            kind: .links,
            names: [
                "Updates from Rust Community", "Official", "Foundation", "Newsletters", "Project/Tooling Updates",
                "Observations/Thoughts", "Rust Walkthroughs", "Research", "Miscellaneous", "News & Blog Posts",
                "Blog Posts", "Notable Links", "Community", "From the Blogosphere",
                "Other Weeklies from Rust Community",
                "Notable New Crates & Project Updates", "New Crates & Project Updates",
                "New Releases & Project Updates",
                "News & Project Updates", "Notable New Crates & Projects", "Notable New Crates", "New Crates",
                "New Projects", "Project Updates", "Videos", "Papers and Research Projects", "Papers/Research Projects",
                "Papers",
                "Learn More Rust", "Learn Standard Rust", "Learn Simple Rust", "Tooling", "Discussions",
                "Announcements", "Other Announcements", "In the News", "Internals discussions",
                "Discussion + Blog posts",
                "Notable discourse", "External projects", "Projects", "Prominent blog posts", "Some links",
            ]
        ),
        Rule(
            kind: .generic,
            names: [
                "New Contributors", "Friends of the Forest", "Friend of the Tree", "This Week in Servo",
                "Weekly Meeting", "Weekly Meetings", "Meetings", "Meeting", "Meetings and Notes", "Notable additions",
                "From the Team", "Call for Blog Posts", "#Rust2018", "#Rust2019", "#Rust2020", "Betawatch!",
                "Subteam reports", "Module of the Week", "24 Days of Rust",
            ]
        ),
    ])
}
