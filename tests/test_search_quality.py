"""Search lands on the right section: the query set's budgets, the best-section promotion,
"Did you mean" on a miss, and the query file's own checks."""

from __future__ import annotations

from pathlib import Path

import material
import pytest
from conftest import ROOT, load_example

quality = load_example("scripts/search_quality.py")
BUNDLE = next((Path(material.__file__).parent / "templates" / "assets" / "javascripts").glob("bundle.*.min.js"))
TOP1_PAGE, TOP1_SECTION = 0.95, 0.80


@pytest.fixture(scope="module")
def outcomes(site_dir, browser):
    return quality.run(site_dir, quality.load_queries(), browser)


def test_query_set_is_large_and_every_target_exists(site_dir):
    queries = quality.load_queries()
    assert len(queries) >= 120
    for query in queries:
        for target in query.targets:
            page, _, anchor = target.partition("#")
            html = site_dir / page
            assert html.is_file(), f"search_queries.yml:{query.line}: no page {page}"
            if anchor:
                assert f'id="{anchor}"' in html.read_text(encoding="utf-8"), (
                    f"search_queries.yml:{query.line}: no #{anchor} on {page}")


@pytest.mark.browser
def test_search_budgets_on_the_query_set(outcomes):
    m = quality.metrics(outcomes)
    report = quality.summary(m) + "\n" + "\n".join(quality.misses(outcomes))
    assert m["top1_page"] >= TOP1_PAGE, report
    assert m["top1_section"] >= TOP1_SECTION, report
    assert m["zero_results"] == 0, report


@pytest.mark.browser
def test_best_section_is_shown_when_the_page_outranks_it(site_dir, browser):
    # "rds proxy": the RDS page's title matches, so Material folds every section; ours shows the answer.
    (outcome,) = quality.run(site_dir, [quality.Query("rds proxy", ("databases/rds.html#rds-proxy",), 1)], browser)
    page, answer = outcome.groups[0]
    assert page == "databases/rds.html" and answer == "databases/rds.html#rds-proxy"


@pytest.mark.browser
@pytest.mark.parametrize("where", ["file", "http"])
def test_a_word_ending_in_a_hyphen_searches_as_the_word(site_dir, site_url, browser, where):
    # Typing "us-east-1" passes through "us-east-": lunr reads the trailing hyphen as "without",
    # which matched every section of the site (all pages, 0.6-1 s of worker time). The search
    # worker's wrapper drops hyphens that end a word.
    base = None if where == "file" else site_url
    pages = len([p for p in site_dir.rglob("*.html") if p.name != "404.html"])
    partial, whole = quality.run(site_dir, [quality.Query("us-east-", ("x.html",), 1),
                                            quality.Query("us-east", ("x.html",), 2)], browser, base_url=base)
    assert partial.groups == whole.groups
    assert 0 < len(partial.groups) < pages / 2


# Runs the same queries through several search workers, each with the site's own index, and returns
# each one's results, with "url", the worker the page asks for. "configured" is that worker
# (search-wrapper.js, which loads Material's), "unpruned" the same with pruning off ("&keep=all" in
# its fragment), "material" Material's worker alone (the file the configured URL's fragment names).
COMPARE_WORKERS = """async ([queries, names]) => {
  const config = JSON.parse(document.getElementById("__config").textContent);
  const configured = new URL(config.search, location.href).href;
  const [own, fragment] = configured.split("#");
  const material = fragment ? new URL(fragment, own).href : null;
  const urls = {configured, unpruned: configured + "&keep=all", material};
  if (location.protocol === "file:" && !window.__index) await new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = new URL("search/search_index.js", new URL(config.base + "/", location.href)).href;
    script.onload = resolve; script.onerror = reject; document.head.appendChild(script);
  });
  const index = window.__index
    || await (await fetch(new URL("search/search_index.json", new URL(config.base + "/", location.href)))).json();
  async function run(url) {
    const worker = new Worker(url);
    const ask = message => new Promise(resolve => {
      worker.onmessage = event => resolve(event.data);
      worker.postMessage(message);
    });
    await ask({type: 0, data: {...index, options: {suggest: false}}});
    const out = [];
    for (const query of queries) out.push((await ask({type: 2, data: query})).data.items);
    worker.terminate();
    return out;
  }
  const results = {url: configured};
  for (const name of names) results[name] = urls[name] && await run(urls[name]);
  return results;
}"""


def _workers(site_dir, site_url, browser, where, queries, names):
    page = browser.new_page()
    page.goto((site_dir / "index.html").as_uri() if where == "file" else f"{site_url}/index.html")
    got = page.evaluate(COMPARE_WORKERS, [queries, names])
    page.close()
    assert "workers/search-wrapper.js#search." in got["url"], (
        "the page no longer asks for assets/javascripts/workers/search-wrapper.js (overrides/main.html "
        f"rewrites Material's worker URL): {got['url']}")
    assert all(got[name] is not None for name in names), got["url"]
    return got


def _first_answer(groups):
    """The first group's page and its best section, as search.js shows them (the page if no section)."""
    if not groups:
        return None
    items = groups[0]
    page = next(i for i in items if "#" not in i["location"])["location"]
    sections = sorted((i for i in items if "#" in i["location"]), key=lambda i: -i["score"])
    return page, sections[0]["location"] if sections else page


# Broad queries: no stop word and no trailing hyphen, so the wrapper leaves the query as typed.
BROAD_QUERIES = ["lambda", "lambda pricing", "lambda run time limit", "s3 bucket policy", "iam role", "l", "vpc"]


@pytest.mark.browser
@pytest.mark.parametrize("where", ["file", "http"])
def test_the_search_worker_prunes_matches_that_cannot_rank_and_keeps_the_first_50(site_dir, site_url,
                                                                                   browser, where):
    got = _workers(site_dir, site_url, browser, where, BROAD_QUERIES, ["configured", "unpruned"])

    def ranked(groups):  # every result lunr matched, best first (the page entries Material adds score 0)
        return [item["location"] for item in sorted((i for g in groups for i in g if i["score"] > 0),
                                                    key=lambda i: -i["score"])]

    pruned_total = full_total = 0
    for query, pruned, full in zip(BROAD_QUERIES, got["configured"], got["unpruned"], strict=True):
        assert ranked(pruned)[:50] == ranked(full)[:50], query
        assert [g[0]["location"] for g in pruned[:10]] == [g[0]["location"] for g in full[:10]], query
        pruned_total += sum(map(len, pruned))
        full_total += sum(map(len, full))
    assert pruned_total < full_total / 2, (pruned_total, full_total)


# Each query, the answer Material's worker alone gives first, and the answer the site's gives first.
RANKING = [
    # every query word (heading and text) beats one query word in a heading
    ("kinesis retention", "integration/streaming.html#sample-event", "integration/streaming.html#retention"),
    # the page title counts as part of each section's heading ("boto3 > Sessions")
    ("boto3 session", "compute/load-balancing.html#stickiness", "sdk/boto3.html#sessions"),
    ("route 53 ttl", "networking/route53.html#health-checks", "networking/route53.html#ttl"),
    # a page's "Interview angle" (model answers that sum up the page) is its answer only when it
    # matches clearly better than the page's other sections
    ("step functions human approval", "integration/step-functions.html#interview-angle",
     "integration/step-functions.html#task-token"),
]


@pytest.mark.browser
@pytest.mark.parametrize("where", ["file", "http"])
def test_the_search_worker_ranks_by_the_query_words_a_section_has_and_where(site_dir, site_url, browser,
                                                                           where):
    queries = [query for query, _, _ in RANKING]
    got = _workers(site_dir, site_url, browser, where, queries, ["configured", "material"])
    for (query, before, after), ours, alone in zip(RANKING, got["configured"], got["material"], strict=True):
        assert _first_answer(alone)[1] == before, (query, "Material alone no longer ranks this "
                                                      "differently: pick a query that shows the change")
        assert _first_answer(ours)[1] == after, query


@pytest.mark.browser
@pytest.mark.parametrize("where", ["file", "http"])
def test_a_completed_stop_word_is_not_searched_but_the_word_being_typed_is(site_dir, site_url, browser, where):
    # Material searches every word as a prefix; "in" is not in the index (a stop word), so
    # "lambda in vpc" matched every word starting "in" and the VPC section came third.
    base = None if where == "file" else site_url
    with_stop, without, typing, lambda_only = quality.run(site_dir, [
        quality.Query(q, ("x.html",), i) for i, q in enumerate(["lambda in vpc", "lambda vpc", "lambda in", "lambda"])
    ], browser, base_url=base)
    assert with_stop.groups == without.groups
    assert with_stop.groups[0] == ("networking/vpc.html", "networking/vpc.html#lambda-in-a-vpc")
    assert typing.groups != lambda_only.groups  # "in" as the word being typed still reaches "instance" etc.


@pytest.mark.browser
@pytest.mark.parametrize(("typed", "offered"), [("gaurdduty", "guardduty"), ("coldstart", "cold start"),
                                                ("dynamdb streams", "dynamodb streams"), ("lambda", None)])
def test_did_you_mean_comes_from_the_site_vocabulary(site_dir, browser, typed, offered):
    page = browser.new_page()
    page.goto((site_dir / "index.html").as_uri())
    assert page.evaluate("q => window.fieldGuideSearch.suggestion(q)", typed) == offered
    page.close()


def test_material_result_markup_we_rely_on_is_unchanged():
    code = BUNDLE.read_text(encoding="utf-8")
    for name in ("md-search-result__item", "md-search-result__link", "md-search-result__more",
                 "search.result.more.other"):
        assert name in code, f"Material's search results changed ({name}): update assets/javascripts/search.js"


@pytest.mark.parametrize(("text", "message"), [
    ("- {q: lambda}\n", ":1: each entry needs q"),
    ("- {q: lambda, expect: [compute/lambda/index.md]}\n", ":1: each entry needs q"),
    ("- {q: ok, expect: [a.html]}\n- {q: '', expect: [a.html]}\n", ":2: each entry needs q"),
    ("q: lambda\n", ":1: expected a list"),
    ("- [unclosed\n", "not YAML"),
])
def test_bad_query_file_names_file_and_line(tmp_path, text, message):
    path = tmp_path / "queries.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(quality.QueryFileError, match=message):
        quality.load_queries(path)


def test_outcome_scoring_rules():
    query = quality.Query("q", ("a.html#x", "b.html"), 1)
    assert quality.Outcome(query, (("a.html", "a.html#x"),), 1).top_section
    assert not quality.Outcome(query, (("a.html", "a.html"),), 1).top_section  # page shown, section folded
    assert quality.Outcome(query, (("b.html", "b.html#y"),), 1).top_section  # a page target takes any section
    late = quality.Outcome(query, (("c.html", "c.html"), ("d.html", "d.html"), ("b.html", "b.html")), 1)
    assert not late.top_page and late.reciprocal_rank == pytest.approx(1 / 3)
    assert quality.Outcome(query, (), 1).reciprocal_rank == 0


def test_queries_file_lives_with_the_tests():
    assert quality.QUERIES == ROOT / "tests" / "search_queries.yml"
