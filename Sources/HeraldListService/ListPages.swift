import Foundation
import HeraldCore
import HeraldSite

/// The pages the sign-up service answers with, from the theme: Herald's defaults below, each
/// replaced by a same-named `.mustache` file in the newsletter's `theme/` folder, as the site's
/// templates are. Each page is also available as JSON for scripts and the site's subscribe box.
struct ListPages: Sendable {
    let theme: Theme
    let siteTitle: String
    let siteURL: String

    /// What a page says: a heading, sentences, and for the unsubscribe page its button's target.
    struct Page: Sendable {
        var status: String
        var title: String
        var message: String
        var unsubscribeAction: String?
    }

    init(themeFolder: URL?, siteTitle: String, siteURL: String) throws(HeraldError) {
        theme = try Theme(overridesIn: themeFolder, extraTemplates: Self.templates)
        self.siteTitle = siteTitle
        self.siteURL = siteURL
    }

    /// The page as HTML, inside the list's layout.
    func html(_ page: Page) -> String {
        var context: [String: Any] = [
            "site": ["title": siteTitle, "url": siteURL],
            "page": ["title": page.title, "message": page.message, "status": page.status],
        ]
        if let action = page.unsubscribeAction {
            context["unsubscribe"] = ["action": action]
        }
        context["content"] = theme.render(
            page.unsubscribeAction == nil ? "list-message" : "list-unsubscribe", context: context)
        return theme.render("list-layout", context: context)
    }

    /// The page as a JSON object: `{"status": …, "message": …}`.
    func json(_ page: Page) -> [UInt8] {
        let object = ["status": page.status, "message": page.message]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return Array(data)
    }

    static let templates: [String: String] = [
        "list-layout": #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <meta name="robots" content="noindex">
        <title>{{page.title}} · {{site.title}}</title>
        <style>
        body { font: 1.05rem/1.6 system-ui, sans-serif; margin: 0; padding: 3rem 1.25rem; color: #1f2328; background: #f6f8fa; }
        main { max-width: 34rem; margin: 0 auto; padding: 2rem; background: #fff; border: 1px solid #d0d7de; border-radius: 0.75rem; }
        h1 { font-size: 1.5rem; line-height: 1.25; margin: 0 0 1rem; }
        button { font: inherit; padding: 0.6rem 1.2rem; border: 0; border-radius: 0.5rem; background: #b7410e; color: #fff; cursor: pointer; }
        a { color: #0969da; }
        @media (prefers-color-scheme: dark) {
          body { color: #e6edf3; background: #0d1117; }
          main { background: #161b22; border-color: #30363d; }
          a { color: #58a6ff; }
        }
        </style>
        </head>
        <body>
        <main>
        {{{content}}}
        <p><a href="{{site.url}}">{{site.title}}</a></p>
        </main>
        </body>
        </html>

        """#,
        "list-message": #"""
        <h1>{{page.title}}</h1>
        <p>{{page.message}}</p>

        """#,
        "list-unsubscribe": #"""
        <h1>{{page.title}}</h1>
        <p>{{page.message}}</p>
        <form method="post" action="{{unsubscribe.action}}">
        <input type="hidden" name="List-Unsubscribe" value="One-Click">
        <button type="submit">Unsubscribe</button>
        </form>

        """#,
    ]
}
