extension DefaultTheme {
    /// The page around every other template's output: head, skip link, header, footer.
    static let layout = #"""
        <!doctype html>
        <html lang="{{site.language}}">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="color-scheme" content="light dark">
        <title>{{meta.title}}</title>
        {{#meta.description}}
        <meta name="description" content="{{meta.description}}">
        {{/meta.description}}
        {{#meta.noindex}}
        <meta name="robots" content="noindex">
        {{/meta.noindex}}
        {{#meta.canonicalURL}}
        <link rel="canonical" href="{{meta.canonicalURL}}">
        {{/meta.canonicalURL}}
        <link rel="stylesheet" href="{{site.stylesheetURL}}">
        <link rel="alternate" type="application/atom+xml" title="{{site.title}} (Atom)" href="{{site.atomURL}}">
        <link rel="alternate" type="application/rss+xml" title="{{site.title}} (RSS)" href="{{site.rssURL}}">
        <link rel="alternate" type="application/feed+json" title="{{site.title}} (JSON Feed)" href="{{site.jsonFeedURL}}">
        </head>
        <body>
        <a class="skip-link" href="#main-content">Skip to content</a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-title" href="{{site.homeURL}}">{{site.title}}</a>
            <nav aria-label="Site">
              <ul>
                <li><a href="{{site.archiveURL}}">Archive</a></li>
                <li><a href="{{site.searchURL}}">Search</a></li>
                {{#site.pages}}
                <li><a href="{{url}}">{{title}}</a></li>
                {{/site.pages}}
                <li><a href="{{site.atomURL}}">Feed</a></li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main-content" class="wrap" tabindex="-1">
        {{{content}}}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>Follow {{site.title}} by feed: <a href="{{site.atomURL}}">Atom</a>, <a href="{{site.rssURL}}">RSS</a>,
              <a href="{{site.jsonFeedURL}}">JSON Feed</a>; upcoming events as a <a href="{{site.calendarURL}}">calendar</a>.</p>
            {{#site.subscribeURL}}
            <p><a href="{{site.subscribeURL}}">Get every issue by email</a>.</p>
            {{/site.subscribeURL}}
          </div>
        </footer>
        </body>
        </html>

        """#

    /// One issue, full text; also `latest/`.
    static let issue = #"""
        <article class="issue" aria-labelledby="issue-title">
          <header class="issue-header">
            {{#issue.isDraft}}
            <p class="draft-banner" role="note">Draft: this issue is not published yet.</p>
            {{/issue.isDraft}}
            <h1 id="issue-title">{{issue.title}}</h1>
            <p class="issue-meta"><time datetime="{{issue.date}}">{{issue.dateText}}</time>{{#issue.category}} · <a href="{{url}}">{{name}}</a>{{/issue.category}}</p>
          </header>
          <div class="issue-body">
        {{{issue.content}}}
          </div>
          {{#mentions}}
          <aside class="issue-mentions" aria-label="This issue across the archive">
            {{#groups}}
            <p><span class="mentions-label">{{label}}:</span> {{#links}}<a href="{{url}}">{{name}}</a>{{#more}}, {{/more}}{{/links}}</p>
            {{/groups}}
          </aside>
          {{/mentions}}
        </article>
        <nav class="issue-nav" aria-label="Other issues">
          {{#previous}}
          <a class="issue-nav-previous" rel="prev" href="{{url}}"><span>Previous issue</span> {{title}}</a>
          {{/previous}}
          {{#next}}
          <a class="issue-nav-next" rel="next" href="{{url}}"><span>Next issue</span> {{title}}</a>
          {{/next}}
        </nav>

        """#

    /// The home page: the newest issue in full, then the ones before it.
    static let home = #"""
        {{#subscribeURL}}
        <aside class="subscribe" aria-labelledby="subscribe-heading">
          <h2 id="subscribe-heading">Get {{site.title}} by email</h2>
          <p>One email a week, with everything on this page. You confirm from a first email, and every email has a link to leave.</p>
          <form class="subscribe-form" method="post" action="{{subscribeURL}}">
            <label for="subscribe-email">Email address</label>
            <div class="subscribe-row">
              <input id="subscribe-email" type="email" name="email" required autocomplete="email" placeholder="you@example.org">
              <button class="button" type="submit">Subscribe</button>
            </div>
            <div class="subscribe-trap" aria-hidden="true">
              <label>Leave this empty <input type="text" name="website" tabindex="-1" autocomplete="off"></label>
            </div>
          </form>
        </aside>
        {{/subscribeURL}}
        {{#newest}}
        <article class="issue" aria-labelledby="issue-title">
          <header class="issue-header">
            <p class="eyebrow">Latest issue</p>
            {{#isDraft}}
            <p class="draft-banner" role="note">Draft: this issue is not published yet.</p>
            {{/isDraft}}
            <h1 id="issue-title"><a href="{{url}}">{{title}}</a></h1>
            <p class="issue-meta"><time datetime="{{date}}">{{dateText}}</time></p>
          </header>
          <div class="issue-body">
        {{{content}}}
          </div>
        </article>
        {{/newest}}
        {{^newest}}
        <h1>{{site.title}}</h1>
        <p>No issue has been published yet.</p>
        {{/newest}}
        {{#hasRecent}}
        <section class="recent" aria-labelledby="recent-heading">
          <h2 id="recent-heading">Recent issues</h2>
          <ol class="issue-list">
            {{#recent}}
            <li><a href="{{url}}">{{title}}</a> <time datetime="{{date}}">{{dateText}}</time>{{#isDraft}} <span class="badge">Draft</span>{{/isDraft}}</li>
            {{/recent}}
          </ol>
          <p><a href="{{site.archiveURL}}">Every issue, in the archive</a></p>
        </section>
        {{/hasRecent}}

        """#

    /// Every issue, grouped by year, newest first.
    static let archive = #"""
        <h1>Archive</h1>
        <p>{{count}} issues of {{site.title}}, newest first.{{#site.insightsURL}} Across them:
          <a href="{{site.insightsURL}}">crates, quotes, people and events</a>.{{/site.insightsURL}}</p>
        {{#years}}
        <section aria-labelledby="year-{{year}}">
          <h2 id="year-{{year}}">{{year}}</h2>
          <ol class="issue-list">
            {{#issues}}
            <li><a href="{{url}}">{{title}}</a> <time datetime="{{date}}">{{dateText}}</time>{{#isDraft}} <span class="badge">Draft</span>{{/isDraft}}</li>
            {{/issues}}
          </ol>
        </section>
        {{/years}}

        """#

    /// The issues of one category.
    static let category = #"""
        <h1>{{category.name}}</h1>
        <p>{{count}} issues. Feeds for this category: <a href="{{category.atomURL}}">Atom</a>, <a href="{{category.rssURL}}">RSS</a>.</p>
        <ol class="issue-list">
          {{#issues}}
          <li><a href="{{url}}">{{title}}</a> <time datetime="{{date}}">{{dateText}}</time>{{#isDraft}} <span class="badge">Draft</span>{{/isDraft}}</li>
          {{/issues}}
        </ol>

        """#

    /// A standalone page from the pages folder.
    static let page = #"""
        <article class="page" aria-labelledby="page-title">
          <h1 id="page-title">{{page.title}}</h1>
        {{{page.content}}}
        </article>

        """#

    /// The page a server shows for an address that does not exist.
    static let notFound = #"""
        <h1>Page not found</h1>
        <p>There is nothing at this address. The issue you are looking for may be in the
          <a href="{{site.archiveURL}}">archive</a>; the newest one is on the <a href="{{site.homeURL}}">home page</a>.</p>

        """#
}
