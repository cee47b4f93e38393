import Foundation
import HeraldTestSupport
import Testing

/// What Herald writes for the example weekly, compared whole with `Tests/Goldens`: the pages of a
/// build and every kind of feed it writes (the site's and a category's Atom and RSS, JSON Feed,
/// the events calendar and a place's calendar), the email edition, and the four check report formats on a draft with
/// known problems. Each run works in a fresh copy of the example, from inside it, so no path of
/// the machine reaches the output.
@Suite struct ExampleGoldenTests {
    /// A draft with one problem of each common kind: a link an earlier issue featured, a
    /// tracking parameter, a space in an address, an unclosed code span, a stray HTML tag.
    static let faultyDraft = """
        Title: This Week in Quill 45
        Number: 45
        Date: 2025-04-02
        Category: This Week in Quill

        Hello and welcome to issue 45 of *This Week in Quill*!

        ## Updates from the Quill Community

        ### Official
        * [Pattern guards are stable in Quill 0.20 beta](https://blog.quill-lang.example/2025/03/24/0.20-beta/)
        * [tidepool 0.6 is out](https://tidepool.example/releases/0.6?utm_source=newsletter)

        ### Observations/Thoughts
        * [Reading the `inkpot resolver](https://notes.pelinkaya.example/inkpot resolver)
        * [Why we <b>love</b> small tools](https://blog.atelier-lumen.example/small-tools)

        """

    @Test func theSiteIsWhatItWas() throws {
        let copy = try Newsletter.exampleWeekly()
        let build = try copy.herald(["build"])
        #expect(build.status == 0, "\(build.standardError)")
        for page in [
            "index.html", "issues/44/index.html", "archive/index.html", "atom.xml", "rss.xml", "feed.json",
            "categories/this-week-in-quill/atom.xml", "categories/this-week-in-quill/rss.xml", "events.ics",
            "insights/events/pt.ics", "sitemap.xml",
        ] {
            let difference = Golden.difference(try copy.read("_site/" + page), golden: "site/" + page)
            #expect(difference == nil, "\(difference ?? "")")
        }
    }

    @Test func theEmailEditionIsWhatItWas() throws {
        let copy = try Newsletter.exampleWeekly()
        let email = try copy.herald(["email", "44", "--out", "mail"])
        #expect(email.status == 0, "\(email.standardError)")
        for file in ["44.eml", "44.txt"] {
            let difference = Golden.difference(try copy.read("mail/" + file), golden: "email/" + file)
            #expect(difference == nil, "\(difference ?? "")")
        }
    }

    @Test(arguments: [("text", "txt"), ("json", "json"), ("github", "github"), ("markdown", "md")])
    func eachCheckReportIsWhatItWas(format: String, fileExtension: String) throws {
        let copy = try Newsletter.exampleWeekly()
        try copy.write(Self.faultyDraft, to: "draft/2025-04-02-this-week-in-quill.md")
        let check = try copy.herald(["check", "--format", format])
        #expect(check.status == 1, "the draft's errors fail the check: \(check.standardError)")
        let difference = Golden.difference(check.standardOutput, golden: "check/report.\(fileExtension)")
        #expect(difference == nil, "\(difference ?? "")")
    }
}
