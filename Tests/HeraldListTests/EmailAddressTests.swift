import HeraldList
import Testing

@Suite struct EmailAddressTests {
    @Test(arguments: [
        ("Ada@Example.COM", "Ada@example.com"),
        ("  ferris@example.org ", "ferris@example.org"),
        ("first.last+tag@sub.example.co.uk", "first.last+tag@sub.example.co.uk"),
        ("jürgen@Bücher.example", "jürgen@xn--bcher-kva.example"),
        ("user@MÜNCHEN.example", "user@xn--mnchen-3ya.example"),
        ("taro@日本語.jp", "taro@xn--wgv71a119e.jp"),
        ("\"with space\"@example.org", "\"with space\"@example.org"),
        ("x@xn--bcher-kva.example", "x@xn--bcher-kva.example"),
    ])
    func validAddressesGetTheirLookupKey(_ text: String, _ key: String) throws {
        #expect(try EmailAddress(text).key == key)
    }

    @Test func theAddressIsKeptAsGiven() throws {
        let address = try EmailAddress("Ada@Example.COM")
        #expect(address.text == "Ada@Example.COM")
        #expect(address.masked == "A***@Example.COM")
    }

    @Test(arguments: [
        "", "no-at-sign", "@example.org", "user@", "user@localhost", "a..b@example.org", ".a@example.org",
        "a.@example.org", "a b@example.org", "a<b@example.org", "user@exa_mple.org", "user@-example.org",
        "user@example..org", "user@[127.0.0.1]", "user@1.2.3.4", "line\nbreak@example.org",
        "user@example.org\r\nBcc: victim@example.org", "user@exa\u{3000}mple.org", "user@exa★mple.org",
        "\"unclosed\\\"@example.org", "a,b@example.org",
    ])
    func malformedAddressesAreRefused(_ text: String) {
        #expect(throws: AddressError.self) { try EmailAddress(text) }
    }

    @Test func localPartsUpToSixtyFourOctetsPass() throws {
        let domain = "@example.org"
        #expect(try EmailAddress(String(repeating: "a", count: 64) + domain).key.count == 76)
        let error = #expect(throws: AddressError.self) { try EmailAddress(String(repeating: "a", count: 65) + domain) }
        #expect(error?.description.contains("65 bytes") == true)
        // Octets, not characters: 33 two-byte letters are 66 octets.
        #expect(throws: AddressError.self) { try EmailAddress(String(repeating: "ü", count: 33) + domain) }
    }

    @Test func addressesUpToTwoHundredFiftyFourOctetsPass() throws {
        let label = String(repeating: "d", count: 63)
        let domain = [label, label, label, String(repeating: "e", count: 58)].joined(separator: ".")
        let local = String(repeating: "l", count: 3)
        #expect((local + "@" + domain).utf8.count == 254)
        #expect(try EmailAddress(local + "@" + domain).text.utf8.count == 254)
        let error = #expect(throws: AddressError.self) { try EmailAddress("x" + local + "@" + domain) }
        #expect(error?.description.contains("255 bytes") == true)
        #expect(throws: AddressError.self) { try EmailAddress("a@" + String(repeating: "d", count: 64) + ".org") }
    }

    @Test func aLongInternationalDomainIsMeasuredInItsASCIIForm() {
        // 60 characters, but their punycode label is far longer than 63.
        #expect(throws: AddressError.self) { try EmailAddress("a@" + String(repeating: "日本語", count: 20) + ".jp") }
    }

    @Test func maskingHidesTheLocalPartOfAnyText() {
        #expect(EmailAddress.mask("secret.person@example.org") == "s***@example.org")
        #expect(EmailAddress.mask("no at sign") == "n***")
        #expect(EmailAddress.mask("x@a\nb.org") == "x***@ab.org")
        #expect(EmailAddress.mask("") == "")
        #expect(EmailAddress.mask("\u{1B}[31mred@example.org") == "***@example.org")
        #expect(EmailAddress.mask("\u{1B}]0;title") == "***")
    }
}
