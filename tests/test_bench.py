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
