extension DefaultTheme {
    /// `search/`: the form, the place for results, and the only page that loads a script.
    ///
    /// Without JavaScript the form goes to an outside engine limited to this site, and the
    /// archive link is there; `theme/search.js` keeps the form on the page and lists entries.
    static let search = #"""
        <h1>{{labels.search}}</h1>
        <form class="search-form" role="search" action="{{search.engineURL}}" method="get" data-search-index="{{search.indexURL}}" data-search-root="{{search.root}}" data-labels="{{search.labels}}">
          <label for="search-input">{{labels.search_label}}</label>
          <div class="search-row">
            <input id="search-input" name="q" type="search" autocomplete="off" spellcheck="false" aria-describedby="search-help">
            <input type="hidden" name="sites" value="{{search.siteFilter}}">
            <button type="submit">{{labels.search}}</button>
          </div>
          <p id="search-help" class="search-help">{{search.help}}</p>
        </form>
        <p id="search-status" class="search-status" role="status" aria-live="polite"></p>
        <ol id="search-results" class="search-results" aria-label="{{labels.results}}"></ol>
        <p class="search-archive">{{labels.or_browse}} <a href="{{site.archiveURL}}">{{labels.every_issue_link}}</a>{{labels.full_stop}}</p>
        <script src="{{search.scriptURL}}" defer></script>

        """#
}
