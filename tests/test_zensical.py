"""Ready for Zensical, Material for MkDocs' successor, which reads mkdocs.yml.

The site is built with the Zensical release pinned in requirements-dev.txt (the newest the
package registry serves that installs here), in a copy of the project (Zensical builds only
inside the project root), and every page and every published anchor must be in its output.
Zensical missing is a failure with the reason, never a skip."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

ZENSICAL = Path(sys.executable).parent / "zensical"
PROJECT = ("mkdocs.yml", "docs", "overrides", "examples")


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory) -> Path:
    if not ZENSICAL.is_file():
        pytest.fail(f"{ZENSICAL} not found: Zensical is pinned in requirements-dev.txt; run `make test` "
                    "to install the test layer")
    project = tmp_path_factory.mktemp("zensical")
    for name in PROJECT:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, project / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, project / name)
    result = subprocess.run([str(ZENSICAL), "build", "-f", "mkdocs.yml"], cwd=project, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, f"zensical build failed:\n{result.stdout}\n{result.stderr}"
    return project / "site"


def _published() -> list[tuple[str, str]]:
    entries = []
    for line in (ROOT / "published-anchors.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            page, _, anchor = line.strip().partition("#")
            entries.append((page, anchor))
    return entries


def _html_path(page: str) -> str:
    return re.sub(r"\.md$", ".html", page)


def test_zensical_builds_every_page(zensical_site):
    pages = sorted({page for page, _ in _published()})
    assert len(pages) > 30
    missing = [p for p in pages if not (zensical_site / _html_path(p)).is_file()]
    assert missing == [], f"pages Zensical did not write: {missing}"


def test_zensical_output_keeps_every_published_anchor(zensical_site):
    ids: dict[str, set[str]] = {}
    missing = []
    for page, anchor in _published():
        if not anchor:
            continue
        if page not in ids:
            html = (zensical_site / _html_path(page)).read_text(encoding="utf-8")
            ids[page] = set(re.findall(r'\bid="([^"]+)"', html))
        if anchor not in ids[page]:
            missing.append(f"{page}#{anchor}")
    assert len(ids) > 30
    assert missing == [], f"{len(missing)} published anchors missing from the Zensical build: {missing[:20]}"
