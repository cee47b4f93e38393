extension NewsletterConfiguration {
    /// The `[search]` table: how the site's archive search reads words.
    public struct Search: Hashable, Sendable {
        /// The language of the newsletter's text, as a BCP 47 tag (`en`, `en-GB`, `de`). English
        /// words are stemmed, so "teaching" finds "teaches"; other languages are matched by whole
        /// words and prefixes only.
        public var language: String

        public init(language: String = "en") {
            self.language = language
        }

        /// Whether search reduces words to their stems: for English alone, the one language
        /// Herald has a stemmer for.
        public var stemsEnglish: Bool {
            let tag = language.lowercased()
            return tag == "en" || tag.hasPrefix("en-")
        }
    }
}

extension NewsletterConfiguration.Search: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        if let value = table.string("language", describedAs: "a language tag such as \"en\"") {
            let isTag =
                !value.isEmpty && value.count <= 35
                && value.split(separator: "-", omittingEmptySubsequences: false).allSatisfy { part in
                    (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
                }
            if isTag {
                language = value
            } else {
                table.report(
                    "language", "[search] language '\(value)' is not a language tag",
                    fix: "use a tag such as \"en\" or \"de\"")
            }
        }
        table.reportUnknownKeys()
    }
}
