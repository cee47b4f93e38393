import Testing

@testable import HeraldSend

@Suite struct MessageTemplateTests {
    @Test func markerSplitBySoftLineBreaksIsFound() {
        let body = Array("ab heraldun=\r\nsubscribeX cd\r\nheraldunsubscribeX".utf8)
        let segments = MessageTemplate.segments(of: body, around: Array("heraldunsubscribeX".utf8))
        #expect(segments.map { String(decoding: $0, as: UTF8.self) } == ["ab ", " cd\r\n", ""])
    }
}
