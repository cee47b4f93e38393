extension DefaultTheme {
    /// `theme/search.js`: the archive search, loaded by the search page alone.
    ///
    /// It fetches nothing until there is a query (from the address, after first paint, or typed),
    /// then only `search/index.json`, the term shards the query's words fall in and the entry
    /// chunks of the results shown. Terms are folded as ``SearchText`` folds them. Ranking: entries
    /// matching more query words in their title first, then entries titled by the word alone (a
    /// crate's name), then whole words before prefixes, then newer issues. `docs/search.md` describes the files it reads.
    static let searchScript = #"""
        (() => {
          "use strict";
          const form = document.querySelector("form[data-search-index]");
          if (!form || !window.fetch || !("DecompressionStream" in window)) return;
          const input = form.querySelector("input[name=q]");
          const help = document.getElementById("search-help");
          const status = document.getElementById("search-status");
          const list = document.getElementById("search-results");
          const indexURL = new URL(form.dataset.searchIndex, location.href);
          const pageSize = 10;
          const TITLE = 1, WHOLE = 2, EXACT = 4;
          const digits = new Int8Array(128).fill(-1);
          [..."0123456789abcdefghijklmnopqrstuv"].forEach((c, i) => { digits[c.charCodeAt(0)] = i; });
          [..."wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"].forEach((c, i) => { digits[c.charCodeAt(0)] = 32 + i; });
          let root = null;
          const texts = new Map();
          const shards = new Map();
          const chunks = new Map();
          let generation = 0;
          let shown = pageSize;
          let timer = 0;
          let more = null;

          const fold = (text) => text.toLowerCase().normalize("NFD").replace(/\p{Mn}/gu, "").replace(/\u03c2/g, "\u03c3");
          const termsOf = (text) => fold(text).match(/[\p{L}\p{N}\p{Mc}]+/gu) || [];

          function loadRoot() {
            root ??= fetch(indexURL, { cache: "no-cache" })
              .then((response) => { if (!response.ok) throw new Error(response.status); return response.json(); })
              .then((json) => { if (json.format !== 1) throw new Error("index format " + json.format); return json; });
            root.catch(() => { root = null; });
            return root;
          }

          function loadText(path, index) {
            const url = new URL(path, indexURL) + "?v=" + index.key;
            let text = texts.get(url);
            if (!text) {
              text = fetch(url).then(async (response) => {
                if (!response.ok) throw new Error(response.status);
                const bytes = new Uint8Array(await response.arrayBuffer());
                if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return new TextDecoder().decode(bytes);
                return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
              });
              texts.set(url, text);
              text.catch(() => texts.delete(url));
            }
            return text;
          }

          function shard(number, index) {
            let terms = shards.get(number);
            if (!terms) {
              terms = loadText("terms/" + number + ".bin", index).then((text) => {
                const map = new Map();
                for (const line of text.split("\n")) {
                  const space = line.indexOf(" ");
                  if (space > 0) map.set(line.slice(0, space), line.slice(space + 1));
                }
                return map;
              });
              shards.set(number, terms);
            }
            return terms;
          }

          function chunk(number, index) {
            let entries = chunks.get(number);
            if (!entries) {
              entries = loadText("entries/" + number + ".bin", index).then((text) => {
                const result = [];
                let issue = null;
                for (const line of text.split("\n")) {
                  const fields = line.split("\t");
                  if (line.startsWith("@")) {
                    const [link, number, date, readableDate, title] = fields;
                    issue = { link: link.slice(1), number, date, readableDate, title };
                  } else if (line) {
                    const [section, anchor, title, detail] = fields;
                    result.push({ issue, section: index.sections[+section] || "", anchor, title, detail: detail || "" });
                  }
                }
                return result;
              });
              chunks.set(number, entries);
            }
            return entries;
          }

          function entry(number, index) {
            const size = index.entriesPerChunk;
            return chunk(Math.floor(number / size), index).then((entries) => entries[number % size]);
          }

          // The last shard whose first term is at or before `term`.
          function shardOf(term, index) {
            let low = 0, high = index.shards.length - 1;
            while (low < high) {
              const middle = (low + high + 1) >> 1;
              if (index.shards[middle] <= term) low = middle; else high = middle - 1;
            }
            return low;
          }

          function decode(postings, into, exact) {
            let value = 0, number = 0;
            for (let i = 0; i < postings.length; i++) {
              const digit = digits[postings.charCodeAt(i)];
              if (digit >= 32) { value = value * 32 + digit - 32; continue; }
              value = value * 32 + digit;
              number += Math.floor(value / 4);
              into.set(number, (into.get(number) || 0) | (value & 3) | (exact ? EXACT : 0));
              value = 0;
            }
          }

          // Entry number → flags, for one query word: the word itself, and the terms it begins
          // when it is the word being typed.
          async function matches(word, index) {
            const found = new Map();
            if (!index.shards.length) return found;
            const first = shardOf(word.text, index);
            const last = word.prefix ? shardOf(word.text + "\uffff", index) : first;
            for (let number = first; number <= last; number++) {
              const terms = await shard(number, index);
              if (!word.prefix) {
                if (terms.has(word.text)) decode(terms.get(word.text), found, true);
                continue;
              }
              for (const [term, postings] of terms) {
                if (term.startsWith(word.text)) decode(postings, found, term === word.text);
              }
            }
            return found;
          }

          // Words, with the last one a prefix while it is being typed, and "quoted phrases".
          function parse(query, stopWords) {
            const phrases = [];
            const words = [];
            const parts = query.split("\"");
            parts.forEach((part, position) => {
              const terms = termsOf(part);
              if (position % 2 === 1 && terms.length > 1) phrases.push(terms);
              terms.forEach((text) => words.push({ text, prefix: false }));
            });
            const typing = /[\p{L}\p{N}\p{Mc}]$/u.test(query) && parts.length % 2 === 1;
            if (typing && words.length && words[words.length - 1].text.length > 1) words[words.length - 1].prefix = true;
            const kept = words.filter((word) => word.prefix || !stopWords.has(word.text));
            return { words: kept, phrases, all: words };
          }

          function phraseMatches(found, phrases) {
            const text = " " + termsOf(found.title + " " + found.detail).join(" ") + " ";
            return phrases.every((phrase) => text.includes(" " + phrase.join(" ") + " "));
          }

          async function rank(query, index) {
            const parsed = parse(query, new Set(index.stopWords));
            if (!parsed.words.length) return { parsed, ranked: [] };
            const maps = await Promise.all(parsed.words.map((word) => matches(word, index)));
            maps.sort((a, b) => a.size - b.size);
            const ranked = [];
            for (const [number] of maps[0]) {
              let title = 0, whole = 0, exact = 0, missing = false;
              for (const map of maps) {
                const flags = map.get(number);
                if (flags === undefined) { missing = true; break; }
                if (flags & TITLE) title++;
                if (flags & WHOLE) whole++;
                if (flags & EXACT) exact++;
              }
              if (!missing) ranked.push({ number, title, whole, exact });
            }
            ranked.sort((a, b) => b.title - a.title || b.whole - a.whole || b.exact - a.exact || b.number - a.number);
            return { parsed, ranked };
          }

          // The first `count` results, checking phrases as entries load.
          async function results(ranking, count, index) {
            const { parsed, ranked } = ranking;
            if (!parsed.phrases.length) {
              const found = await Promise.all(ranked.slice(0, count).map((result) => entry(result.number, index)));
              return { found, total: ranked.length, exact: true };
            }
            const found = [];
            let checked = 0;
            while (found.length < count && checked < ranked.length) {
              const batch = ranked.slice(checked, checked + count);
              checked += batch.length;
              for (const candidate of await Promise.all(batch.map((result) => entry(result.number, index)))) {
                if (candidate && phraseMatches(candidate, parsed.phrases) && found.length < count) found.push(candidate);
              }
            }
            return { found, total: found.length, exact: checked >= ranked.length };
          }

          function render(query, outcome) {
            list.replaceChildren(...outcome.found.filter(Boolean).map((found) => {
              const item = document.createElement("li");
              item.className = "search-result";
              const link = document.createElement("a");
              link.href = found.issue.link + "#L" + found.anchor;
              link.textContent = found.title;
              item.append(link);
              if (found.detail) {
                const detail = document.createElement("p");
                detail.className = "search-detail";
                detail.textContent = found.detail;
                item.append(detail);
              }
              const where = document.createElement("p");
              where.className = "search-where";
              const time = document.createElement("time");
              time.dateTime = found.issue.date;
              time.textContent = found.issue.readableDate;
              const issue = found.issue.number ? "Issue " + found.issue.number : found.issue.title;
              where.append(found.section + " · " + issue + ", ", time);
              item.append(where);
              return item;
            }));
            const count = outcome.total;
            const plural = count === 1 ? "entry" : "entries";
            status.textContent = count === 0
              ? "No entry matches \u201c" + query + "\u201d."
              : (outcome.exact ? count : "At least " + count) + " " + plural + " match \u201c" + query + "\u201d" +
                (count > outcome.found.length ? ", newest and best first; showing " + outcome.found.length + "." : ".");
            more?.remove();
            more = null;
            if (count > outcome.found.length) {
              more = document.createElement("button");
              more.type = "button";
              more.className = "search-more";
              more.textContent = "Show more results";
              more.addEventListener("click", () => {
                const first = outcome.found.length;
                shown += pageSize;
                run(true).then(() => list.querySelectorAll("a")[first]?.focus());
              });
              list.after(more);
            }
          }

          async function run(keepShown) {
            const query = input.value.trim();
            const current = ++generation;
            if (!keepShown) shown = pageSize;
            const url = new URL(location.href);
            if (query) url.searchParams.set("q", query); else url.searchParams.delete("q");
            if (url.href !== location.href) history.replaceState(null, "", url);
            if (!query) {
              list.replaceChildren();
              more?.remove();
              more = null;
              status.textContent = "";
              return;
            }
            const started = performance.now();
            try {
              const index = await loadRoot();
              const ranking = await rank(query, index);
              const outcome = await results(ranking, shown, index);
              if (current !== generation) return;
              if (!ranking.parsed.words.length && ranking.parsed.all.length) {
                list.replaceChildren();
                status.textContent = "Words as common as \u201c" + query + "\u201d are not indexed; add a more specific one.";
              } else {
                render(query, outcome);
              }
              status.dataset.queryMs = (performance.now() - started).toFixed(1);
            } catch (error) {
              if (current !== generation) return;
              status.textContent = "The search index could not be loaded (" + error.message + "). Try again, or browse the archive.";
            }
          }

          function links() { return [...list.querySelectorAll("a")]; }

          help.textContent = "Results appear as you type. Put a phrase in \"quotes\"; use \u2193 and \u2191 to move through the results.";
          form.addEventListener("submit", (event) => {
            event.preventDefault();
            clearTimeout(timer);
            run();
          });
          input.addEventListener("input", () => {
            clearTimeout(timer);
            timer = setTimeout(run, 60);
          });
          input.addEventListener("focus", () => { loadRoot().catch(() => {}); }, { once: true });
          input.addEventListener("keydown", (event) => {
            if (event.key === "ArrowDown" && links().length) {
              event.preventDefault();
              links()[0].focus();
            }
          });
          list.addEventListener("keydown", (event) => {
            const all = links();
            const position = all.indexOf(document.activeElement);
            if (position < 0) return;
            if (event.key === "ArrowDown" && position + 1 < all.length) all[position + 1].focus();
            else if (event.key === "ArrowUp") (position > 0 ? all[position - 1] : input).focus();
            else if (event.key === "Escape") input.focus();
            else return;
            event.preventDefault();
          });
          const initial = new URLSearchParams(location.search).get("q");
          if (initial) {
            input.value = initial;
            requestAnimationFrame(() => setTimeout(run, 0));
          }
        })();

        """#
}
