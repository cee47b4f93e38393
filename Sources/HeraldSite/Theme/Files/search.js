(() => {
  "use strict";
  const form = document.querySelector("form[data-search-index]");
  if (!form || !window.fetch || !("DecompressionStream" in window)) return;
  const input = form.querySelector("input[name=q]");
  const help = document.getElementById("search-help");
  const status = document.getElementById("search-status");
  const list = document.getElementById("search-results");
  const indexURL = new URL(form.dataset.searchIndex, location.href);
  const labels = JSON.parse(form.dataset.labels || "{}");
  // A label in the site's language (`data-labels`), its {placeholders} filled from `values`.
  const say = (key, values = {}) =>
    (labels[key] || key).replace(/\{(\w+)\}/g, (whole, name) => name in values ? String(values[name]) : whole);
  const pageSize = 10;
  const EXCERPT_LENGTH = 160;
  const TITLE = 1, WHOLE = 2, EXACT = 4;
  const BASE = 47, LAST_ZERO = 33, LEADING_ZERO = 80, SPACE = 32;
  const painted = new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
  const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
  const DISTANCE_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049,
    3073, 4097, 6145, 8193, 12289, 16385, 24577];
  const DISTANCE_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
  let root = null;
  const texts = new Map();
  const shards = new Map();
  const chunks = new Map();
  let generation = 0;
  let shown = pageSize;
  let more = null;

  const fold = (text) => text.toLowerCase().normalize("NFD").replace(/\p{Mn}/gu, "").replace(/\u03c2/g, "\u03c3");
  // A term: a Chinese character or a kana alone (those scripts put no spaces between words),
  // or a run of other letters, digits and spacing marks, as SearchText reads them; RUN is
  // such characters typed in a row, a word to be found as written.
  const CJK = "[\\p{Ideographic}\\u3040-\\u30ff\\u31f0-\\u31ff\\uff66-\\uff9d]";
  const WORD = new RegExp(`(?=[\\p{L}\\p{N}\\p{Mc}])${CJK}|(?:(?!${CJK})[\\p{L}\\p{N}\\p{Mc}])+`, "gu");
  const RUN = new RegExp(`(?:(?=[\\p{L}\\p{N}\\p{Mc}])${CJK}){2,}`, "gu");
  const termsOf = (text) => fold(text).match(WORD) || [];

  const checked = (json) => {
    if (json.format !== 4) throw new Error("index format " + json.format);
    return json;
  };
/* search-stemmer.js */
  // Endings the stemmer takes off: while a word is typed, a stem it begins with and
  // followed by the start of one of these ("teachi") may be the word meant.
  const ENDINGS = ["ing", "ingly", "ed", "edly", "es", "s", "ly", "ness", "ment", "ation", "ational", "er",
    "ful", "ive", "ize", "ization", "able", "ible", "ous", "ity", "ities", "ies", "al", "ally", "ence", "ance"];

  // The root the form carries; the file only when a theme's form has none.
  function loadRoot() {
    if (!root && form.dataset.searchRoot) {
      try { root = Promise.resolve(checked(JSON.parse(form.dataset.searchRoot))); } catch { root = null; }
    }
    root ??= fetch(indexURL, { cache: "no-cache" })
      .then((response) => { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then(checked);
    root.catch(() => { root = null; });
    return root;
  }

  // Herald writes a gzip member of DEFLATE blocks with the fixed Huffman codes (RFC 1951,
  // 3.2.6), which this reads at once through a table of the codes, several times faster
  // than a DecompressionStream's round of tasks; it returns null for anything else,
  // which the stream then reads.
  const reverse = (code, length) => {
    let reversed = 0;
    for (let i = 0; i < length; i++) reversed = reversed << 1 | (code >> i & 1);
    return reversed;
  };
  // The next 9 bits of input → the literal or length symbol they begin with, times 16,
  // plus its code's length.
  const fixedCodes = new Uint16Array(512);
  for (let symbol = 0; symbol < 288; symbol++) {
    const [length, first, base] =
      symbol < 144 ? [8, 0x30, 0] : symbol < 256 ? [9, 0x190, 144] : symbol < 280 ? [7, 0, 256] : [8, 0xc0, 280];
    const code = reverse(first + symbol - base, length);
    for (let fill = 0; fill < 512; fill += 1 << length) fixedCodes[code | fill] = symbol << 4 | length;
  }

  function inflateFixed(bytes) {
    const end = bytes.length;
    if (end < 18 || bytes[2] !== 8 || bytes[3] !== 0) return null;
    const size = (bytes[end - 4] | bytes[end - 3] << 8 | bytes[end - 2] << 16 | bytes[end - 1] << 24) >>> 0;
    const out = new Uint8Array(size);
    let at = 10, buffer = 0, count = 0, written = 0, final = 0;
    const take = (length) => {
      while (count < length) { buffer |= (bytes[at++] | 0) << count; count += 8; }
      const value = buffer & ((1 << length) - 1);
      buffer >>>= length;
      count -= length;
      return value;
    };
    while (!final) {
      final = take(1);
      if (take(2) !== 1) return null;
      for (;;) {
        if (at > end + 2) return null;
        while (count < 9) { buffer |= (bytes[at++] | 0) << count; count += 8; }
        const entry = fixedCodes[buffer & 511];
        buffer >>>= entry & 15;
        count -= entry & 15;
        const symbol = entry >> 4;
        if (symbol < 256) {
          if (written >= size) return null;
          out[written++] = symbol;
          continue;
        }
        if (symbol === 256) break;
        const length = LENGTH_BASE[symbol - 257] + take(LENGTH_EXTRA[symbol - 257]);
        const distanceCode = reverse(take(5), 5);
        const distance = DISTANCE_BASE[distanceCode] + take(DISTANCE_EXTRA[distanceCode]);
        if (!(length <= size - written && distance <= written)) return null;
        for (const stop = written + length; written < stop; written++) out[written] = out[written - distance];
      }
    }
    return written === size ? out : null;
  }

  function inflate(bytes) {
    const fixed = inflateFixed(bytes);
    if (fixed) return new TextDecoder().decode(fixed);
    return new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
  }

  function loadText(path, index) {
    const url = new URL(path, indexURL) + "?v=" + index.key;
    let text = texts.get(url);
    if (!text) {
      text = fetch(url).then(async (response) => {
        if (!response.ok) throw new Error(response.status);
        const bytes = new Uint8Array(await response.arrayBuffer());
        return bytes[0] === 0x1f && bytes[1] === 0x8b ? inflate(bytes) : new TextDecoder().decode(bytes);
      });
      texts.set(url, text);
      text.catch(() => texts.delete(url));
    }
    return text;
  }

  function shard(number, index) {
    let terms = shards.get(number);
    if (!terms) {
      // A line is the count of UTF-16 units shared with the previous term (as a
      // character from "!"), the rest of the term, a space and its postings.
      terms = loadText("terms/" + number + ".txt", index).then((text) => {
        const map = new Map();
        let term = "";
        for (const line of text.split("\n")) {
          const space = line.indexOf(" ");
          if (space < 1) continue;
          term = term.slice(0, line.charCodeAt(0) - LAST_ZERO) + line.slice(1, space);
          map.set(term, line.slice(space + 1));
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
      // "@link\tnumber\tdate[\ttitle]" starts an issue, "#n" a section, and an entry is
      // "distance\ttitle[\tdetail]": its file line is the distance from the previous
      // entry's (1 when empty), or the line itself after an issue line.
      entries = loadText("entries/" + number + ".bin", index).then((text) => {
        const result = [];
        let issue = null, section = "", line = 0;
        for (const row of text.split("\n")) {
          const fields = row.split("\t");
          if (row.startsWith("@")) {
            const [link, number, date, title] = fields;
            issue = { link: link.slice(1), number, date, title: title || "" };
            line = 0;
          } else if (row.startsWith("#")) {
            section = index.sections[+row.slice(1)] || "";
          } else if (row) {
            const [distance, title, detail] = fields;
            line += distance === "" ? 1 : +distance;
            result.push({ issue, section, anchor: line, title, detail: detail || "" });
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

  // Title postings (distance times two, plus one for a whole title), then after a space
  // detail postings (distance), in base 47 with "P" to "~" for leading digits and "!" to
  // "O" for the last.
  function decode(postings, into, exact) {
    let value = 0, number = 0, title = true;
    for (let i = 0; i < postings.length; i++) {
      const code = postings.charCodeAt(i);
      if (code === SPACE) { title = false; number = 0; continue; }
      if (code >= LEADING_ZERO) { value = value * BASE + code - LEADING_ZERO; continue; }
      value = value * BASE + code - LAST_ZERO;
      let flags = exact ? EXACT : 0;
      if (title) {
        number += Math.floor(value / 2);
        flags |= TITLE | (value % 2 ? WHOLE : 0);
      } else {
        number += value;
      }
      into.set(number, (into.get(number) || 0) | flags);
      value = 0;
    }
  }

  // Adds the entries of `term` (and, for a prefix, of every term it begins) to `found`.
  async function lookUp(term, prefix, word, found, index) {
    const first = shardOf(term, index);
    const last = prefix ? shardOf(term + "\uffff", index) : first;
    const numbers = Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
    for (const terms of await Promise.all(numbers.map((number) => shard(number, index)))) {
      if (!prefix) {
        if (terms.has(term)) decode(terms.get(term), found, term === word.text);
        continue;
      }
      for (const [candidate, postings] of terms) {
        if (candidate.startsWith(term)) decode(postings, found, candidate === word.text);
      }
    }
  }

  // The stems a word being typed may be on its way to: "teachi" to "teach".
  function stemsTyped(word) {
    const stems = [];
    for (let length = Math.max(3, word.surface.length - 5); length < word.surface.length; length++) {
      const rest = word.surface.slice(length);
      if (ENDINGS.some((ending) => ending.startsWith(rest))) stems.push(word.surface.slice(0, length));
    }
    return stems;
  }

  // Entry number → flags, for one query word: its stem (or the word itself, in an index
  // of words), and when it is the word being typed, the terms that begin with either
  // and the stems it may be on its way to.
  async function matches(word, index) {
    const found = new Map();
    if (!index.shards.length) return found;
    const lookups = [lookUp(word.text, word.prefix, word, found, index)];
    if (word.prefix && word.surface !== word.text) lookups.push(lookUp(word.surface, true, word, found, index));
    if (word.prefix && index.stemming) {
      for (const typed of stemsTyped(word)) lookups.push(lookUp(typed, false, word, found, index));
    }
    await Promise.all(lookups);
    return found;
  }

  // Whether a word of an entry's text is one the query asked for, so that it is marked.
  function matcher(parsed, index) {
    const stemming = index.stemming === "english";
    const exact = new Set(), prefixes = [];
    for (const word of parsed.words) {
      exact.add(word.text);
      if (word.prefix) {
        prefixes.push(word.text, word.surface);
        if (stemming) stemsTyped(word).forEach((typed) => exact.add(typed));
      }
    }
    return (surface) => {
      const term = stemming ? stem(surface) : surface;
      return exact.has(term) ||
        prefixes.some((prefix) => term.startsWith(prefix) || surface.startsWith(prefix));
    };
  }

  // Words, with the last one a prefix while it is being typed, and "quoted phrases".
  function parse(query, stopWords, stemming) {
    const phrases = [];
    const words = [];
    const parts = query.split("\"");
    parts.forEach((part, position) => {
      const terms = termsOf(part);
      if (position % 2 === 1 && terms.length) phrases.push(terms);
      if (position % 2 === 0) (fold(part).match(RUN) || []).forEach((run) => phrases.push(termsOf(run)));
      terms.forEach((surface) => words.push({ surface, text: surface, prefix: false }));
    });
    const typing = /[\p{L}\p{N}\p{Mc}]$/u.test(query) && parts.length % 2 === 1;
    if (typing && words.length && words[words.length - 1].text.length > 1) words[words.length - 1].prefix = true;
    const kept = words.filter((word) => word.prefix || !stopWords.has(word.text));
    if (stemming) kept.forEach((word) => { word.text = stem(word.surface); });
    return { words: kept, phrases, all: words };
  }

  function phraseMatches(found, phrases) {
    const text = " " + termsOf(found.title + " " + found.detail).join(" ") + " ";
    return phrases.every((phrase) => text.includes(" " + phrase.join(" ") + " "));
  }

  async function rank(query, index) {
    const parsed = parse(query, new Set(index.stopWords), index.stemming === "english");
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

  // "2024-02-07" as the issue's page writes it: "7 February 2024" on an English site, the
  // long form of the page's language elsewhere ("2024年2月7日" in zh-CN), as FeedDate does.
  function readable(date, months) {
    const [year, month, day] = date.split("-");
    const language = document.documentElement.lang;
    if (language && !/^en(-|$)/i.test(language)) {
      try {
        return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" })
          .format(Date.UTC(+year, month - 1, +day, 12));
      } catch { /* a tag the browser does not know: the English form */ }
    }
    return +day + " " + (months[month - 1] || month) + " " + year;
  }

  // At most `length` characters of `text` around its first marked word, cut at spaces.
  function excerpt(text, isHit, length) {
    if (text.length <= length) return text;
    let start = 0;
    for (const match of text.matchAll(WORD)) {
      if (isHit(fold(match[0]))) { start = Math.max(0, match.index - Math.floor(length / 4)); break; }
    }
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    let end = Math.min(text.length, start + length);
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    return (start > 0 ? "\u2026" : "") + text.slice(start, end) + (end < text.length ? "\u2026" : "");
  }

  // `text` into `element` as text nodes, the query's words in <mark>s.
  function highlight(element, text, isHit) {
    let at = 0;
    for (const match of text.matchAll(WORD)) {
      if (!isHit(fold(match[0]))) continue;
      if (match.index > at) element.append(text.slice(at, match.index));
      const mark = document.createElement("mark");
      mark.textContent = match[0];
      element.append(mark);
      at = match.index + match[0].length;
    }
    if (at < text.length) element.append(text.slice(at));
    return element;
  }

  function render(query, outcome, index, isHit) {
    list.replaceChildren(...outcome.found.filter(Boolean).map((found) => {
      const item = document.createElement("li");
      item.className = "search-result";
      const link = document.createElement("a");
      link.href = found.issue.link + "#L" + found.anchor;
      item.append(highlight(link, found.title, isHit));
      if (found.detail) {
        const detail = document.createElement("p");
        detail.className = "search-detail";
        item.append(highlight(detail, excerpt(found.detail, isHit, EXCERPT_LENGTH), isHit));
      }
      const where = document.createElement("p");
      where.className = "search-where";
      const time = document.createElement("time");
      time.dateTime = found.issue.date;
      time.textContent = readable(found.issue.date, index.months);
      const issue = found.issue.number ? say("search_issue", { number: found.issue.number }) : found.issue.title;
      where.append(found.section + " · " + issue + ", ", time);
      item.append(where);
      return item;
    }));
    const count = outcome.total;
    const counted = outcome.exact ? count : say("search_at_least", { count });
    status.textContent = count === 0
      ? say("search_none", { query })
      : say(count === 1 ? "search_one" : "search_many", { count: counted, query }) +
        (count > outcome.found.length ? say("search_showing", { shown: outcome.found.length }) : say("full_stop"));
    more?.remove();
    more = null;
    if (count > outcome.found.length) {
      more = document.createElement("button");
      more.type = "button";
      more.className = "search-more";
      more.textContent = say("search_more");
      more.addEventListener("click", () => {
        const first = outcome.found.length;
        shown += pageSize;
        run(true).then(() => list.querySelectorAll("a")[first]?.focus());
      });
      list.after(more);
    }
  }

  async function run(keepShown) {
    const started = performance.now();
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
    try {
      const index = await loadRoot();
      const ranking = await rank(query, index);
      const outcome = await results(ranking, shown, index);
      await painted;
      if (current !== generation) return;
      if (!ranking.parsed.words.length && ranking.parsed.all.length) {
        list.replaceChildren();
        status.textContent = say("search_common", { query });
      } else {
        render(query, outcome, index, matcher(ranking.parsed, index));
      }
      status.dataset.queryMs = (performance.now() - started).toFixed(1);
    } catch (error) {
      if (current !== generation) return;
      status.textContent = say("search_failed", { error: error.message });
    }
  }

  function links() { return [...list.querySelectorAll("a")]; }

  help.textContent = say("search_hint");
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  // Every keystroke asks at once: a query costs a few milliseconds once its files are here,
  // and asking for each prefix fetches, while the word is still being typed, the term shard
  // and most of the entry chunks the whole word will need, so its results follow its last key
  // without waiting for the network. Answers to older keystrokes are dropped (`generation`).
  input.addEventListener("input", () => run());
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
    run();
  }
})();
