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
    # which matched every section of the site (all pages, 0.6-1 s of worker time).
    base = None if where == "file" else site_url
    pages = len([p for p in site_dir.rglob("*.html") if p.name != "404.html"])
    partial, whole = quality.run(site_dir, [quality.Query("us-east-", ("x.html",), 1),
                                            quality.Query("us-east", ("x.html",), 2)], browser, base_url=base)
    assert partial.groups == whole.groups
    assert 0 < len(partial.groups) < pages / 2


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
