"""The site builds strictly, with zero warnings, and ships what offline readers need."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent


def test_strict_build_has_no_warnings(build_result):
    _, result = build_result
    log = result.stdout + result.stderr
    assert result.returncode == 0, log
    warnings = [line for line in log.splitlines() if re.match(r"^(WARNING|ERROR)\b", line)]
    assert warnings == []


def _config() -> dict:
    # mkdocs.yml uses !!python tags; a permissive loader is enough to read plain keys.
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
    Loader.add_constructor("!ENV", lambda loader, node: None)
    return yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=Loader)


def test_config_is_strict_and_validates_everything():
    config = _config()
    assert config["strict"] is True
    assert config["validation"] == {
        "omitted_files": "warn",
        "absolute_links": "warn",
        "unrecognized_links": "warn",
        "anchors": "warn",
    }
    assert config["theme"]["font"] is False


def test_plugins_are_ones_zensical_also_supports():
    supported = {"search", "offline", "tags", "meta", "redirects", "minify", "privacy"}
    names = {p if isinstance(p, str) else next(iter(p)) for p in _config()["plugins"]}
    assert names <= supported
    assert "hooks" not in _config()


def test_iframe_worker_shim_is_shipped_locally(site_dir):
    shim = site_dir / "assets" / "vendor" / "iframe-worker" / "shim.js"
    assert shim.is_file() and shim.stat().st_size > 1000
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert "assets/vendor/iframe-worker/shim.js" in html
    assert "unpkg.com" not in html


def test_offline_search_index_is_inlined(site_dir):
    script = site_dir / "search" / "search_index.js"
    assert script.read_text(encoding="utf-8").startswith("var __index =")


def test_every_heading_has_a_permalink(site_dir):
    page = (site_dir / "compute" / "lambda" / "index.html").read_text(encoding="utf-8")
    headings = re.findall(r"<h([2-6]) id=\"[^\"]+\">(.*?)</h\1>", page, flags=re.S)
    assert headings, "the Lambda page has no section headings"
    for _, inner in headings:
        assert 'class="headerlink"' in inner
