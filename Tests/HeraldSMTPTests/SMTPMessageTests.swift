import NIOCore
import Testing

@testable import HeraldSMTP

/// The safety checks: nothing handed to the client can add a header or a command.
struct SMTPMessageTests {
    @Test(arguments: ["\r\nBcc: victim@example.org", "\nX: y", "a\rb", "nul\0", "bell\u{07}", "del\u{7F}"])
    func aHeaderValueWithAControlCharacterIsRefusedByName(value: String) {
        let error = #expect(throws: SMTPError.self) {
            _ = try SMTPMessage(
                headers: [SMTPHeaderField("From", "a@example.org"), SMTPHeaderField("Subject", "Hi" + value)],
                body: Array("body".utf8))
        }
        #expect(error?.code == .unsafeValue)
        #expect(error?.field == "Subject")
    }

    @Test func aTabInAHeaderValueIsFine() throws {
        let message = try SMTPMessage(headers: [SMTPHeaderField("Subject", "a\tb")], body: [])
        #expect(message.bytes == Array("Subject: a\tb\r\n\r\n".utf8))
    }

    @Test(arguments: ["", "Bad Name", "Bad:Name", "Na\u{0}me"])
    func aBadHeaderNameIsRefused(name: String) {
        let error = #expect(throws: SMTPError.self) {
            _ = try SMTPMessage(headers: [SMTPHeaderField(name, "x")], body: [])
        }
        #expect(error?.code == .unsafeValue)
        #expect(error?.field == "header name")
    }

    @Test func aComposedHeaderSectionIsCheckedLineByLine() {
        let injected = #expect(throws: SMTPError.self) {
            _ = try SMTPMessage(
                composed: Array("From: a@example.org\r\nSubject: x\u{1B}[31m\r\n\r\nbody\0 is fine?".utf8))
        }
        #expect(injected?.field == "Subject")
        let notAField = #expect(throws: SMTPError.self) {
            _ = try SMTPMessage(composed: Array("From: a@example.org\r\nno colon here\r\n\r\nbody".utf8))
        }
        #expect(notAField?.field == "header line 2")
        let nulInBody = #expect(throws: SMTPError.self) {
            _ = try SMTPMessage(composed: Array("From: a@example.org\r\n\r\nbo\0dy".utf8))
        }
        #expect(nulInBody?.field == "body line 3")
    }

    @Test func foldedHeadersAndControlCharactersInTheBodyPass() throws {
        let text =
            "Subject: a long\r\n subject, folded\r\n\r\nform feed \u{0C} and escape \u{1B} are text in a body\r\n"
        #expect(try SMTPMessage(composed: Array(text.utf8)).bytes.count == text.utf8.count)
    }

    @Test func aLineOver998OctetsIsRefused() {
        let error = #expect(throws: SMTPError.self) {
            _ = try SMTPMessage(
                headers: [SMTPHeaderField("Subject", "x")], body: Array(repeating: UInt8(ascii: "a"), count: 999))
        }
        #expect(error?.code == .lineTooLong)
        #expect(error?.field == "body line 3")
    }

    @Test func transferEncodingStuffsDotsAndNormalisesLineBreaks() throws {
        let message = try SMTPMessage(composed: Array("Subject: x\n\n.one\r\n..two\r.\r\nlast".utf8))
        let encoded = message.transferEncoded()
        #expect(
            String(decoding: encoded.readableBytesView, as: UTF8.self)
                == "Subject: x\r\n\r\n..one\r\n...two\r\n..\r\nlast\r\n.\r\n")
        #expect(message.transferSize == "Subject: x\r\n\r\n.one\r\n..two\r\n.\r\nlast\r\n".utf8.count)
        let ended = try SMTPMessage(composed: Array("Subject: x\r\n\r\nbody\r\n".utf8))
        #expect(
            String(decoding: ended.transferEncoded().readableBytesView, as: UTF8.self)
                == "Subject: x\r\n\r\nbody\r\n.\r\n")
    }

    @Test(arguments: [
        ("a@example.org\r\nRCPT TO:<victim@example.org>", SMTPError.Code.unsafeValue),
        ("a@example.org\0", .unsafeValue), ("tab\t@example.org", .unsafeValue),
        ("no-at-sign", .invalidAddress), ("@example.org", .invalidAddress), ("a@", .invalidAddress),
        ("a b@example.org", .invalidAddress), ("a>@example.org", .invalidAddress),
        (String(repeating: "l", count: 65) + "@example.org", .invalidAddress),
        ("a@" + String(repeating: "d", count: 253), .invalidAddress),
    ])
    func envelopeAddressesAreChecked(address: String, code: SMTPError.Code) {
        let error = #expect(throws: SMTPError.self) {
            _ = try SMTPEnvelope(sender: "editor@example.org", recipients: ["ok@example.org", address])
        }
        #expect(error?.code == code)
        #expect(error?.field == "recipient 2")
        let sender = #expect(throws: SMTPError.self) {
            _ = try SMTPEnvelope(sender: address, recipient: "ok@example.org")
        }
        #expect(sender?.field == "sender")
    }

    @Test func theNullSenderAndInternationalAddresses() throws {
        let bounce = try SMTPEnvelope(sender: "", recipient: "ok@example.org")
        #expect(!bounce.requiresSMTPUTF8)
        #expect(try SMTPEnvelope(sender: "", recipient: "jürgen@bücher.example").requiresSMTPUTF8)
        #expect(throws: SMTPError.self) { _ = try SMTPEnvelope(sender: "", recipients: []) }
    }
}
