"""Performance budget for the built site: prints one figure per line, exits 1 if a budget is missed.

    python scripts/bench.py [--pages N] [--runs 3] [--no-lighthouse]

Figures: cold strict build time and whole-site checker time (median of 3 runs each, taken in
turns; budget: the checker at most half the build), search index size, the heaviest page
(bytes transferred gzip-compressed, by type), requests to other hosts (budget: none),
search latency from file:// and http, and Lighthouse scores (mobile and desktop) per page. Lighthouse 12.2.3 comes from
npm (node_modules) and drives Debian's Chromium (CHROME_PATH=/usr/bin/chromium),
against a local server on 127.0.0.1 that serves text gzip-compressed, as real hosts do.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
BUDGETS = {"performance": 98, "accessibility": 100, "best-practices": 100, "seo": 100}
SEARCH_BUDGET_MS = 100
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


SEARCH_PROBE = """async (query) => {
  // Type like a person (120 ms between keys), let earlier queries finish, then time the last key:
  // from its keyup to the next change of the result list.
  const sleep = ms => new Promise(r => setTimeout(r, ms));
  const input = document.querySelector("input.md-search__input");
  const list = document.querySelector(".md-search-result__list");
  const type = text => {
    input.value = text;
    input.dispatchEvent(new KeyboardEvent("keyup", {key: text.slice(-1), bubbles: true}));
  };
  input.focus();
  for (let i = 1; i < query.length; i++) { type(query.slice(0, i)); await sleep(120); }
  await sleep(400);
  const changed = new Promise(resolve => new MutationObserver((_, obs) => {
    obs.disconnect(); resolve(performance.now());
  }).observe(list, {childList: true, subtree: true}));
  const start = performance.now();
  type(query);
  return (await changed) - start;
}"""


def search_latency(browser, url: str, queries: list[str]) -> float:
    """Worst time (ms) from the last keystroke to the first rendered result, index already loaded."""
    page = browser.new_page()
    page.goto(url)
    box = page.locator("input.md-search__input")
    box.click()
    box.press_sequentially("warmup", delay=10)  # loads the index and the worker
    page.wait_for_timeout(1500)
    worst = 0.0
    for query in queries:
        box.fill("")
        page.wait_for_timeout(300)
        worst = max(worst, page.evaluate(SEARCH_PROBE, query))
        if page.locator(".md-search-result__item").count() == 0:
            sys.exit(f"bench: search for {query!r} found nothing at {url}")
    page.close()
    return worst


def lighthouse(url: str, preset: str) -> dict[str, int]:
    cli = ROOT / "node_modules" / ".bin" / "lighthouse"
    with tempfile.TemporaryDirectory() as profile:
        flags = " ".join(CHROMIUM_ARGS + [f"--user-data-dir={profile}"])
        cmd = [str(cli), url, "--quiet", "--output=json", "--output-path=stdout", f"--chrome-flags={flags}"]
        if preset == "desktop":
            cmd.append("--preset=desktop")
        result = subprocess.run(cmd, capture_output=True, text=True, env=dict(os.environ, CHROME_PATH=CHROMIUM))
    if result.returncode != 0:
        sys.exit(f"bench: lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    scores = {key: round(cat["score"] * 100) for key, cat in report["categories"].items()}
    failing = [f"{a['id']}" for a in report["audits"].values()
               if a.get("score") is not None and a["score"] < 1 and a.get("scoreDisplayMode") == "binary"]
    scores["_failing"] = failing
    return scores


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Print the site's performance figures and check the budgets.")
    parser.add_argument("--pages", type=int, default=0, help="Lighthouse on the first N pages only (0 = all)")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page and preset (median kept)")
    parser.add_argument("--no-lighthouse", action="store_true")
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
    print(f"search index: {len(index) / 1024:.0f} KiB raw, {len(gzip.compress(index)) / 1024:.0f} KiB gzip")

    pages = sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html") if p.name != "404.html")
    server, base = serve(site)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        browser = pw.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, headless=True,
                                                        args=CHROMIUM_ARGS[1:])
        heaviest, weights, foreign = page_weights(browser, base, pages)
        print(f"requests to other hosts ({len(pages)} pages loaded): {len(foreign)}")
        missed += [f"request to another host: {line}" for line in foreign]
        detail = ", ".join(f"{kind} {size / 1024:.0f} KiB" for kind, size in sorted(weights.items()))
        print(f"largest page: {heaviest} {sum(weights.values()) / 1024:.0f} KiB transferred ({detail})")
        queries = ["GetObject", "list_objects_v2", "TransactWriteItems", "dead-letter queue"]
        for label, url in (("file://", (site / "index.html").as_uri()), ("http", f"{base}/index.html")):
            latency = search_latency(browser, url, queries)
            print(f"search latency ({label}, worst of {len(queries)} queries): {latency:.0f} ms")
            if latency > SEARCH_BUDGET_MS:
                missed.append(f"search latency {label} {latency:.0f} ms > {SEARCH_BUDGET_MS} ms")
        browser.close()

    if not args.no_lighthouse:
        chosen = pages[: args.pages] if args.pages else pages
        for path in chosen:
            for preset in ("mobile", "desktop"):
                # Lighthouse varies from run to run on a busy 2-core machine: report the median of
                # RUNS runs (the run with the median performance score), as Lighthouse CI does.
                runs = sorted((lighthouse(f"{base}/{path}", preset) for _ in range(args.runs)),
                              key=lambda s: s["performance"])
                scores = runs[len(runs) // 2]
                failing = scores.pop("_failing")
                print(f"lighthouse {preset:7} {path}: " + " ".join(f"{k}={v}" for k, v in scores.items())
                      + (f"  failing: {', '.join(failing)}" if failing else ""))
                missed += [f"{path} {preset} {k}={scores[k]} < {v}" for k, v in BUDGETS.items() if scores[k] < v]
    server.shutdown()
    shutil.rmtree(site, ignore_errors=True)
    for line in missed:
        print(f"BUDGET MISSED: {line}")
    print("budgets: " + ("all met" if not missed else f"{len(missed)} missed"))
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
