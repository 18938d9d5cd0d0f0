// Material's search worker, unchanged, with the query cleaned before Material reads it and lunr's
// matches pruned before Material processes them.
//
// The query. Material adds a trailing wildcard to every word, so each word matches every indexed
// word it begins:
// - A word of lunr's stop-word list ("how long can a lambda run", "lambda in vpc") is not in the
//   index (the build drops those words), so all it matches is other words that begin with it:
//   "a" matches every word starting with "a". Such a word is dropped once it is complete (a space
//   follows it); the word being typed is left alone ("in" on the way to "instance"), and so is a
//   query made of stop words only.
// - A word ending in a hyphen ("us-east-" on the way to "us-east-1") reaches lunr as a prohibited
//   term, "every section without ...", which is every section: the hyphens that end a word go.
//
// The matches. Material highlights, posts and renders every section lunr matches, though a reader
// sees the first ten pages. After lunr ranks them, Material multiplies each score by 1 + boost²,
// where boost is 1 for a page (0 for a section) plus the share of query words that matched: at
// least 1, at most 5. A match whose lunr score is below a fifth of the KEEP-th best can therefore
// never rank among the first KEEP results; those are dropped before Material highlights them.
//
// The page asks for this file instead of Material's worker (overrides/main.html); Material's
// worker is named in this file's URL fragment (search.<hash>.min.js, beside this file), so an
// upgrade that renames it needs no change here. Works as a Web Worker (http) and in the iframe
// that the iframe-worker shim runs it in from file://, where importScripts is asynchronous.
// tests/test_search_quality.py fails if either change stops working, or if pruning moves the first
// results.
(function () {
  var KEEP = 50;
  var MAX_BOOST = 5;
  var QUERY = 2; // Material's message type for a query; its data is the query string

  function isStopWord(word) {
    return !!self.lunr && !self.lunr.stopWordFilter(word.toLowerCase());
  }

  function clean(query) {
    query = query.replace(/-+(?=\s|$)/g, "");
    var words = query.split(/\s+/);
    var typing = /\s$/.test(query) ? words.length : words.length - 1; // the word being typed
    var kept = words.filter(function (word, i) { return word && (i === typing || !isStopWord(word)); });
    if (!kept.length) return query;
    return kept.join(" ");
  }

  // Registered before Material's handler, so it runs first and Material reads the cleaned query.
  self.addEventListener("message", function (event) {
    var message = event.data;
    if (message && message.type === QUERY && typeof message.data === "string") {
      message.data = clean(message.data);
    }
  });

  function prune() {
    if (!self.lunr || !self.lunr.Index) return; // not Material's lunr worker: leave it as it is
    var search = self.lunr.Index.prototype.search;
    self.lunr.Index.prototype.search = function () {
      var results = search.apply(this, arguments); // sorted by score, best first
      if (results.length <= KEEP) return results;
      var floor = results[KEEP - 1].score / MAX_BOOST;
      return results.filter(function (result) { return result.score >= floor; });
    };
  }

  // In the shim's iframe, this script is the first with a src (the shim appends "?<time>").
  var script = typeof document !== "undefined" && document.querySelector("script[src]");
  var own = script ? script.src : self.location.href;
  var material = own.slice(own.indexOf("#") + 1).replace(/\?\d+$/, "");
  var loaded = importScripts(new URL(material, own.split("#")[0]).href);
  if (loaded && typeof loaded.then === "function") loaded.then(prune); else prune();
})();
