import HeraldTestSupport
import Testing

@testable import HeraldSite

/// `HTMLLinks` finds attributes from their quotes and tells external links apart on bytes; these
/// tests hold it to the plain definition: scan every position for ` href="` or ` src="` (after a
/// space or a line end), skip `<!-- … -->`, and ask `Character`s whether a link has a scheme.
@Suite struct HTMLLinksTests {
    @Test func rewritesOnlyTheSitesOwnLinks() {
        let html = #"<a href="../44/">a</a><img src="x.png"><a href="https://x.example/">b</a> <a href="//cdn/">c</a>"#
        let rewritten = HTMLLinks.rewriting(html) { "[\($0)]" }
        #expect(
            rewritten
                == #"<a href="[../44/]">a</a><img src="[x.png]"><a href="https://x.example/">b</a> <a href="//cdn/">c</a>"#
        )
    }

    @Test func commentsAndUnclosedValuesStopWhereTheDefinitionSays() {
        #expect(
            HTMLLinks.rewriting(#"<!-- <a href="a"> --> <a href="b">"#) { "[\($0)]" }
                == #"<!-- <a href="a"> --> <a href="[b]">"#)
        // A comment never closed hides the rest; so does a value never closed.
        #expect(
            HTMLLinks.rewriting(#"<a href="a"> <!-- <a href="b">"#) { "[\($0)]" }
                == #"<a href="[a]"> <!-- <a href="b">"#)
        #expect(HTMLLinks.rewriting(#"<a href="a"> <a href="b>"#) { "[\($0)]" } == #"<a href="[a]"> <a href="b>"#)
        // A comment opening inside a value is part of the value.
        #expect(
            HTMLLinks.rewriting(#"<a href="<!--"> <a src="c">"#) { "[\($0)]" } == #"<a href="[<!--]"> <a src="[c]">"#)
    }

    @Test func schemesAreToldApartAsCharactersWouldBe() {
        let links = [
            "https://a", "mailto:x@y", "a+b-c.d:x", "1a:b", ":x", "a b:c", "é:x", "e\u{301}:x", "a:\u{301}x", "//x",
            "/x", "#f", "", "../a:b", "a", "日本:x", "a:日本",
        ]
        for link in links {
            let html = #"<a href="\#(link)">"#
            #expect(
                HTMLLinks.rewriting(html) { "[\($0)]" } == HTMLLinksTests.reference(html) { "[\($0)]" },
                "\(link)")
        }
    }

    @Test("generated HTML is rewritten exactly as the plain definition does")
    func generatedHTMLMatchesTheDefinition() {
        let pieces = [
            " href=\"", "\nhref=\"", " src=\"", "\nsrc=\"", "href=\"", "xsrc=\"", " href='", "=\"", "\"", "\"", "<!--",
            "-->", "<a", ">", " ", "\n", "https://x.example/", "../a/", "#top", "mailto:a@b", "//cdn/", "é:", "\u{301}",
            ":", "日本", "a", "b/c", "-->\"",
        ]
        var generator = SplitMix64(seed: 21)
        for _ in 0..<3_000 {
            let count = Int(generator.next() % 24)
            let html = (0..<count).map { _ in pieces[Int(generator.next() % UInt64(pieces.count))] }.joined()
            let transform: (String) -> String? = { $0.hasPrefix("#") ? nil : "<\($0)>" }
            #expect(HTMLLinks.rewriting(html, transform) == HTMLLinksTests.reference(html, transform), "\(html)")
        }
    }

    /// The definition, position by position, on `Character`s for the scheme.
    static func reference(_ html: String, _ transform: (String) -> String?) -> String {
        let bytes = Array(html.utf8)
        func has(_ text: String, at index: Int) -> Bool {
            let needle = Array(text.utf8)
            return index + needle.count <= bytes.count && Array(bytes[index..<index + needle.count]) == needle
        }
        func isExternal(_ link: String) -> Bool {
            if link.hasPrefix("//") { return true }
            guard let colon = link.firstIndex(of: ":"), let first = link.first, first.isLetter else { return false }
            return link[..<colon].allSatisfy { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }
        }
        var result: [UInt8] = []
        var copied = 0
        var index = 0
        scan: while index < bytes.count {
            if has("<!--", at: index) {
                var end = index + 4
                while end < bytes.count, !has("-->", at: end) { end += 1 }
                guard end < bytes.count else { break scan }
                index = end + 3
                continue
            }
            guard let attribute = [" href=\"", "\nhref=\"", " src=\"", "\nsrc=\""].first(where: { has($0, at: index) })
            else {
                index += 1
                continue
            }
            let start = index + attribute.utf8.count
            guard let end = bytes[start...].firstIndex(of: UInt8(ascii: "\"")) else { break scan }
            let link = String(decoding: bytes[start..<end], as: UTF8.self)
            if !isExternal(link), let replacement = transform(link) {
                result += bytes[copied..<start] + Array(replacement.utf8)
                copied = end
            }
            index = end
        }
        return String(decoding: result + bytes[copied...], as: UTF8.self)
    }
}
