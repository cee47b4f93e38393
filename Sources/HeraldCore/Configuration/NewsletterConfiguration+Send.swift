import TOMLKit

extension NewsletterConfiguration {
    /// The `[send]` table: how `herald send` delivers an issue to the list itself, without a
    /// mailing service: which relays, how fast, how signed, and when a bouncing address is dropped.
    ///
    /// The defaults are cautious: one relay connection would be slow, so four; no rate limit is
    /// assumed, because a relay that needs one says so (421, 454) and the sender slows down.
    public struct Send: Hashable, Sendable {
        /// One relay and its share of the messages.
        public struct Relay: Hashable, Sendable {
            /// `smtp://user@host:587` or `smtps://user@host:465`.
            public var url: String
            /// The relay's share relative to the others' (a relay of weight 3 gets three messages for
            /// every one of a relay of weight 1).
            public var weight: Int

            public init(url: String, weight: Int = 1) {
                self.url = url
                self.weight = weight
            }
        }

        /// The relays; empty means `[list] smtp`.
        public var relays: [Relay]
        /// Messages per second never exceeded, over all connections; `nil` means no limit.
        public var rate: Double?
        /// Connections kept open at once, over all relays.
        public var connections: Int
        /// A PEM private key (RSA or Ed25519) that signs each message with DKIM; `nil` leaves
        /// messages unsigned (a relay may sign them).
        public var dkimKey: String?
        /// The DKIM selector: the key is published at `SELECTOR._domainkey.DOMAIN`.
        public var dkimSelector: String?
        /// The DKIM signing domain; `nil` takes the `From` address's domain.
        public var dkimDomain: String?
        /// Hard bounces after which an address is marked cleaned by `herald list bounces`.
        public var hardBounceLimit: Int
        /// Seconds to wait for each reply before the connection is given up and its message retried.
        public var timeout: Int

        public init(
            relays: [Relay] = [], rate: Double? = nil, connections: Int = 4, dkimKey: String? = nil,
            dkimSelector: String? = nil, dkimDomain: String? = nil, hardBounceLimit: Int = 1, timeout: Int = 120
        ) {
            self.relays = relays
            self.rate = rate
            self.connections = connections
            self.dkimKey = dkimKey
            self.dkimSelector = dkimSelector
            self.dkimDomain = dkimDomain
            self.hardBounceLimit = hardBounceLimit
            self.timeout = timeout
        }
    }
}

extension NewsletterConfiguration.Send: ConfigurationTable {
    init(reading table: inout ConfigurationTableReader) {
        self.init()
        if table.table["smtp"]?.string != nil {
            if let url = table.string("smtp") { relays = [Relay(url: url)] }
        } else if let entries = table.strings("smtp") {
            var parsed: [Relay] = []
            for entry in entries {
                switch Self.relay(entry) {
                case .success(let relay): parsed.append(relay)
                case .failure(let problem): table.report("smtp", problem.message, fix: problem.fix)
                }
            }
            relays = parsed
        }
        if let value = table.integer("rate", in: 1...1_000_000) { rate = Double(value) }
        if let value = table.integer("connections", in: 1...1000) { connections = value }
        dkimKey = table.string("dkim_key")
        dkimSelector = table.string("dkim_selector")
        dkimDomain = table.string("dkim_domain")
        if let value = table.integer("hard_bounce_limit", in: 1...1000) { hardBounceLimit = value }
        if let value = table.integer("timeout", in: 1...3600) { timeout = value }
        if dkimKey != nil, dkimSelector == nil {
            table.report("dkim_key", "[send] dkim_key is set but dkim_selector is not", fix: "add dkim_selector")
        }
        table.reportUnknownKeys()
    }

    /// `URL` or `URL weight=N`.
    private static func relay(_ entry: String) -> Result<Relay, Problem> {
        let parts = entry.split(separator: " ", omittingEmptySubsequences: true)
        guard let url = parts.first else {
            return .failure(Problem(.invalidValue, message: "an entry of [send] smtp is empty"))
        }
        guard parts.count > 1 else { return .success(Relay(url: String(url))) }
        guard parts.count == 2, parts[1].hasPrefix("weight="), let weight = Int(parts[1].dropFirst(7)),
            (1...1000).contains(weight)
        else {
            return .failure(
                Problem(
                    .invalidValue, message: "'\(entry)' in [send] smtp is not 'URL' or 'URL weight=N'",
                    fix: "write \"smtp://relay:587 weight=3\" with a weight from 1 to 1000"))
        }
        return .success(Relay(url: String(url), weight: weight))
    }
}
