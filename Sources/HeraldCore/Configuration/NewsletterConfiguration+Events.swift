extension NewsletterConfiguration {
    /// The `[events]` table: how far ahead the events list of a new draft looks.
    public struct Events: Hashable, Sendable {
        /// Events up to this many weeks after an issue's date are listed plainly; later ones
        /// are carried forward but marked, so the editors can decide.
        public var windowWeeks: Int
        /// The region headings an events section is grouped under, in order; `herald check`
        /// reports any other (`event-region`).
        public var regions: [String]

        public init(windowWeeks: Int = 4, regions: [String] = Events.twirRegions) {
            self.windowWeeks = windowWeeks
            self.regions = regions
        }

        /// This Week in Rust's regions: online events first, then the continents.
        public static let twirRegions = [
            "Virtual", "Africa", "Asia", "Europe", "North America", "Oceania", "South America",
        ]
    }
}
