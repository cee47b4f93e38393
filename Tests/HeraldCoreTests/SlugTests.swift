import Foundation
import HeraldTestSupport
import Testing

@testable import HeraldCore

@Suite struct SlugTests {
    @Test(arguments: [
        ("This Week in Rust 533", "this-week-in-rust-533"),
        ("This Week In Rust 1", "this-week-in-rust-1"),
        ("These Weeks in Rust 127", "these-weeks-in-rust-127"),
        ("The State of Rust 0.8", "the-state-of-rust-08"),
        ("C++ / Rust: a comparison!", "c-rust-a-comparison"),
        ("  spaced   out  ", "spaced-out"),
        ("snake_case stays", "snake_case-stays"),
        ("a - b -- c", "a-b-c"),
        ("- leading and trailing -", "-leading-and-trailing-"),
        ("trailing dash -!", "trailing-dash-"),
        ("Crème brûlée & café", "creme-brulee-cafe"),
        ("Straße, Æsir, Łódź", "strasse-aesir-lodz"),
        ("Rust—fast–safe", "rust-fast-safe"),
        ("ﬁne ligatures", "fine-ligatures"),
        ("<em>Bold</em> &amp; brave", "bold-brave"),
        ("", ""),
    ])
    func followsPelican(_ title: String, _ slug: String) {
        #expect(Slug(title).rawValue == slug)
    }

    /// Letters of scripts with no ASCII spelling are kept, as Hugo keeps them, so a title in
    /// another script never slugs to nothing; accented Latin letters are still spelled in ASCII.
    @Test(arguments: [
        ("日本語 Rust", "日本語-rust"),
        ("Rust 周报 第1期", "rust-周报-第1期"),
        ("Русский выпуск 3", "русский-выпуск-3"),
        ("नमस्ते Rust", "नमस्ते-rust"),
        ("café 周报!", "cafe-周报"),
        ("周报 ☕ ・ 1", "周报-1"),
    ])
    func keepsLettersOfOtherScripts(_ title: String, _ slug: String) {
        #expect(Slug(title).rawValue == slug)
    }

    /// An issue's address outside the site (the email edition's "view in browser", a draft's
    /// `{{previous_url}}`) is percent-encoded as the site's own links are, so a mail client links
    /// all of it rather than stopping at the first Chinese character.
    @Test func anIssuesURLPercentEncodesItsSlug() throws {
        var site = NewsletterConfiguration.Site()
        site.baseURL = "https://weekly.qingshi.example"
        site.articleURL = try PathPattern("issues/{slug}/")
        let metadata = IssueMetadata(title: "青石周刊：第 1 期", date: IssueDate(year: 2025, month: 10, day: 10)!)
        #expect(
            site.url(of: metadata)
                == "https://weekly.qingshi.example/issues/%E9%9D%92%E7%9F%B3%E5%91%A8%E5%88%8A%E7%AC%AC-1-%E6%9C%9F/")
    }

    @Test(.enabled(if: SharedFolder.twirCorpus != nil || SharedFolder.isCI))
    func everyNumberedTWiRTitleSlugsToItsLiveURL() throws {
        let folder = try NewsletterFolder(at: try #require(SharedFolder.twirCorpus))
        for file in folder.issues {
            let title = file.metadata.title
            guard let number = file.metadata.number, title.lowercased() == "this week in rust \(number)" else {
                continue
            }
            #expect(file.metadata.slug == "this-week-in-rust-\(number)", "\(file.path)")
        }
    }
}
