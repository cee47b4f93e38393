public import Foundation

/// Writes the whole list for backups and for moving to another service.
public enum ListExporter {
    /// The export formats.
    public enum Format: String, Sendable, CaseIterable {
        case csv, json
    }

    /// The columns of the CSV export, also the keys of the JSON objects.
    public static let columns = ["address", "status", "source", "created_at", "confirmed_at", "changed_at"]

    public static func export(_ subscribers: [Subscriber], as format: Format) -> Data {
        switch format {
        case .csv: csv(subscribers)
        case .json: json(subscribers)
        }
    }

    /// RFC 4180 CSV with a header row and CRLF line ends, which spreadsheets and services read.
    static func csv(_ subscribers: [Subscriber]) -> Data {
        var text = columns.joined(separator: ",") + "\r\n"
        for subscriber in subscribers {
            text += values(subscriber).map { csvField($0 ?? "") }.joined(separator: ",") + "\r\n"
        }
        return Data(text.utf8)
    }

    /// A JSON array of objects, `null` for a subscriber who never confirmed.
    static func json(_ subscribers: [Subscriber]) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let rows = subscribers.map { ExportedSubscriber(values: values($0)) }
        // Strings and nulls only: encoding them cannot fail.
        return ((try? encoder.encode(rows)) ?? Data("[]".utf8)) + Data("\n".utf8)
    }

    private static func values(_ subscriber: Subscriber) -> [String?] {
        [
            subscriber.address.text, subscriber.status.rawValue, subscriber.source.rawValue,
            timestamp(subscriber.createdAt), subscriber.confirmedAt.map(timestamp), timestamp(subscriber.changedAt),
        ]
    }

    /// An ISO 8601 UTC time, `2024-05-01T12:00:00Z`.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }

    private static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// One subscriber in the JSON export: the CSV's columns as keys, in the same order of meaning.
private struct ExportedSubscriber: Encodable {
    let values: [String?]

    struct Key: CodingKey {
        let stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        for (column, value) in zip(ListExporter.columns, values) {
            try container.encode(value, forKey: Key(stringValue: column))
        }
    }
}
