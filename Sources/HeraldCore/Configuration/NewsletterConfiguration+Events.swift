extension NewsletterConfiguration {
    /// The `[events]` table: how far ahead the events list of a new draft looks.
    public struct Events: Hashable, Sendable {
        /// Events up to this many weeks after an issue's date are listed plainly; later ones
        /// are carried forward but marked, so the editors can decide.
        public var windowWeeks: Int

        public init(windowWeeks: Int = 4) {
            self.windowWeeks = windowWeeks
        }
    }
}
