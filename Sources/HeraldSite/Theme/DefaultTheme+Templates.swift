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
        <a class="skip-link" href="#main-content">{{labels.skip_to_content}}</a>
        <header class="site-header">
          <div class="wrap">
            <a class="site-title" href="{{site.homeURL}}">{{site.title}}</a>
            <nav aria-label="{{labels.site_navigation}}">
              <ul>
                <li><a href="{{site.archiveURL}}">{{labels.archive}}</a></li>
                <li><a href="{{site.searchURL}}">{{labels.search}}</a></li>
                {{#site.pages}}
                <li><a href="{{url}}">{{title}}</a></li>
                {{/site.pages}}
                <li><a href="{{site.atomURL}}">{{labels.feed}}</a></li>
              </ul>
            </nav>
          </div>
        </header>
        <main id="main-content" class="wrap" tabindex="-1">
        {{{content}}}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>{{labels.follow_by_feed}} <a href="{{site.atomURL}}">Atom</a>, <a href="{{site.rssURL}}">RSS</a>,
              <a href="{{site.jsonFeedURL}}">JSON Feed</a>{{#site.calendarURL}}; {{labels.events_as}} <a href="{{site.calendarURL}}">{{labels.calendar}}</a>{{/site.calendarURL}}{{labels.full_stop}}</p>
            {{#site.subscribeURL}}
            <p><a href="{{site.subscribeURL}}">{{labels.get_by_email}}</a>{{labels.full_stop}}</p>
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
            <p class="draft-banner" role="note">{{labels.draft_banner}}</p>
            {{/issue.isDraft}}
            <h1 id="issue-title">{{issue.title}}</h1>
            <p class="issue-meta"><time datetime="{{issue.date}}">{{issue.dateText}}</time>{{#issue.category}} · <a href="{{url}}">{{name}}</a>{{/issue.category}}</p>
          </header>
          <div class="issue-body">
        {{{issue.content}}}
          </div>
          {{#mentions}}
          <aside class="issue-mentions" aria-label="{{labels.this_issue_across_archive}}">
            {{#groups}}
            <p><span class="mentions-label">{{label}}:</span> {{#links}}<a href="{{url}}">{{name}}</a>{{#more}}, {{/more}}{{/links}}</p>
            {{/groups}}
          </aside>
          {{/mentions}}
        </article>
        <nav class="issue-nav" aria-label="{{labels.other_issues}}">
          {{#previous}}
          <a class="issue-nav-previous" rel="prev" href="{{url}}"><span>{{labels.previous_issue}}</span> {{title}}</a>
          {{/previous}}
          {{#next}}
          <a class="issue-nav-next" rel="next" href="{{url}}"><span>{{labels.next_issue}}</span> {{title}}</a>
          {{/next}}
        </nav>

        """#

    /// The home page: the newest issue in full, then the ones before it.
    static let home = #"""
        {{#subscribeURL}}
        <aside class="subscribe" aria-labelledby="subscribe-heading">
          <h2 id="subscribe-heading">{{labels.subscribe_heading}}</h2>
          <p>{{labels.subscribe_text}}</p>
          <form class="subscribe-form" method="post" action="{{subscribeURL}}">
            <label for="subscribe-email">{{labels.email_address}}</label>
            <div class="subscribe-row">
              <input id="subscribe-email" type="email" name="email" required autocomplete="email" placeholder="you@example.org">
              <button class="button" type="submit">{{labels.subscribe}}</button>
            </div>
            <div class="subscribe-trap" aria-hidden="true">
              <label>{{labels.leave_empty}} <input type="text" name="website" tabindex="-1" autocomplete="off"></label>
            </div>
          </form>
        </aside>
        {{/subscribeURL}}
        {{#newest}}
        <article class="issue" aria-labelledby="issue-title">
          <header class="issue-header">
            <p class="eyebrow">{{labels.latest_issue}}</p>
            {{#isDraft}}
            <p class="draft-banner" role="note">{{labels.draft_banner}}</p>
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
        <p>{{labels.no_issue_yet}}</p>
        {{/newest}}
        {{#hasRecent}}
        <section class="recent" aria-labelledby="recent-heading">
          <h2 id="recent-heading">{{labels.recent_issues}}</h2>
          <ol class="issue-list">
            {{#recent}}
            <li><a href="{{url}}">{{title}}</a> <time datetime="{{date}}">{{dateText}}</time>{{#isDraft}} <span class="badge">{{labels.draft}}</span>{{/isDraft}}</li>
            {{/recent}}
          </ol>
          <p><a href="{{site.archiveURL}}">{{labels.every_issue_in_archive}}</a></p>
        </section>
        {{/hasRecent}}

        """#

    /// Every issue, grouped by year, newest first.
    static let archive = #"""
        <h1>{{labels.archive}}</h1>
        <p>{{labels.archive_intro}}{{#site.insightsURL}} {{labels.across_them}}
          <a href="{{site.insightsURL}}">{{labels.insights_link}}</a>{{labels.full_stop}}{{/site.insightsURL}}</p>
        {{#years}}
        <section aria-labelledby="year-{{year}}">
          <h2 id="year-{{year}}">{{year}}</h2>
          <ol class="issue-list">
            {{#issues}}
            <li><a href="{{url}}">{{title}}</a> <time datetime="{{date}}">{{dateText}}</time>{{#isDraft}} <span class="badge">{{labels.draft}}</span>{{/isDraft}}</li>
            {{/issues}}
          </ol>
        </section>
        {{/years}}

        """#

    /// The issues of one category.
    static let category = #"""
        <h1>{{category.name}}</h1>
        <p>{{labels.category_intro}} <a href="{{category.atomURL}}">Atom</a>, <a href="{{category.rssURL}}">RSS</a>{{labels.full_stop}}</p>
        <ol class="issue-list">
          {{#issues}}
          <li><a href="{{url}}">{{title}}</a> <time datetime="{{date}}">{{dateText}}</time>{{#isDraft}} <span class="badge">{{labels.draft}}</span>{{/isDraft}}</li>
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
        <h1>{{labels.page_not_found}}</h1>
        <p>{{{text}}}</p>

        """#
}
