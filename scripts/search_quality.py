"""How well the site's own search answers the queries engineers type.

    python scripts/search_quality.py [SITE_DIR] [--queries FILE] [--misses]

Types each query of tests/search_queries.yml into the built site's search box (Chromium, from
file://, no server), the way Material shows results: one group per page, the page first, then
the best sections, the rest folded into "N more on this page". For each query it records the
first group's page and its first visible section, and prints:

- top-1 page: the first group is an accepted page;
- top-1 section: the first visible answer (the top section, or the page when no section
  outranks it) is an accepted target (a target without #section accepts its page);
- MRR@10: mean reciprocal rank of the first group with an accepted page, over 10 groups;
- zero results, and latency from the last keystroke to rendered results (median, max).

tests/test_search_quality.py holds the budgets; `make bench` prints these figures.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import yaml
from chromium_settings import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "tests" / "search_queries.yml"


@dataclass(frozen=True)
class Query:
    text: str
    targets: tuple[str, ...]  # "page.html" or "page.html#section"
    line: int


@dataclass(frozen=True)
class Outcome:
    query: Query
    groups: tuple[tuple[str, str], ...]  # (page, first visible answer) per result group, in order
    latency_ms: float
    corrected: str | None = None  # the "Did you mean" the site offered (and the reader followed)

    @property
    def pages(self) -> set[str]:
        return {t.split("#")[0] for t in self.query.targets}

    @property
    def top_page(self) -> bool:
        return bool(self.groups) and self.groups[0][0] in self.pages

    @property
    def top_section(self) -> bool:
        if not self.groups:
            return False
        page, answer = self.groups[0]
        return any(answer == t if "#" in t else page == t for t in self.query.targets)

    @property
    def reciprocal_rank(self) -> float:
        for rank, (page, _) in enumerate(self.groups[:10], start=1):
            if page in self.pages:
                return 1 / rank
        return 0.0


class QueryFileError(Exception):
    pass


def load_queries(path: Path = QUERIES) -> list[Query]:
    """Queries with accepted targets; a malformed entry raises QueryFileError naming file:line."""
    text = path.read_text(encoding="utf-8")
    try:
        node = yaml.compose(text)
    except yaml.YAMLError as error:
        raise QueryFileError(f"{path}:{getattr(error, 'problem_mark', None) and error.problem_mark.line + 1 or 1}:"
                             f" not YAML: {error}") from None
    if node is None or node.tag != "tag:yaml.org,2002:seq":
        raise QueryFileError(f"{path}:1: expected a list of {{q: ..., expect: [...]}}")
    queries = []
    for item, raw in zip(node.value, yaml.safe_load(text), strict=True):
        line = item.start_mark.line + 1
        if not (isinstance(raw, dict) and isinstance(raw.get("q"), str) and raw["q"].strip()
                and isinstance(raw.get("expect"), list) and raw["expect"]
                and all(isinstance(t, str) and t.split("#")[0].endswith(".html") for t in raw["expect"])):
            raise QueryFileError(f"{path}:{line}: each entry needs q: TEXT and "
                                 "expect: [page.html or page.html#id, ...]")
        queries.append(Query(raw["q"], tuple(raw["expect"]), line))
    return queries


# Sets the query (typed = True: one key at a time, 80 ms apart, as a person types), then waits
# for Material to render the results of the whole query and reads the groups. Latency: from the
# last keystroke to the first change of the result list.
PROBE = """async ([query, typed]) => {
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  const meta = document.querySelector(".md-search-result__meta");
  const type = text => {
    input.value = text;
    input.dispatchEvent(new Event("input", {bubbles: true}));
    input.dispatchEvent(new KeyboardEvent("keyup", {key: text.slice(-1), bubbles: true}));
  };
  // Resolves once the results have not changed for `ms` (or after `max` ms in all).
  const quiet = (ms, max) => new Promise(resolve => {
    let timer;
    const done = () => { obs.disconnect(); clearTimeout(timer); resolve(); };
    const obs = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, ms); });
    obs.observe(list, {childList: true, subtree: true});
    obs.observe(meta, {childList: true, characterData: true, subtree: true});
    timer = setTimeout(done, ms);
    setTimeout(done, max);
  });
  input.focus();
  type("");
  await quiet(40, 2000);
  if (typed) {
    for (let i = 1; i < query.length; i++) { type(query.slice(0, i)); await sleep(80); }
    await quiet(300, 3000);
  }
  const changed = new Promise(resolve => {
    const obs = new MutationObserver(() => { obs.disconnect(); resolve(performance.now()); });
    obs.observe(list, {childList: true, subtree: true});
    obs.observe(meta, {childList: true, characterData: true, subtree: true});
    setTimeout(() => { obs.disconnect(); resolve(null); }, 3000);
  });
  const start = performance.now();
  type(query);
  const end = await changed;
  await quiet(50, 3000);
  const strip = href => { const u = new URL(href); return u.pathname + u.hash; };
  const read = () => [...list.querySelectorAll(":scope > .md-search-result__item")].map(item => {
    const links = [...item.querySelectorAll(":scope > a.md-search-result__link")].map(a => strip(a.href));
    return [links[0], links[1] || links[0]];
  });
  let groups = read(), corrected = null;
  if (!groups.length) {
    // No result: follow the site's "Did you mean" if it offers one, as a reader would.
    for (let i = 0; i < 100 && !document.querySelector(".fg-did-you-mean button"); i++) await sleep(50);
    const button = document.querySelector(".fg-did-you-mean button");
    if (button) {
      corrected = button.textContent;
      button.click();
      for (let i = 0; i < 60 && !list.children.length; i++) await sleep(50);
      await quiet(150, 3000);
      groups = read();
    }
  }
  return {groups, corrected, latency: end === null ? 0 : end - start};
}"""


def _relative(path: str, root: str) -> str:
    return path[len(root):] if path.startswith(root) else path


def run(site_dir: Path, queries: list[Query], browser, typed: bool = False,
        base_url: str | None = None) -> list[Outcome]:
    """Enter every query into the search box of site_dir/index.html (file://, or base_url/index.html
    where site_dir is served) and read the results; typed=True types each one key by key (slower;
    the latency a person sees)."""
    page = browser.new_page()
    if base_url is None:
        page.route(lambda url: not url.startswith(("file:", "data:", "blob:")), lambda route: route.abort())
        index_url = (site_dir / "index.html").resolve().as_uri()
    else:
        index_url = f"{base_url.rstrip('/')}/index.html"
    page.goto(index_url)
    root = urlsplit(index_url).path.rsplit("/", 1)[0] + "/"
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("lambda", delay=20)  # load the index and the worker once
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    outcomes = []
    for query in queries:
        result = page.evaluate(PROBE, [query.text, typed])
        groups = tuple((_relative(p, root), _relative(a, root)) for p, a in result["groups"])
        outcomes.append(Outcome(query, groups, result["latency"], result["corrected"]))
    page.close()
    return outcomes


def metrics(outcomes: list[Outcome]) -> dict[str, float]:
    latencies = [o.latency_ms for o in outcomes if o.groups]
    count = len(outcomes)
    return {
        "queries": count,
        "top1_page": sum(o.top_page for o in outcomes) / count,
        "top1_section": sum(o.top_section for o in outcomes) / count,
        "mrr10": sum(o.reciprocal_rank for o in outcomes) / count,
        "zero_results": sum(not o.groups for o in outcomes),
        "corrected": sum(o.corrected is not None for o in outcomes),
        "latency_median_ms": statistics.median(latencies) if latencies else 0.0,
        "latency_max_ms": max(latencies) if latencies else 0.0,
    }


def summary(m: dict[str, float], where: str = "file://") -> str:
    return (f"search quality ({m['queries']} queries, {where}): top-1 page {m['top1_page']:.1%}, "
            f"top-1 section {m['top1_section']:.1%}, MRR@10 {m['mrr10']:.3f}, zero results "
            f"{m['zero_results']} (after {m['corrected']} 'Did you mean'), "
            f"latency median {m['latency_median_ms']:.0f} ms, max {m['latency_max_ms']:.0f} ms")


def misses(outcomes: list[Outcome]) -> list[str]:
    lines = []
    for o in outcomes:
        if not o.top_section:
            got = o.groups[0] if o.groups else ("(no results)", "")
            lines.append(f"{QUERIES.name}:{o.query.line}: {o.query.text!r}: got {got[1] or got[0]}, "
                         f"want {' or '.join(o.query.targets)}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", nargs="?", default="site", help="a built site (default: site/)")
    parser.add_argument("--queries", type=Path, default=QUERIES)
    parser.add_argument("--misses", action="store_true", help="list the queries whose first answer is wrong")
    parser.add_argument("--typed", action="store_true", help="type key by key, as a person does (slower)")
    args = parser.parse_args(argv)
    site = Path(args.site)
    if not (site / "index.html").is_file():
        print(f"search_quality: {site}/index.html not found; run `make build` first", file=sys.stderr)
        return 2
    try:
        queries = load_queries(args.queries)
    except (OSError, QueryFileError) as error:
        print(f"search_quality: {error}", file=sys.stderr)
        return 2
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        browser = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True,
                                                        args=CHROMIUM_ARGS)
        outcomes = run(site, queries, browser, typed=args.typed)
        browser.close()
    print(summary(metrics(outcomes)))
    if args.misses:
        print("\n".join(misses(outcomes)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
