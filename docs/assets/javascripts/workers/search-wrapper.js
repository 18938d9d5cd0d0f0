// Material's search worker, unchanged, with four things done around it: the page title is indexed
// with each section, the query is cleaned before Material reads it, and lunr's matches are ranked
// and pruned before Material processes them.
//
// The index. Each section is indexed with its page's title (a field "page", weighted as a title),
// so a section's heading is read the way a reader sees it: "Route 53 > TTL", "boto3 > Sessions".
// Without it, "boto3 session" found the load balancer's "Sticky sessions" before boto3's
// "Sessions", whose heading lacks the word "boto3".
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
// The ranking. lunr weighs a word in a heading a thousand times a word in the text, so a section
// with one query word in its heading outranked the section that has them all ("kinesis retention"
// found a Kinesis code sample before "Retention and replay"). Matches are ordered by the query's
// words they have and where:
//   1. the words the section has (heading, page title or text), a word in its heading or in its
//      page's title counting twice;
//   2. then the words it has, wherever they are;
//   3. then the score Material gives it (lunr's score times Material's bonus, 1 + boost²).
// Material multiplies each score by that bonus after lunr ranks the matches, so each score handed
// back is divided by it: the order Material sorts into is the one above.
// A page's digest (DIGESTS: "Interview angle", model answers that repeat the words of the sections
// they sum up) is the answer shown for its page only if it has DIGEST_LEAD more points (step 1)
// than the page's best other match; the page keeps the place its best match gives it. The answer
// is then the section that explains the subject, not a list of closed questions about it.
//
// The matches. Material highlights, posts and renders every section lunr matches, though a reader
// sees the first ten pages. Only the matches ranked up to the KEEP-th (and ties) go on.
//
// The page asks for this file instead of Material's worker (overrides/main.html); Material's
// worker is named in this file's URL fragment (search.<hash>.min.js, beside this file), so an
// upgrade that renames it needs no change here. "&keep=all" after that name turns pruning off
// (tests compare both). Works as a Web Worker (http) and in the iframe that the iframe-worker shim
// runs it in from file://, where importScripts is asynchronous. tests/test_search_quality.py fails
// if any of this stops working.
(function () {
  var SETUP = 0; // Material's message types: SETUP carries the index, QUERY the query string
  var QUERY = 2;
  var PAGE = "page"; // the field that carries the page title on each section
  var DIGESTS = ["interview-angle"]; // anchors of the sections that sum up their page
  var DIGEST_LEAD = 2;

  // In the shim's iframe, this script is the first with a src (the shim appends "?<time>").
  var script = typeof document !== "undefined" && document.querySelector("script[src]");
  var own = script ? script.src : self.location.href;
  var fragment = own.slice(own.indexOf("#") + 1).replace(/\?\d+$/, "").split("&");
  var material = fragment[0];
  var KEEP = fragment.indexOf("keep=all") > 0 ? Infinity : 50;

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

  function prepare(index) {
    var titles = {};
    index.docs.forEach(function (doc) {
      if (doc.location.indexOf("#") < 0) titles[doc.location] = doc.title;
    });
    index.docs.forEach(function (doc) {
      var parts = doc.location.split("#");
      if (parts.length < 2) return;
      if (titles[parts[0]] !== undefined) doc[PAGE] = titles[parts[0]];
    });
    var heading = index.config.fields.title || {};
    index.config.fields[PAGE] = { boost: heading.boost || 1 };
  }

  // Registered before Material's handler, so it runs first and Material reads the changed message.
  self.addEventListener("message", function (event) {
    var message = event.data;
    if (!message) return;
    if (message.type === SETUP && message.data && message.data.docs && message.data.config) {
      prepare(message.data);
    } else if (message.type === QUERY && typeof message.data === "string") {
      message.data = clean(message.data);
    }
  });

  // The query's words as Material reads them: its clauses, without prohibited ones and wildcards.
  function queryWords(index, query) {
    var parsed = new self.lunr.Query(index.fields);
    new self.lunr.QueryParser(query, parsed).parse();
    var words = [];
    parsed.clauses.forEach(function (clause) {
      var word = clause.term.replace(/^\*/, "").replace(/\*$/, "");
      if (clause.presence !== self.lunr.Query.presence.PROHIBITED && words.indexOf(word) < 0) words.push(word);
    });
    return words;
  }

  // The match's place in the order above (its tier; "own" is the tier it competes with inside its
  // page), and Material's bonus for it, computed as Material does: a query word the match lacks
  // counts only if it is not a stop word (stop[i]: words[i] is one).
  function measure(result, words, stop) {
    var terms = Object.keys(result.matchData.metadata);
    var found = 0, inHeading = 0, counted = 0;
    words.forEach(function (word, i) {
      var here = false, heading = false;
      terms.forEach(function (term) {
        if (term.lastIndexOf(word, 0) !== 0) return;
        var fields = result.matchData.metadata[term];
        here = true;
        if (fields.title || fields[PAGE]) heading = true;
      });
      found += here;
      inHeading += heading;
      counted += here || !stop[i];
    });
    var boost = (result.ref.indexOf("#") < 0 ? 1 : 0) + (counted ? found / counted : 0);
    var points = found + inHeading;
    var digest = DIGESTS.indexOf(result.ref.split("#")[1]) >= 0;
    return {
      tier: points * (words.length + 1) + found,
      own: (digest ? points - DIGEST_LEAD : points) * (words.length + 1) + found,
      bonus: 1 + boost * boost
    };
  }

  function rank(index, query, results) {
    var words = queryWords(index, query);
    if (!words.length || !results.length) return results;
    var stop = words.map(isStopWord); // once per query, not once per match
    var best = 0;
    var ranked = results.map(function (result) {
      var m = measure(result, words, stop);
      var score = result.score * m.bonus;
      if (score > best) best = score;
      return { result: result, page: result.ref.split("#")[0], m: m, score: score };
    });
    // Material orders the pages by their first match and shows that match first: each page's lead
    // (by its own tier) takes the place of the page's best match (by tier).
    var place = {}, lead = {};
    ranked.forEach(function (r) {
      var tier = r.score + r.m.tier * (best + 1);
      r.final = r.score + r.m.own * (best + 1);
      if (!(r.page in place) || tier > place[r.page]) place[r.page] = tier;
      if (!(r.page in lead) || r.final > lead[r.page].final) lead[r.page] = r;
    });
    Object.keys(lead).forEach(function (page) { lead[page].final = Math.max(lead[page].final, place[page]); });
    ranked.sort(function (a, b) { return b.final - a.final; });
    if (ranked.length > KEEP) {
      var floor = ranked[KEEP - 1].final;
      ranked = ranked.filter(function (r) { return r.final >= floor; });
    }
    return ranked.map(function (r) {
      r.result.score = r.final / r.m.bonus; // Material multiplies it by the bonus again
      return r.result;
    });
  }

  function wrapSearch() {
    if (!self.lunr || !self.lunr.Index) return; // not Material's lunr worker: leave it as it is
    var search = self.lunr.Index.prototype.search;
    self.lunr.Index.prototype.search = function (query) {
      return rank(this, query, search.apply(this, arguments));
    };
  }

  var loaded = importScripts(new URL(material, own.split("#")[0]).href);
  if (loaded && typeof loaded.then === "function") loaded.then(wrapSearch); else wrapSearch();
})();
