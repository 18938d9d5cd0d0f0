"""The benchmark's own parts: the local server compresses like a real host, and the
page loader reports a request to any other host."""

from __future__ import annotations

import gzip
import os
import urllib.request

import pytest
from conftest import load_example

bench = load_example("scripts/bench.py")


@pytest.fixture
def tiny_site(tmp_path):
    # Hex digits compress to about half, so this page stays the heaviest when gzipped.
    text = os.urandom(4000).hex()
    (tmp_path / "index.html").write_text(f"<!doctype html><title>t</title><p>{text}", encoding="utf-8")
    (tmp_path / "leaky.html").write_text(
        '<!doctype html><title>t</title><img alt="" src="http://cdn.example.invalid/pixel.png">', encoding="utf-8"
    )
    server, base = bench.serve(tmp_path)
    yield tmp_path, base
    server.shutdown()


def _get(url: str, **headers) -> tuple[str | None, bytes]:
    with urllib.request.urlopen(urllib.request.Request(url, headers=headers)) as response:
        return response.headers.get("Content-Encoding"), response.read()


def test_server_gzips_text_only_for_clients_that_accept_it(tiny_site):
    site, base = tiny_site
    original = (site / "index.html").read_bytes()
    encoding, body = _get(f"{base}/index.html", **{"Accept-Encoding": "gzip"})
    assert encoding == "gzip" and gzip.decompress(body) == original and len(body) < len(original)
    encoding, body = _get(f"{base}/index.html")
    assert encoding is None and body == original


@pytest.mark.browser
def test_page_loader_reports_requests_to_other_hosts(tiny_site, browser):
    _, base = tiny_site
    heaviest, weights, foreign = bench.page_weights(browser, base, ["index.html", "leaky.html"])
    assert foreign == ["leaky.html -> http://cdn.example.invalid/pixel.png"]
    assert heaviest == "index.html" and weights["document"] > 0


# --- Lighthouse bookkeeping (no Lighthouse run needed) -----------------------------------------


def _report(performance: float, tbt: float, first_paint: int, load: int, seo: float = 1.0) -> dict:
    return {
        "categories": {"performance": {"score": performance}, "accessibility": {"score": 1.0},
                       "best-practices": {"score": 1.0}, "seo": {"score": seo}},
        "audits": {
            "total-blocking-time": {"numericValue": tbt},
            "metrics": {"details": {"items": [{"observedFirstPaint": first_paint, "observedLoad": load}]}},
            "document-title": {"score": 1, "scoreDisplayMode": "binary"},
            "meta-description": {"score": 0, "scoreDisplayMode": "binary"},
        },
    }


def test_summarize_flags_a_first_frame_after_load():
    on_time = bench.summarize(_report(0.99, 80.4, first_paint=900, load=1500))
    stalled = bench.summarize(_report(0.71, 60, first_paint=2600, load=1500))
    assert on_time["scores"]["performance"] == 99 and on_time["tbt"] == 80 and not on_time["late_first_frame"]
    assert stalled["late_first_frame"] and on_time["failing"] == ["meta-description"]


def test_measure_reruns_stalled_runs_and_keeps_the_median():
    results = iter([
        bench.summarize(_report(0.70, 50, 2600, 1500)),  # stalled: run again
        *(bench.summarize(_report(s, t, 900, 1500)) for s, t in [(0.97, 300), (0.99, 90), (0.98, 200),
                                                                  (1.0, 60), (0.96, 350)]),
    ])
    result = bench.measure("u", "mobile", runs=5, retries=3, run=lambda url, preset, full: next(results))
    assert result["reruns"] == 1 and result["stalled_kept"] == 0
    assert result["scores"]["performance"] == 98 and result["spread"] == (96, 100) and result["tbt_median"] == 200


def test_measure_keeps_stalled_runs_once_retries_are_spent():
    stalled = bench.summarize(_report(0.70, 50, 2600, 1500))
    result = bench.measure("u", "mobile", runs=5, retries=2, run=lambda url, preset, full: stalled)
    assert result["reruns"] == 2 and result["stalled_kept"] == 5


def test_only_the_first_run_audits_every_category_and_the_median_keeps_its_scores():
    full = bench.summarize(_report(0.97, 300, 900, 1500, seo=0.92))
    perf_only = [bench.summarize(_report(s, t, 900, 1500)) for s, t in [(0.99, 90), (0.98, 200), (1.0, 60),
                                                                       (0.96, 350)]]
    for r in perf_only:  # a performance-only report has no other category and no failing SEO audit
        r["scores"] = {"performance": r["scores"]["performance"]}
        r["failing"] = []
    calls = []
    results = iter([full, *perf_only])

    def run(url, preset, full):
        calls.append(full)
        return next(results)

    result = bench.measure("u", "mobile", runs=5, retries=3, run=run)
    assert calls == [True, False, False, False, False]
    assert result["scores"] == {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 92}
    assert result["failing"] == ["meta-description"]


def test_the_reference_before_and_after_the_pages_is_judged_as_one_set_of_runs():
    def reference(scores):
        results = iter(bench.summarize(_report(s, 50, 900, 1500)) for s in scores)
        return bench.measure("ref", "mobile", runs=5, retries=0, run=lambda url, preset, full: next(results))

    before, after = reference([0.99] * 5), reference([0.95, 0.96, 0.96, 0.97, 0.97])
    both = bench.pooled(before, after)
    assert both["spread"] == (95, 99) and both["scores"]["performance"] == 98 and len(both["runs"]) == 10


def test_budget_is_relative_to_the_reference_page():
    reference = {"scores": {"performance": 99}}
    page = {"scores": {"performance": 97, "accessibility": 100, "best-practices": 100, "seo": 100}}
    assert bench.budget_misses("a.html", "mobile", page, reference) == []
    page["scores"]["performance"] = 96
    page["scores"]["seo"] = 92
    misses = bench.budget_misses("a.html", "mobile", page, reference)
    assert misses == ["a.html mobile seo=92 < 100", "a.html mobile performance=96 < 97 (reference 99 - 2)"]


def test_reference_site_is_one_material_page_with_the_site_theme(tmp_path):
    site = bench.reference_site(tmp_path / "ref")
    html = (site / "index.html").read_text(encoding="utf-8")
    assert "A minimal Material page" in html and 'data-md-color-primary="indigo"' in html
    assert "extra.css" not in html and "code-copy.js" not in html  # none of the site's own additions
    assert 'data-md-component="palette"' in html  # Material's own palette, as a plain Material site has


def test_page_text_counts_the_article_only(tmp_path):
    page = tmp_path / "p.html"
    page.write_text('<nav>menu menu</nav><article class="md-content__inner"><h1>Tit<b>le</b></h1><p>ab</p></article>',
                    encoding="utf-8")
    assert bench.page_text_bytes(page) == len("Titleab")
    (tmp_path / "q.html").write_text("<p>no article</p>", encoding="utf-8")
    assert bench.page_text_bytes(tmp_path / "q.html") == 0
