// Search that lands on the right section, and a "Did you mean" for typos.
//
// 1. Material groups results by page and, when the page itself scores highest (its title matches
//    and pages get a bonus over their sections), folds every section into "N more on this page".
//    A query such as "rds proxy" then shows the RDS page but hides the section that answers it.
//    Here the best section of such a group (the first one Material folded: they are sorted by
//    score) is moved out of the fold, right under the page. Groups and their order are Material's.
// 2. When a query finds nothing, the closest words of the site's own vocabulary are offered as
//    "Did you mean ...". The vocabulary is built from the search index the site already ships
//    (search/search_index.js, the form that loads from file://), once, on the first miss.
//
// (The query itself is cleaned in the search worker: assets/javascripts/workers/search-wrapper.js.)
//
// Both depend on Material 9.8 (result markup .md-search-result__item, __link, __more, __meta);
// tests/test_search_quality.py fails if an upgrade changes them.
(function () {
  var list = document.querySelector(".md-search-result__list");
  var meta = document.querySelector(".md-search-result__meta");
  var input = document.querySelector("input.md-search__input");
  var configNode = document.getElementById("__config");
  if (!list || !meta || !input || !configNode) return;
  var config = JSON.parse(configNode.textContent);
  var more = config.translations || {};

  function moreLabel(count) {
    var text = count === 1 ? more["search.result.more.one"] : more["search.result.more.other"];
    return (text || "# more on this page").replace("#", String(count));
  }

  function promote(item) {
    if (item.hasAttribute("data-fg-ranked")) return;
    item.setAttribute("data-fg-ranked", "");
    if (item.querySelectorAll(":scope > a.md-search-result__link").length !== 1) return;
    var fold = item.querySelector(":scope > details.md-search-result__more");
    var best = fold && fold.querySelector(":scope > a.md-search-result__link");
    if (!best) return;
    item.insertBefore(best, fold);
    var left = fold.querySelectorAll(":scope > a.md-search-result__link").length;
    if (!left) {
      fold.remove();
    } else {
      var label = fold.querySelector("summary > div");
      if (label) label.textContent = moreLabel(left);
    }
  }

  // --- Did you mean -------------------------------------------------------------------------

  var vocabulary = null; // word -> weight
  var loading = null;

  function loadVocabulary() {
    if (loading) return loading;
    loading = new Promise(function (resolve) {
      if (window.__index) return resolve(window.__index);
      var script = document.createElement("script");
      script.src = (config.base || ".") + "/search/search_index.js";
      script.onload = function () { resolve(window.__index || null); };
      script.onerror = function () { resolve(null); };
      document.head.appendChild(script);
    }).then(function (index) {
      vocabulary = {};
      if (!index) return vocabulary;
      var split = new RegExp(index.config.separator, "g");
      index.docs.forEach(function (doc) {
        var weight = doc.location.indexOf("#") < 0 ? 5 : 2;
        [[doc.title, weight], [doc.text, 1]].forEach(function (pair) {
          String(pair[0] || "").replace(/<[^>]+>/g, " ").toLowerCase().split(split).forEach(function (word) {
            if (word.length > 2 && word.length < 40 && /^[a-z][a-z0-9_]*$/.test(word)) {
              vocabulary[word] = (vocabulary[word] || 0) + pair[1];
            }
          });
        });
      });
      return vocabulary;
    });
    return loading;
  }

  // Optimal string alignment distance (Damerau-Levenshtein without repeated edits), capped.
  function distance(a, b, cap) {
    if (Math.abs(a.length - b.length) > cap) return cap + 1;
    var prev2 = null, prev = [], row, i, j;
    for (j = 0; j <= b.length; j++) prev[j] = j;
    for (i = 1; i <= a.length; i++) {
      row = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        if (prev2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          row[j] = Math.min(row[j], prev2[j - 2] + 1);
        }
        if (row[j] < best) best = row[j];
      }
      if (best > cap) return cap + 1;
      prev2 = prev;
      prev = row;
    }
    return prev[b.length];
  }

  function correct(word) {
    if (vocabulary[word]) return word;
    var cap = word.length <= 4 ? 1 : 2;
    var found = null, foundDistance = cap + 1, foundWeight = 0;
    Object.keys(vocabulary).forEach(function (candidate) {
      var d = distance(word, candidate, cap);
      if (d < foundDistance || (d === foundDistance && d <= cap && vocabulary[candidate] > foundWeight)) {
        found = candidate; foundDistance = d; foundWeight = vocabulary[candidate];
      }
    });
    if (found) return found;
    // Two words run together ("coldstart"): split where both halves are words of the site.
    for (var cut = 3; cut <= word.length - 3; cut++) {
      if (vocabulary[word.slice(0, cut)] && vocabulary[word.slice(cut)]) {
        return word.slice(0, cut) + " " + word.slice(cut);
      }
    }
    return null;
  }

  function suggestion(query) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return null;
    var fixed = words.map(function (w) { return correct(w) || w; });
    var text = fixed.join(" ");
    return text !== words.join(" ") ? text : null;
  }

  function search(text) {
    input.value = text;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    input.dispatchEvent(new KeyboardEvent("keyup", { key: text.slice(-1), bubbles: true }));
    input.focus();
  }

  function offer() {
    var query = input.value.trim();
    if (list.children.length || !query || meta.querySelector(".fg-did-you-mean")) return;
    loadVocabulary().then(function () {
      if (list.children.length || input.value.trim() !== query) return;
      var text = suggestion(query);
      if (!text || meta.querySelector(".fg-did-you-mean")) return;
      var line = document.createElement("span");
      line.className = "fg-did-you-mean";
      line.appendChild(document.createTextNode(" Did you mean "));
      var button = document.createElement("button");
      button.type = "button";
      button.style.cssText = "background:none;border:0;padding:0;font:inherit;cursor:pointer;" +
        "color:var(--md-typeset-a-color);text-decoration:underline";
      button.textContent = text;
      button.addEventListener("click", function () { search(text); });
      line.appendChild(button);
      line.appendChild(document.createTextNode("?"));
      meta.appendChild(line);
    });
  }

  new MutationObserver(function () {
    list.querySelectorAll(":scope > .md-search-result__item").forEach(promote);
    if (!list.children.length) offer();
  }).observe(list, { childList: true });
  new MutationObserver(function () {
    if (!list.children.length) offer();
  }).observe(meta, { childList: true, characterData: true });

  // For tests and the bench: the correction the box would offer.
  window.fieldGuideSearch = { suggestion: function (q) { return loadVocabulary().then(function () { return suggestion(q); }); } };
})();
