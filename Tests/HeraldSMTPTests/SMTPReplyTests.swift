import Testing

@testable import HeraldSMTP

struct SMTPReplyTests {
    private func parse(_ lines: [String]) throws -> [SMTPReply] {
        var parser = SMTPReplyParser()
        return try lines.compactMap { line throws(SMTPError) in try parser.consume(line: Array(line.utf8)) }
    }

    @Test func aMultiLineReplyKeepsEveryLine() throws {
        let replies = try parse([
            "250-relay.example greets you", "250-PIPELINING", "250-SIZE 1000", "250 AUTH PLAIN LOGIN",
        ])
        #expect(replies.count == 1)
        #expect(replies[0].code == 250)
        #expect(replies[0].lines == ["relay.example greets you", "PIPELINING", "SIZE 1000", "AUTH PLAIN LOGIN"])
        #expect(replies[0].category == .success)
    }

    @Test func enhancedStatusCodesAndCategories() throws {
        let replies = try parse([
            "550 5.1.1 No such user", "454 4.7.0 Throttling failure", "354 End data with .", "221",
        ])
        #expect(replies.map(\.category) == [.permanent, .transient, .intermediate, .success])
        #expect(replies[0].enhancedStatusCode == EnhancedStatusCode(statusClass: 5, subject: 1, detail: 1))
        #expect(replies[0].text == "No such user")
        #expect(replies[0].description == "550 5.1.1 No such user")
        #expect(replies[1].enhancedStatusCode?.description == "4.7.0")
        #expect(replies[2].enhancedStatusCode == nil)
        #expect(replies[3].lines == [""])
    }

    @Test func aCodeWhoseClassDisagreesIsNotAnEnhancedCode() throws {
        let reply = try #require(try parse(["250 2.0.0 queued as 5.1.1"]).first)
        #expect(reply.enhancedStatusCode?.description == "2.0.0")
        #expect(try parse(["250 5.1.1 odd"]).first?.enhancedStatusCode == nil)
        #expect(try parse(["550 1.2.3 version"]).first?.enhancedStatusCode == nil)
    }

    @Test(arguments: [["hello"], ["25"], ["250-one", "251 two"], ["250+x"], ["650 nope"], ["2x0 bad"]])
    func malformedRepliesAreProtocolViolations(lines: [String]) {
        let error = #expect(throws: SMTPError.self) { try parse(lines) }
        #expect(error?.code == .protocolViolation)
    }

    @Test func anEndlessReplyIsCutOff() {
        var parser = SMTPReplyParser()
        let long = Array(repeating: UInt8(ascii: "a"), count: SMTPReplyParser.maximumLineLength + 1)
        #expect(throws: SMTPError.self) { _ = try parser.consume(line: Array("250 ".utf8) + long) }
        var many = SMTPReplyParser()
        let error = #expect(throws: SMTPError.self) {
            for _ in 0...SMTPReplyParser.maximumLineCount { _ = try many.consume(line: Array("250-x".utf8)) }
        }
        #expect(error?.code == .protocolViolation)
    }

    @Test func extensionsFromEHLO() {
        let reply = SMTPReply(
            code: 250,
            lines: [
                "relay.example", "STARTTLS", "auth plain login", "AUTH=CRAM-MD5", "PIPELINING", "SIZE 35882577",
                "8BITMIME",
                "SMTPUTF8", "ENHANCEDSTATUSCODES", "X-UNKNOWN thing",
            ])
        let extensions = SMTPServerExtensions(ehlo: reply)
        #expect(extensions.startTLS && extensions.pipelining && extensions.eightBitMIME)
        #expect(extensions.smtpUTF8 && extensions.enhancedStatusCodes && extensions.size)
        #expect(extensions.authMechanisms == ["PLAIN", "LOGIN", "CRAM-MD5"])
        #expect(extensions.sizeLimit == 35_882_577)
        let bare = SMTPServerExtensions(ehlo: SMTPReply(code: 250, lines: ["relay.example", "SIZE", "SIZE 0"]))
        #expect(bare.size && bare.sizeLimit == nil && !bare.startTLS && bare.authMechanisms.isEmpty)
    }
}
