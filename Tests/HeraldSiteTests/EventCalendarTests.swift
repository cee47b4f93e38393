import Foundation
import HeraldTestSupport
import Testing

@testable import HeraldSite

/// `events.ics` follows RFC 5545's syntax: CRLF lines of at most 75 octets, escaped text.
@Suite struct EventCalendarTests {
    @Test func theNewestIssuesEventsAreWellFormed() throws {
        let site = try SiteFixture()
        try site.build()
        let data = try Data(contentsOf: site.output.appendingPathComponent("events.ics"))
        let text = try #require(String(data: data, encoding: .utf8))
        #expect(text.hasSuffix("\r\n"))
        let lines = text.components(separatedBy: "\r\n").dropLast()
        #expect(!lines.contains { $0.contains("\n") || $0.contains("\r") }, "every line ends in CRLF")
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(lines.first == "BEGIN:VCALENDAR")
        #expect(lines.last == "END:VCALENDAR")
        #expect(lines.contains("VERSION:2.0"))
        #expect(lines.contains { $0.hasPrefix("PRODID:") })
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "").components(separatedBy: "\r\n")
        let events = unfolded.filter { $0 == "BEGIN:VEVENT" }.count
        #expect(events == 1, "issue 45 lists one upcoming event")
        #expect(unfolded.filter { $0 == "END:VEVENT" }.count == events)
        for property in ["UID:", "DTSTAMP:", "DTSTART;VALUE=DATE:20250410", "SUMMARY:", "LOCATION:", "URL:"] {
            #expect(unfolded.contains { $0.hasPrefix(property) }, "no \(property)")
        }
        #expect(
            unfolded.contains(
                #"SUMMARY:Parsing\, carefully\; with commas\, semicolons and a very long title that needs folding"#))
        #expect(unfolded.contains(#"LOCATION:Virtual (Lisbon\, PT)"#))
        #expect(unfolded.contains("URL:https://quill-lisboa.example/events/7"))
    }

    @Test func foldingNeverSplitsACharacter() {
        let line = "SUMMARY:" + String(repeating: "é", count: 60)
        let folded = EventCalendar.fold(line)
        let parts = folded.components(separatedBy: "\r\n")
        #expect(parts.count == 2)
        #expect(parts.allSatisfy { $0.utf8.count <= 75 })
        #expect(parts[1].hasPrefix(" "))
        #expect(folded.replacingOccurrences(of: "\r\n ", with: "") == line)
    }

    @Test func textValuesAreEscaped() {
        #expect(EventCalendar.escape("a,b;c\\d\ne") == #"a\,b\;c\\d\ne"#)
    }

    @Test("escaping and folding on bytes agree with the definitions on characters and scalars")
    func escapingAndFoldingMatchTheirDefinitions() {
        func escaped(_ text: String) -> String {
            text.map { character in
                switch character {
                case "\\": "\\\\"
                case ";": "\\;"
                case ",": "\\,"
                case "\n", "\r\n", "\r": "\\n"
                default: String(character)
                }
            }.joined()
        }
        func folded(_ line: String) -> String {
            guard line.utf8.count > 75 else { return line }
            var result = ""
            var count = 0
            for scalar in line.unicodeScalars {
                let width = String(scalar).utf8.count
                if count + width > 75 {
                    result += "\r\n "
                    count = 1
                }
                result.unicodeScalars.append(scalar)
                count += width
            }
            return result
        }
        let pieces = [
            ",", ";", "\\", "\n", "\r", "\r\n", "a", "Lisbon", " ", "é", "\u{301}", "\u{600}", "🦀", "日本", "\u{1F1F5}",
        ]
        var generator = SplitMix64(seed: 5545)
        for _ in 0..<2_000 {
            let text = (0..<Int(generator.next() % 60)).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))]
            }
            .joined()
            #expect(EventCalendar.escape(text) == escaped(text), "\(text.debugDescription)")
            #expect(EventCalendar.fold("SUMMARY:" + text) == folded("SUMMARY:" + text), "\(text.debugDescription)")
        }
    }
}
