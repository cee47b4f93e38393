extension DefaultTheme {
    /// `theme/style.css`: system fonts, one readable column, light and dark colours with
    /// at least 4.5:1 contrast for text, and a focus ring that is always visible.
    static let stylesheet = #"""
        :root {
          color-scheme: light dark;
          --text: #1d1d1f;
          --muted: #51545c;
          --background: #fdfdfc;
          --surface: #f1f0ec;
          --border: #d6d4cd;
          --link: #0b57b0;
          --link-visited: #6a3d9a;
          --accent: #a4372b;
          --focus: #c25e00;
          --mark: #fbe58a;
          --measure: 44rem;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --text: #e8e6e1;
            --muted: #b4b1a9;
            --background: #16171a;
            --surface: #212328;
            --border: #3a3d44;
            --link: #8cb8ff;
            --link-visited: #c9a6f5;
            --accent: #ff9e8f;
            --focus: #ffb454;
            --mark: #4a3b0c;
          }
        }
        *, *::before, *::after { box-sizing: border-box; }
        html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
        body {
          margin: 0;
          background: var(--background);
          color: var(--text);
          font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif;
          font-size: 1.0625rem;
          line-height: 1.6;
          overflow-wrap: break-word;
        }
        .wrap { max-width: var(--measure); margin: 0 auto; padding: 0 1rem; }
        a { color: var(--link); text-underline-offset: 0.15em; }
        a:visited { color: var(--link-visited); }
        a:hover { text-decoration-thickness: 2px; }
        :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
        main:focus { outline: none; }
        .skip-link {
          position: absolute; left: 0.5rem; top: -3rem; z-index: 10;
          padding: 0.5rem 1rem; background: var(--background); color: var(--link); border: 2px solid var(--focus);
        }
        .skip-link:focus { top: 0.5rem; }

        .site-header { border-bottom: 1px solid var(--border); background: var(--surface); }
        .site-header .wrap { display: flex; flex-wrap: wrap; align-items: baseline; justify-content: space-between; gap: 0.25rem 1rem; padding-top: 0.75rem; padding-bottom: 0.75rem; }
        .site-title { font-weight: 700; font-size: 1.2rem; color: var(--text); text-decoration: none; }
        .site-title:visited { color: var(--text); }
        .site-header nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; margin: 0; padding: 0; list-style: none; }
        .site-header nav a, .site-header nav a:visited { color: var(--link); }

        main.wrap { padding-top: 1.5rem; padding-bottom: 2rem; }
        h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.75em 0 0.5em; }
        h1 { font-size: 2rem; margin-top: 0.25em; }
        h2 { font-size: 1.5rem; border-bottom: 1px solid var(--border); padding-bottom: 0.2em; }
        h3 { font-size: 1.25rem; }
        h4 { font-size: 1.1rem; }
        h1 a, h1 a:visited { color: inherit; text-decoration: none; }
        .heading-anchor {
          margin-left: 0.35em; font-weight: 400; color: var(--muted); text-decoration: none; opacity: 0;
        }
        .heading-anchor:visited { color: var(--muted); }
        :is(h1, h2, h3, h4, h5, h6):hover .heading-anchor, .heading-anchor:focus { opacity: 1; }
        @media (hover: none) { .heading-anchor { opacity: 0.6; } }

        .eyebrow { margin: 0; color: var(--accent); font-weight: 600; text-transform: uppercase; letter-spacing: 0.06em; font-size: 0.85rem; }
        .issue-meta { margin-top: 0; color: var(--muted); }
        .draft-banner { padding: 0.5rem 0.75rem; border-left: 4px solid var(--accent); background: var(--surface); font-weight: 600; }
        .badge { display: inline-block; padding: 0 0.4em; border: 1px solid var(--accent); border-radius: 0.25em; color: var(--accent); font-size: 0.8em; }

        .issue-body img, .page img { max-width: 100%; height: auto; }
        .issue-body ul, .issue-body ol { padding-left: 1.4rem; }
        .issue-body li { margin: 0.2em 0; }
        blockquote { margin: 1em 0; padding: 0.25em 1em; border-left: 4px solid var(--border); color: var(--muted); }
        code, pre { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.9em; }
        code { padding: 0.1em 0.3em; background: var(--surface); border-radius: 0.25em; }
        pre { padding: 0.75rem 1rem; overflow-x: auto; background: var(--surface); border-radius: 0.4em; line-height: 1.45; }
        pre code { padding: 0; background: none; }
        table { display: block; max-width: 100%; overflow-x: auto; border-collapse: collapse; }
        th, td { padding: 0.35em 0.75em; border: 1px solid var(--border); text-align: left; }
        hr { border: 0; border-top: 1px solid var(--border); margin: 2rem 0; }

        .issue-list { padding-left: 0; list-style: none; }
        .issue-list li { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0 1rem; padding: 0.35rem 0; border-bottom: 1px solid var(--border); }
        .issue-list time { color: var(--muted); font-variant-numeric: tabular-nums; }

        .issue-nav { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; margin-top: 2rem; }
        .issue-nav a { display: block; padding: 0.75rem 1rem; border: 1px solid var(--border); border-radius: 0.4em; text-decoration: none; }
        .issue-nav-next { text-align: right; }
        .issue-nav span { display: block; color: var(--muted); font-size: 0.85rem; }

        .subscribe { margin-bottom: 2rem; padding: 1rem 1.25rem; background: var(--surface); border: 1px solid var(--border); border-radius: 0.5em; }
        .subscribe h2 { margin-top: 0; border: 0; font-size: 1.2rem; }
        .subscribe-form label { display: block; font-weight: 600; margin-bottom: 0.35rem; }
        .subscribe-row { display: flex; flex-wrap: wrap; gap: 0.5rem; }
        .subscribe-row input[type=email] {
          flex: 1; min-width: 12rem; padding: 0.5rem 0.75rem; font: inherit; color: var(--text);
          background: var(--background); border: 2px solid var(--border); border-radius: 0.4em;
        }
        .subscribe-row button { border: 0; font: inherit; font-weight: 600; cursor: pointer; }
        /* The honeypot: out of sight and out of the tab order; only robots fill it in. */
        .subscribe-trap { position: absolute; left: -10000px; width: 1px; height: 1px; overflow: hidden; }
        .button, .button:visited { display: inline-block; padding: 0.5rem 1.1rem; border-radius: 0.4em; background: var(--link); color: var(--background); font-weight: 600; text-decoration: none; }

        .search-form label { display: block; font-weight: 600; margin-bottom: 0.35rem; }
        .search-row { display: flex; gap: 0.5rem; }
        .search-row input[type=search] {
          flex: 1; min-width: 0; padding: 0.5rem 0.75rem; font: inherit; color: var(--text);
          background: var(--background); border: 2px solid var(--border); border-radius: 0.4em;
        }
        .search-row button, .search-more {
          padding: 0.5rem 1rem; font: inherit; font-weight: 600; color: var(--background);
          background: var(--link); border: 0; border-radius: 0.4em; cursor: pointer;
        }
        .search-help, .search-status, .search-where { color: var(--muted); }
        .search-help { font-size: 0.95rem; }
        .search-results { padding-left: 0; list-style: none; }
        .search-result { padding: 0.6rem 0; border-bottom: 1px solid var(--border); }
        .search-result a { font-weight: 600; }
        .search-result p { margin: 0.15rem 0 0; }
        .search-result mark { background: var(--mark); color: inherit; border-radius: 2px; }
        .search-where { font-size: 0.9rem; }
        [id^="L"]:target { background: var(--surface); outline: 2px solid var(--focus); outline-offset: 2px; }

        .site-footer { border-top: 1px solid var(--border); color: var(--muted); font-size: 0.95rem; padding: 1rem 0 2rem; }
        @media (max-width: 30rem) {
          body { font-size: 1rem; }
          h1 { font-size: 1.6rem; }
          h2 { font-size: 1.3rem; }
        }
        @media print {
          .site-header nav, .skip-link, .heading-anchor, .issue-nav, .site-footer { display: none; }
        }

        .insight-list { padding-left: 1.25rem; }
        .count, .breadcrumb { color: var(--muted); font-size: 0.9375rem; }
        .sparkline { vertical-align: middle; color: var(--accent); }
        .quote { margin: 1rem 0; }
        .quote blockquote { margin: 0; padding-left: 1rem; border-left: 3px solid var(--border); white-space: pre-line; }
        .quote figcaption { color: var(--muted); font-size: 0.9375rem; }
        .issue-mentions { margin-top: 2.5rem; padding-top: 0.75rem; border-top: 1px solid var(--border); font-size: 0.875rem; color: var(--muted); }
        .issue-mentions p { margin: 0.25rem 0; }
        .mentions-label { font-weight: 600; }
        """#
}
