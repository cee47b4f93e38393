public import HeraldSMTP

/// A relay the send goes through and its share of the connections.
public struct Relay: Sendable {
    public let configuration: SMTPConfiguration
    public let weight: Int

    public init(configuration: SMTPConfiguration, weight: Int = 1) {
        self.configuration = configuration
        self.weight = max(1, weight)
    }

    /// Which relay each of `count` connections goes to, spread by weight (smooth weighted round
    /// robin): with weights 3 and 1 and four connections, three go to the first relay. Each
    /// connection takes messages as fast as its relay answers, so a relay's share of the messages
    /// follows its share of connections.
    public static func assign(_ count: Int, over relays: [Relay]) -> [SMTPConfiguration] {
        guard !relays.isEmpty else { return [] }
        let total = relays.reduce(0) { $0 + $1.weight }
        var current = Array(repeating: 0, count: relays.count)
        var assigned: [SMTPConfiguration] = []
        for _ in 0..<count {
            for index in relays.indices { current[index] += relays[index].weight }
            let chosen = current.indices.max { current[$0] < current[$1] }!
            current[chosen] -= total
            assigned.append(relays[chosen].configuration)
        }
        return assigned
    }
}
