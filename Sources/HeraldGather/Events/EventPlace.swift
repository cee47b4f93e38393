import Foundation

/// Where an event happens, as the events section writes it: `Virtual (Berlin, DE)` or
/// `Dallas, TX, US`, and the region it is listed under.
///
/// Calendar locations are free text: a venue's full address, `Online`, a video-call link,
/// `Zoom (Berlin, Germany)`. The country is the last comma-separated part that names one;
/// the city is the part before it, without postal codes, with a state or province code kept
/// as This Week in Rust writes it.
public struct EventPlace: Hashable, Sendable {
    public var text: String
    public var region: Region
    public var isVirtual: Bool

    /// Places the `LOCATION` of an event called `title`.
    public init(location: String?, title: String, directory: CountryDirectory = .shared) {
        guard let location = location?.nonBlank else {
            isVirtual = EventPlace.mentionsOnline(title)
            region = isVirtual ? .virtual : .unplaced
            text = isVirtual ? "Virtual" : "Unknown location"
            return
        }
        if EventPlace.mentionsOnline(location) || WebAddress.isWebAddress(location) {
            isVirtual = true
            region = .virtual
            let place = EventPlace.city(in: EventPlace.removingOnlineWords(from: location), directory: directory)
            text = place.map { "Virtual (\($0.text))" } ?? "Virtual"
            return
        }
        isVirtual = false
        if let place = EventPlace.city(in: location, directory: directory) {
            text = place.text
            region = place.region
        } else {
            text = location
            region = .unplaced
        }
    }

    /// `City[, ST], CC` and the region, when some part of `text` names a country.
    private static func city(in text: String, directory: CountryDirectory) -> (text: String, region: Region)? {
        let parts = text.split(whereSeparator: { ",\n".contains($0) }).compactMap { String($0).nonBlank }
        guard let countryIndex = parts.lastIndex(where: { directory.code(of: withoutPostalCode($0)) != nil }),
            let code = directory.code(of: withoutPostalCode(parts[countryIndex])),
            let region = directory.region(of: code)
        else { return nil }
        let written = withoutPostalCode(parts[countryIndex])
        let country = written.count == 2 ? written.uppercased() : code
        var fields = [country]
        var index = countryIndex - 1
        if index >= 0, let state = stateCode(parts[index]) {
            fields.insert(state, at: 0)
            index -= 1
        }
        if index >= 0 {
            let city = withoutPostalCode(parts[index])
            if !city.isEmpty { fields.insert(city, at: 0) }
        }
        return (fields.joined(separator: ", "), region)
    }

    /// `TX` from `TX` or `TX 78701`, `VIC` from `VIC`: a state or province code.
    private static func stateCode(_ part: String) -> String? {
        let letters = withoutPostalCode(part)
        guard (2...3).contains(letters.count), letters.allSatisfy({ $0.isUppercase && $0.isASCII }) else { return nil }
        return letters
    }

    /// The words of `part` without those holding digits (`10179 Berlin` → `Berlin`).
    private static func withoutPostalCode(_ part: String) -> String {
        part.split(separator: " ").filter { !$0.contains(where: \.isNumber) }.joined(separator: " ")
            .trimmingCharacters(in: .whitespaces)
    }

    private static let onlineWords = [
        "online", "virtual", "zoom", "google meet", "meet.google", "microsoft teams", "jitsi", "discord", "webinar",
        "livestream", "live stream", "youtube", "twitch", "remote",
    ]

    static func mentionsOnline(_ text: String) -> Bool {
        let lower = text.lowercased()
        return onlineWords.contains { lower.contains($0) }
    }

    /// The place left once the online words, links and brackets are gone: `Online (Berlin, DE)` → `Berlin, DE`.
    private static func removingOnlineWords(from text: String) -> String {
        var rest = text
        for address in WebAddress.all(in: text) { rest = rest.replacingOccurrences(of: address, with: " ") }
        for word in onlineWords {
            rest = rest.replacingOccurrences(of: word, with: " ", options: .caseInsensitive)
        }
        return rest.map { "()[]-–/:".contains($0) ? " " : $0 }.reduce(into: "") { $0.append($1) }
    }
}
