import Foundation
import HeraldList
import Testing

@Suite struct ListExporterTests {
    static let subscribers = [
        Subscriber(
            id: 1, address: try! EmailAddress("ada@Example.COM"), status: .subscribed, source: .imported,
            createdAt: Date(timeIntervalSince1970: 1_579_077_000),
            confirmedAt: Date(timeIntervalSince1970: 1_579_077_070)),
        Subscriber(
            id: 2, address: try! EmailAddress("\"a,b\"@example.org"), status: .pending, source: .form,
            createdAt: Date(timeIntervalSince1970: 1_700_000_000)),
    ]

    @Test func csvHasAHeaderAndQuotesWhereNeeded() {
        let text = String(decoding: ListExporter.export(Self.subscribers, as: .csv), as: UTF8.self)
        #expect(
            text == """
                address,status,source,created_at,confirmed_at,changed_at\r
                ada@Example.COM,subscribed,import,2020-01-15T08:30:00Z,2020-01-15T08:31:10Z,2020-01-15T08:31:10Z\r
                \"\"\"a,b\"\"@example.org\",pending,form,2023-11-14T22:13:20Z,,2023-11-14T22:13:20Z\r

                """)
    }

    @Test func jsonHasOneObjectPerSubscriberWithNulls() throws {
        let data = ListExporter.export(Self.subscribers, as: .json)
        let objects = try #require(try JSONSerialization.jsonObject(with: data) as? [[String: Any]])
        #expect(objects.count == 2)
        #expect(objects[0]["address"] as? String == "ada@Example.COM")
        #expect(objects[0]["confirmed_at"] as? String == "2020-01-15T08:31:10Z")
        #expect(objects[1]["confirmed_at"] is NSNull)
        #expect(objects[1]["source"] as? String == "form")
    }
}

@Suite struct ListStatisticsTests {
    /// Wednesday 2024-05-15 12:00 UTC.
    static let now = Date(timeIntervalSince1970: 1_715_774_400)
    static let day: TimeInterval = 86_400

    static func subscriber(_ name: String, _ status: SubscriberStatus, confirmed: Date?, changed: Date) -> Subscriber {
        Subscriber(
            address: try! EmailAddress("\(name)@example.org"), status: status, source: .form,
            createdAt: Date(timeIntervalSince1970: 0), confirmedAt: confirmed, changedAt: changed)
    }

    @Test func signUpsAndLeaversAreCountedInTheirMondayWeeks() {
        let monday = Self.now.addingTimeInterval(-2 * Self.day - 12 * 3_600)
        let subscribers = [
            Self.subscriber("a", .subscribed, confirmed: monday, changed: monday),
            Self.subscriber("b", .subscribed, confirmed: monday.addingTimeInterval(-1), changed: monday),
            Self.subscriber("c", .unsubscribed, confirmed: monday.addingTimeInterval(-3 * Self.day), changed: Self.now),
            Self.subscriber("d", .cleaned, confirmed: nil, changed: monday.addingTimeInterval(-10 * Self.day)),
            Self.subscriber("e", .pending, confirmed: nil, changed: Self.now),
        ]
        let statistics = ListStatistics(
            counts: [.subscribed: 2, .unsubscribed: 1, .cleaned: 1, .pending: 1], subscribers: subscribers,
            weekCount: 3, now: Self.now)
        #expect(statistics.weeks.map(\.start) == [-14, -7, 0].map { monday.addingTimeInterval(Double($0) * Self.day) })
        #expect(statistics.weeks.map(\.signUps) == [0, 2, 1])
        #expect(statistics.weeks.map(\.leavers) == [1, 0, 1])
        #expect(statistics.text.contains("subscribed   2"))
        #expect(statistics.text.contains("2024-05-13         1        1"))
    }
}
