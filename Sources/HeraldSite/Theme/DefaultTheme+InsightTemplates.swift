extension DefaultTheme {
    /// The insights index: every crate, the quotes, every person, and every place by region.
    static let insights = #"""
        <h1>Crates, quotes, people and events</h1>
        <p>What the <a href="{{site.archiveURL}}">archive</a> holds across its issues.</p>
        <p><a href="{{quotesURL}}">Every Quote of the Week</a> ({{quoteCount}}), by author.</p>
        <section aria-labelledby="crates">
          <h2 id="crates">Crates of the Week</h2>
          <ul class="insight-list">
            {{#crates}}
            <li><a href="{{url}}">{{name}}</a> <span class="count">{{mentions}}</span></li>
            {{/crates}}
          </ul>
        </section>
        <section aria-labelledby="people">
          <h2 id="people"><a href="{{peopleURL}}">People</a></h2>
          <ul class="insight-list">
            {{#people}}
            <li><a href="{{url}}">{{name}}</a> <span class="count">{{issues}}</span></li>
            {{/people}}
          </ul>
        </section>
        <section aria-labelledby="places">
          <h2 id="places">Events by place</h2>
          <ul class="insight-list">
            {{#regions}}
            <li><a href="{{url}}">{{name}}</a> <span class="count">{{events}}</span>:
              {{#places}}<a href="{{url}}">{{name}}</a>{{#more}}; {{/more}}{{/places}}</li>
            {{/regions}}
          </ul>
        </section>

        """#

    /// One crate: its weeks as Crate of the Week and every issue that links to it.
    static let crate = #"""
        {{#crate}}
        <p class="breadcrumb"><a href="{{insightsURL}}">Crates, quotes, people and events</a></p>
        <h1>{{name}}</h1>
        <p class="sparkline-line">Mentioned in {{mentionCount}} issues. {{{sparkline}}}</p>
        <section aria-labelledby="features">
          <h2 id="features">Crate of the Week</h2>
          <ul class="insight-list">
            {{#features}}
            <li><a href="{{url}}">{{title}}</a> <time datetime="{{date}}">{{date}}</time>{{#description}}: {{description}}{{/description}}
              {{#suggestedBy}}— suggested by {{#personURL}}<a href="{{personURL}}">{{name}}</a>{{/personURL}}{{^personURL}}{{name}}{{/personURL}}{{/suggestedBy}}</li>
            {{/features}}
          </ul>
        </section>
        <section aria-labelledby="mentions">
          <h2 id="mentions">Issues linking to {{name}}</h2>
          <ol class="issue-list">
            {{#mentions}}
            <li><a href="{{url}}">{{title}}</a> <time datetime="{{date}}">{{date}}</time></li>
            {{/mentions}}
          </ol>
        </section>
        {{/crate}}

        """#

    /// Every Quote of the Week, by author.
    static let quotes = #"""
        <p class="breadcrumb"><a href="{{insightsURL}}">Crates, quotes, people and events</a></p>
        <h1>Quotes of the Week</h1>
        {{#authors}}
        <section class="quote-author" id="{{id}}">
          <h2>{{name}}</h2>
          {{#quotes}}
          <figure class="quote">
            <blockquote>{{text}}</blockquote>
            <figcaption>{{#sourceURL}}<a href="{{sourceURL}}">Said here</a>; {{/sourceURL}}in <a href="{{url}}">{{title}}</a></figcaption>
          </figure>
          {{/quotes}}
        </section>
        {{/authors}}

        """#

    /// Everyone named as editor or suggester, each under the anchor of their slug, with the
    /// issues they edited and the crates and quotes they suggested, newest first.
    static let people = #"""
        <p class="breadcrumb"><a href="{{insightsURL}}">Crates, quotes, people and events</a></p>
        <h1>People</h1>
        {{#people}}
        <section class="person" id="{{id}}">
          <h2>{{name}}</h2>
          {{#homeURL}}<p><a href="{{homeURL}}">{{homeURL}}</a></p>{{/homeURL}}
          {{#hasEdited}}<h3>Edited</h3>
          <ol class="issue-list">
            {{#edited}}<li><a href="{{url}}">{{title}}</a> <time datetime="{{date}}">{{date}}</time></li>{{/edited}}
          </ol>{{/hasEdited}}
          {{#hasSuggestedCrates}}<h3>Suggested a Crate of the Week</h3>
          <ol class="issue-list">
            {{#suggestedCrates}}<li><a href="{{url}}">{{title}}</a> <time datetime="{{date}}">{{date}}</time></li>{{/suggestedCrates}}
          </ol>{{/hasSuggestedCrates}}
          {{#hasSuggestedQuotes}}<h3>Suggested a Quote of the Week</h3>
          <ol class="issue-list">
            {{#suggestedQuotes}}<li><a href="{{url}}">{{title}}</a> <time datetime="{{date}}">{{date}}</time></li>{{/suggestedQuotes}}
          </ol>{{/hasSuggestedQuotes}}
        </section>
        {{/people}}

        """#

    /// One region: each of its places under the anchor of its slug, with its events over the
    /// years, newest first.
    static let region = #"""
        {{#region}}
        <p class="breadcrumb"><a href="{{insightsURL}}">Crates, quotes, people and events</a></p>
        <h1>Events in {{name}}</h1>
        <p>{{count}}.{{#calendarURL}} Upcoming ones as a <a href="{{calendarURL}}">calendar</a>.{{/calendarURL}}</p>
        {{#places}}
        <section class="place" id="{{id}}">
          <h2>{{name}} <span class="count">{{count}}</span></h2>
          <ol class="issue-list">
            {{#events}}
            <li><time datetime="{{eventDate}}">{{eventDate}}</time>
              {{#titles}}<a href="{{url}}">{{title}}</a> {{/titles}}{{^titles}}{{text}}{{/titles}}
              <span class="count">listed in <a href="{{url}}">{{title}}</a></span></li>
            {{/events}}
          </ol>
        </section>
        {{/places}}
        {{/region}}

        """#
}
