const stem = (() => {
  const EXCEPTIONS = new Map(Object.entries({
    skis: "ski", skies: "sky", dying: "die", lying: "lie", tying: "tie", idly: "idl", gently: "gentl",
    ugly: "ugli", early: "earli", only: "onli", singly: "singl", sky: "sky", news: "news", howe: "howe",
    atlas: "atlas", cosmos: "cosmos", bias: "bias", andes: "andes" }));
  const AFTER_1A = new Set(["inning", "outing", "canning", "herring", "earring", "proceed", "exceed",
    "succeed"]);
  const STEP2 = new Map(Object.entries({
    tional: "tion", enci: "ence", anci: "ance", abli: "able", entli: "ent", izer: "ize", ization: "ize",
    ational: "ate", ation: "ate", ator: "ate", alism: "al", aliti: "al", alli: "al", fulness: "ful",
    ousli: "ous", ousness: "ous", iveness: "ive", iviti: "ive", biliti: "ble", bli: "ble", ogi: "og",
    fulli: "ful", lessli: "less", li: "" }));
  const STEP3 = new Map(Object.entries({
    tional: "tion", ational: "ate", alize: "al", icate: "ic", iciti: "ic", ical: "ic", ful: "", ness: "",
    ative: "" }));
  const STEP4 = ["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent", "ism", "ate",
    "iti", "ous", "ive", "ize", "ion"];
  const DOUBLES = ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"];
  const isVowel = (letter) => "aeiouy".includes(letter);

  return (term) => {
    if (term.length <= 2 || !/^[a-z]+$/.test(term)) return term;
    if (EXCEPTIONS.has(term)) return EXCEPTIONS.get(term);
    let word = term.replace(/^y/, "Y").replace(/([aeiouy])y/g, "$1Y");
    const regionStart = (start) => {
      let index = start;
      while (index < word.length && !isVowel(word[index])) index++;
      while (index < word.length && isVowel(word[index])) index++;
      return Math.min(index + 1, word.length);
    };
    const prefix = ["gener", "commun", "arsen"].find((start) => word.startsWith(start));
    const r1 = prefix ? prefix.length : regionStart(0);
    const r2 = regionStart(r1);
    const shortSyllable = (end) => {
      if (end === 2) return isVowel(word[0]) && !isVowel(word[1]);
      return end >= 3 && !isVowel(word[end - 3]) && isVowel(word[end - 2]) && !isVowel(word[end - 1]) &&
        !"wxY".includes(word[end - 1]);
    };
    const longest = (suffixes) =>
      suffixes.filter((suffix) => word.endsWith(suffix))
        .reduce((a, b) => (b.length > (a?.length ?? -1) ? b : a), null);
    const vowelBefore = (end) => [...word.slice(0, Math.max(end, 0))].some(isVowel);
    const replace = (suffix, by) => { word = word.slice(0, word.length - suffix.length) + by; };

    let suffix = longest(["sses", "ied", "ies", "s", "us", "ss"]);
    if (suffix === "sses") replace(suffix, "ss");
    else if (suffix === "ied" || suffix === "ies") replace(suffix, word.length - 3 > 1 ? "i" : "ie");
    else if (suffix === "s" && vowelBefore(word.length - 2)) replace(suffix, "");
    if (AFTER_1A.has(word)) return word;

    suffix = longest(["eed", "eedly", "ed", "edly", "ing", "ingly"]);
    if (suffix === "eed" || suffix === "eedly") {
      if (word.length - suffix.length >= r1) replace(suffix, "ee");
    } else if (suffix && vowelBefore(word.length - suffix.length)) {
      replace(suffix, "");
      if (word.endsWith("at") || word.endsWith("bl") || word.endsWith("iz")) word += "e";
      else if (DOUBLES.some((double) => word.endsWith(double))) word = word.slice(0, -1);
      else if (r1 >= word.length && shortSyllable(word.length)) word += "e";
    }

    if (/[yY]$/.test(word) && word.length > 2 && !isVowel(word[word.length - 2])) {
      word = word.slice(0, -1) + "i";
    }

    suffix = longest([...STEP2.keys()]);
    if (suffix && word.length - suffix.length >= r1) {
      const before = word[word.length - suffix.length - 1] || "";
      const allowed = suffix === "ogi" ? before === "l"
        : suffix !== "li" || (before !== "" && "cdeghkmnrt".includes(before));
      if (allowed) {
        replace(suffix, STEP2.get(suffix));
      }
    }

    suffix = longest([...STEP3.keys()]);
    const start = suffix ? word.length - suffix.length : -1;
    if (suffix && start >= r1 && (suffix !== "ative" || start >= r2)) {
      replace(suffix, STEP3.get(suffix));
    }

    suffix = longest(STEP4);
    if (suffix && word.length - suffix.length >= r2) {
      const before = word[word.length - suffix.length - 1] || "";
      if (suffix !== "ion" || before === "s" || before === "t") replace(suffix, "");
    }

    const last = word.length - 1;
    if (word[last] === "e") {
      if (last >= r2 || (last >= r1 && !shortSyllable(last))) word = word.slice(0, -1);
    } else if (word[last] === "l" && last >= r2 && word[last - 1] === "l") {
      word = word.slice(0, -1);
    }
    return word.replace(/Y/g, "y");
  };
})();
