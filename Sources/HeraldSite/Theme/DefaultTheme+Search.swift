extension DefaultTheme {
    /// `search/`: the form, the place for results, and the only page that loads a script.
    ///
    /// Without JavaScript the form goes to an outside engine limited to this site, and the
    /// archive link is there; `theme/search.js` keeps the form on the page and lists entries.
    static let search = #"""
        <h1>Search</h1>
        <form class="search-form" role="search" action="{{search.engineURL}}" method="get" data-search-index="{{search.indexURL}}" data-search-root="{{search.root}}">
          <label for="search-input">Search every issue of {{site.title}}</label>
          <div class="search-row">
            <input id="search-input" name="q" type="search" autocomplete="off" spellcheck="false" aria-describedby="search-help">
            <input type="hidden" name="sites" value="{{search.siteFilter}}">
            <button type="submit">Search</button>
          </div>
          <p id="search-help" class="search-help">Searches {{search.siteFilter}} with {{search.engineName}}.</p>
        </form>
        <p id="search-status" class="search-status" role="status" aria-live="polite"></p>
        <ol id="search-results" class="search-results" aria-label="Results"></ol>
        <p class="search-archive">Or browse <a href="{{site.archiveURL}}">every issue in the archive</a>.</p>
        <script src="{{search.scriptURL}}" defer></script>

        """#
}
