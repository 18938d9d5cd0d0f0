"""Performance budget for the built site: prints one figure per line, exits 1 if a budget is missed.

    python scripts/bench.py [--only PAGE,PAGE] [--pages N] [--runs 5] [--no-lighthouse]
    make bench ARGS="--only compute/lambda/index.html --runs 7"

Figures: cold strict build time and whole-site checker time (median of 3 runs each, taken in
turns; budget: the checker at most half the build), search index size, the heaviest page
(bytes transferred gzip-compressed, by type), requests to other hosts (budget: none),
search latency from file:// and http, and Lighthouse scores (mobile and desktop) per page.
Lighthouse 12.2.3 comes from npm (node_modules) and drives Debian's Chromium
(CHROME_PATH=/usr/bin/chromium), against a local server on 127.0.0.1 that serves text
gzip-compressed, as real hosts do.

Lighthouse's performance score scales with the host's CPU, so the budget is relative: a minimal
Material page built with this site's theme settings is measured in the same run, and every page
must score within REFERENCE_MARGIN points of that page's median (median of --runs runs, at least
5). The reference is measured before and after the pages and judged as one set of runs; its
spread shows how noisy the run was, and the drift between before and after whether the machine
changed speed during a long sweep. Only a page's first run audits every category; the others
audit performance alone. A run whose first frame arrived after the
load had finished (a known Lighthouse/Chromium stall with the main thread idle) is flagged and
run again, up to --retries times, so it is not mistaken for a regression.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

from chromium_settings import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BUDGETS = {"accessibility": 100, "best-practices": 100, "seo": 100}
REFERENCE_MARGIN = 2  # points of performance below the minimal Material page's median
REFERENCE_PAGE = "# Reference\n\nA minimal Material page with the site's theme settings.\n"
SEARCH_MEDIAN_BUDGET_MS = 50  # median, last keystroke to results, over the query set typed key by key
INDEX_READY_BUDGET_MS = 600  # opening search to the index being ready
# The search index per page of content may grow at most 10 % over what it was when the budget was
# set: 507 KiB of index for 428 KiB of page text (36 pages, November 2026), a ratio of 1.183.
INDEX_PER_CONTENT_BUDGET = 507 / 428 * 1.10
CHECKER_BUDGET = 0.5  # the whole-site check takes at most this fraction of the strict build
COMPRESSIBLE = (".html", ".js", ".css", ".json", ".svg", ".xml", ".txt", ".map")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Static files; text types gzip-compressed when the client accepts it; keep-alive
    connections (HTTP/1.1), as real hosts serve a site."""

    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not (path.is_file() and path.suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        self.end_headers()
        return _BytesReader(body)


class _BytesReader:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def timed(cmd: list[str]) -> float:
    env = dict(os.environ, DISABLE_MKDOCS_2_WARNING="true", NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"bench: {' '.join(cmd)} failed:\n{result.stdout}{result.stderr}")
    return elapsed


def build_and_check_times(site: Path, runs: int = 3) -> tuple[float, float]:
    """Median times of the strict build (into site/, from scratch each time) and of the whole-site
    check, measured in turns so that both see the same machine load. The checker keeps no cache."""
    builds, checks = [], []
    for _ in range(runs):
        shutil.rmtree(site, ignore_errors=True)
        builds.append(timed([str(BIN / "mkdocs"), "build", "--strict", "-d", str(site)]))
        checks.append(timed([sys.executable, "scripts/check_docs.py"]))
    return sorted(builds)[runs // 2], sorted(checks)[runs // 2]


def page_weights(browser, base: str, pages: list[str]) -> tuple[str, dict[str, int], list[str]]:
    """The heaviest page by bytes transferred, its bytes by resource type, and every
    request any page made to another host."""
    heaviest, heaviest_bytes, foreign = "", {}, []
    for path in pages:
        by_type: dict[str, int] = defaultdict(int)
        page = browser.new_page()

        def record_foreign(req, path=path):
            if not req.url.startswith((base, "data:", "blob:")):
                foreign.append(f"{path} -> {req.url}")

        page.on("request", record_foreign)
        page.on("requestfinished", lambda req, acc=by_type: acc.__setitem__(
            req.resource_type, acc[req.resource_type] + req.sizes()["responseBodySize"]
            + req.sizes()["responseHeadersSize"]))
        page.goto(f"{base}/{path}", wait_until="networkidle")
        page.close()
        if sum(by_type.values()) > sum(heaviest_bytes.values()):
            heaviest, heaviest_bytes = path, dict(by_type)
    return heaviest, heaviest_bytes, foreign


def page_text_bytes(path: Path) -> int:
    """Bytes of visible text in a built page's article (its content, without the theme around it)."""
    match = re.search(r"<article[^>]*>(.*)</article>", path.read_text(encoding="utf-8"), re.S)
    return len(re.sub(r"<[^>]+>", "", match.group(1)).encode()) if match else 0


INDEX_READY_PROBE = """async () => {
  const meta = document.querySelector(".md-search-result__meta");
  const start = performance.now();
  document.querySelector("label[for=__search]").click();
  while (/Initializing/i.test(meta.textContent)) await new Promise(r => setTimeout(r, 5));
  return performance.now() - start;
}"""


def index_ready(browser, url: str) -> float:
    """Milliseconds from opening search on a freshly loaded page to the index being ready."""
    page = browser.new_page()
    page.goto(url, wait_until="load")
    ms = page.evaluate(INDEX_READY_PROBE)
    page.close()
    return ms


def reference_site(dest: Path) -> Path:
    """Build a one-page Material site with this site's `theme:` settings (palette, features,
    fonts; no overrides, no extra CSS or JS) into dest/site; return that folder."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    theme = re.search(r"^theme:\n(?:(?:[ #].*)?\n)+", config, re.M)
    if not theme:
        sys.exit("bench: mkdocs.yml:1: no `theme:` block to copy for the reference page")
    block = "\n".join(line for line in theme.group().splitlines() if "custom_dir" not in line)
    (dest / "docs").mkdir(parents=True)
    (dest / "docs" / "index.md").write_text(REFERENCE_PAGE, encoding="utf-8")
    (dest / "mkdocs.yml").write_text(
        f"site_name: Reference\nuse_directory_urls: false\n{block}\nplugins:\n  - search\n", encoding="utf-8")
    timed([str(BIN / "mkdocs"), "build", "--strict", "-q", "-f", str(dest / "mkdocs.yml"), "-d", str(dest / "site")])
    return dest / "site"


def lighthouse(url: str, preset: str, full: bool = True) -> dict:
    """One Lighthouse run: category scores, total blocking time (ms), failing binary audits, and
    whether the first frame came after the load event (a stalled run). `full=False` audits
    performance alone. No run takes the full-page screenshot: no score uses it, and it costs
    about 1.7 s a run."""
    cli = ROOT / "node_modules" / ".bin" / "lighthouse"
    with tempfile.TemporaryDirectory() as profile:
        flags = " ".join(["--headless=new", *CHROMIUM_ARGS, f"--user-data-dir={profile}"])
        cmd = [str(cli), url, "--quiet", "--output=json", "--output-path=stdout", f"--chrome-flags={flags}",
               "--disable-full-page-screenshot"]
        if preset == "desktop":
            cmd.append("--preset=desktop")
        if not full:
            cmd.append("--only-categories=performance")
        result = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM))
    if result.returncode != 0:
        sys.exit(f"bench: lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    return summarize(json.loads(result.stdout))


def summarize(report: dict) -> dict:
    """The figures bench keeps from one Lighthouse JSON report."""
    scores = {key: round((cat["score"] or 0) * 100) for key, cat in report["categories"].items()}
    audits = report["audits"]
    metrics = ((audits.get("metrics") or {}).get("details") or {}).get("items") or [{}]
    first_paint, load = metrics[0].get("observedFirstPaint"), metrics[0].get("observedLoad")
    return {
        "scores": scores,
        "tbt": round((audits.get("total-blocking-time") or {}).get("numericValue") or 0),
        "failing": sorted(name for name, a in audits.items() if a.get("scoreDisplayMode") == "binary"
                          and a.get("score") is not None and a["score"] < 1),
        "late_first_frame": first_paint is not None and load is not None and first_paint > load,
    }


def measure(url: str, preset: str, runs: int, retries: int, run=lighthouse) -> dict:
    """Median of `runs` Lighthouse runs (by performance score), the spread of those runs, and how
    many stalled runs (first frame after load) were run again. Only the first run audits every
    category: accessibility, best practices and SEO do not change from one load to the next, so
    the other runs audit performance alone (faster); their scores and failing audits come from
    the first run."""
    kept, reruns, audited = [], 0, None
    while len(kept) < runs:
        result = run(url, preset, audited is None)
        audited = audited or result
        if result["late_first_frame"] and reruns < retries:
            reruns += 1
            continue
        kept.append(result)
    return summary_of(kept, audited, reruns)


def summary_of(kept: list[dict], audited: dict, reruns: int) -> dict:
    kept = sorted(kept, key=lambda r: r["scores"]["performance"])
    median = kept[len(kept) // 2]
    performance = [r["scores"]["performance"] for r in kept]
    middle = (performance[(len(kept) - 1) // 2] + performance[len(kept) // 2]) / 2  # an even count: the mean of two
    return {**median, "scores": {**audited["scores"], "performance": int(middle + 0.5)},
            "failing": audited["failing"], "spread": (performance[0], performance[-1]), "reruns": reruns,
            "tbt_median": sorted(r["tbt"] for r in kept)[len(kept) // 2],
            "stalled_kept": sum(r["late_first_frame"] for r in kept), "runs": kept, "audited": audited}


def pooled(first: dict, last: dict) -> dict:
    """The reference measured before and after the pages, as one set of runs: a long sweep on a
    machine whose speed drifts is judged against the reference of the whole sweep."""
    return summary_of(first["runs"] + last["runs"], first["audited"], first["reruns"] + last["reruns"])


def budget_misses(path: str, preset: str, page: dict, reference: dict) -> list[str]:
    misses = [f"{path} {preset} {k}={page['scores'][k]} < {v}" for k, v in BUDGETS.items()
              if page["scores"].get(k, 0) < v]
    floor = reference["scores"]["performance"] - REFERENCE_MARGIN
    if page["scores"]["performance"] < floor:
        misses.append(f"{path} {preset} performance={page['scores']['performance']} < {floor} "
                      f"(reference {reference['scores']['performance']} - {REFERENCE_MARGIN})")
    return misses


def report_line(label: str, preset: str, page: dict, reference: dict | None = None) -> str:
    low, high = page["spread"]
    text = (f"lighthouse {preset:7} {label}: performance {page['scores']['performance']} "
            f"(runs {low}-{high}) TBT {page['tbt_median']} ms")
    if reference:
        text += (f" | reference {reference['scores']['performance']} TBT {reference['tbt_median']} ms,"
                 f" delta {page['scores']['performance'] - reference['scores']['performance']:+d}")
    text += " " + " ".join(f"{k}={page['scores'][k]}" for k in BUDGETS if k in page["scores"])
    if page["reruns"]:
        text += f" [stalled first frame: {page['reruns']} run(s) repeated]"
    if page["failing"]:
        text += f"  failing: {', '.join(page['failing'])}"
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print the site's performance figures and check the budgets.")
    parser.add_argument("--pages", type=int, default=0, help="Lighthouse on the first N pages only (0 = all)")
    parser.add_argument("--only", default="", help="Lighthouse on these pages only (comma-separated, as in site/)")
    parser.add_argument("--runs", type=int, default=5, help="Lighthouse runs per page and preset (median kept; >= 5)")
    parser.add_argument("--retries", type=int, default=3, help="extra runs allowed per page for stalled first frames")
    parser.add_argument("--preset", choices=("mobile", "desktop", "both"), default="both",
                        help="Lighthouse presets to run")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--no-search", action="store_true",
                        help="skip the typed query set (about 25 minutes), e.g. to rerun Lighthouse alone")
    args = parser.parse_args(argv)
    missed: list[str] = []

    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    build_time, check_time = build_and_check_times(site)
    print(f"cold build (mkdocs build --strict): {build_time:.2f} s")
    print(f"checker (scripts/check_docs.py, whole site, cold): {check_time:.2f} s "
          f"= {check_time / build_time:.0%} of the build (budget: {CHECKER_BUDGET:.0%})")
    if check_time > CHECKER_BUDGET * build_time:
        missed.append(f"checker {check_time:.2f} s > {CHECKER_BUDGET:.0%} of the build {build_time:.2f} s")
    index = (site / "search" / "search_index.json").read_bytes()
    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")
    text = sum(page_text_bytes(site / page) for page in pages)
    ratio = len(index) / text
    print(f"search index: {len(index) / 1024:.0f} KiB raw, {len(gzip.compress(index)) / 1024:.0f} KiB gzip; "
          f"{len(pages)} pages, {len(index) / 1024 / len(pages):.1f} KiB per page; {ratio:.3f} bytes of index per "
          f"byte of page text (budget {INDEX_PER_CONTENT_BUDGET:.3f})")
    if ratio > INDEX_PER_CONTENT_BUDGET:
        missed.append(f"search index {ratio:.3f} bytes per byte of page text > {INDEX_PER_CONTENT_BUDGET:.3f}")
    server, base = serve(site)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        browser = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True,
                                                        args=CHROMIUM_ARGS)
        heaviest, weights, foreign = page_weights(browser, base, pages)
        print(f"requests to other hosts ({len(pages)} pages loaded): {len(foreign)}")
        missed += [f"request to another host: {line}" for line in foreign]
        detail = ", ".join(f"{kind} {size / 1024:.0f} KiB" for kind, size in sorted(weights.items()))
        print(f"largest page: {heaviest} {sum(weights.values()) / 1024:.0f} KiB transferred ({detail})")
        # The query set, typed key by key, from file:// and over http (scripts/ is on sys.path
        # when bench runs): rates, and the latency from the last keystroke to the results.
        import search_quality

        where = () if args.no_search else (("file://", (site / "index.html").as_uri()), ("http", f"{base}/index.html"))
        for label, url in where:
            ready = max(index_ready(browser, url) for _ in range(3))
            print(f"search index ready after opening search ({label}, worst of 3): {ready:.0f} ms")
            if ready > INDEX_READY_BUDGET_MS:
                missed.append(f"search index ready {label} {ready:.0f} ms > {INDEX_READY_BUDGET_MS} ms")
            outcomes = search_quality.run(site, search_quality.load_queries(), browser, typed=True,
                                          base_url=None if label == "file://" else base)
            m = search_quality.metrics(outcomes)
            print(search_quality.summary(m, label))
            if m["top1_page"] < 0.95 or m["top1_section"] < 0.80:
                missed.append(f"search ({label}) top-1 page {m['top1_page']:.1%} / section "
                              f"{m['top1_section']:.1%} below 95 % / 80 %")
            if m["latency_median_ms"] > SEARCH_MEDIAN_BUDGET_MS:
                missed.append(f"search ({label}) median latency {m['latency_median_ms']:.0f} ms "
                              f"> {SEARCH_MEDIAN_BUDGET_MS} ms")
        browser.close()

    if not args.no_lighthouse:
        if args.runs < 5:
            parser.error("--runs must be at least 5: a median of fewer runs cannot tell noise from a regression")
        chosen = [p for p in args.only.split(",") if p] or (pages[: args.pages] if args.pages else pages)
        unknown = sorted(set(chosen) - set(pages))
        if unknown:
            parser.error(f"--only: no such page in the build: {', '.join(unknown)}")
        ref_dir = Path(tempfile.mkdtemp(prefix="bench-reference-"))
        ref_server, ref_base = serve(reference_site(ref_dir))
        presets = ("mobile", "desktop") if args.preset == "both" else (args.preset,)
        references, results = {}, []
        for preset in presets:
            references[preset] = measure(f"{ref_base}/index.html", preset, args.runs, args.retries)
            low, high = references[preset]["spread"]
            print(report_line("reference (minimal Material page)", preset, references[preset])
                  + f"  noise: {high - low} points between runs", flush=True)
        for path in chosen:
            for preset in presets:
                result = measure(f"{base}/{path}", preset, args.runs, args.retries)
                print(report_line(path, preset, result, references[preset]), flush=True)
                results.append((path, preset, result))
        # The reference again after the pages: the budget is judged against all its runs, before
        # and after, and the drift between the two says whether the machine changed speed.
        for preset in presets:
            again = measure(f"{ref_base}/index.html", preset, args.runs, args.retries)
            before = references[preset]["scores"]["performance"]
            references[preset] = pooled(references[preset], again)
            low, high = references[preset]["spread"]
            print(report_line("reference, before and after the pages", preset, references[preset])
                  + f"  noise: {high - low} points between runs; drift "
                  f"{again['scores']['performance'] - before:+d} (before {before}, after "
                  f"{again['scores']['performance']})", flush=True)
        for path, preset, result in results:
            missed += budget_misses(path, preset, result, references[preset])
        ref_server.shutdown()
        shutil.rmtree(ref_dir, ignore_errors=True)
    server.shutdown()
    shutil.rmtree(site, ignore_errors=True)
    for line in missed:
        print(f"BUDGET MISSED: {line}")
    print("budgets: " + ("all met" if not missed else f"{len(missed)} missed"))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
