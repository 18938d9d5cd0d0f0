"""The checker on the real site: clean as committed, and any single broken link,
anchor or nav entry in a copy of it makes it exit 1 naming the file and line."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECKER = ROOT / "scripts" / "check_docs.py"


def run(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHECKER), "--config", str(cwd / "mkdocs.yml")],
                          cwd=cwd, capture_output=True, text=True)


@pytest.fixture
def site_copy(tmp_path) -> Path:
    for name in ("mkdocs.yml", "README.md", "published-anchors.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    for folder in ("docs", "examples", "overrides"):
        shutil.copytree(ROOT / folder, tmp_path / folder, ignore=shutil.ignore_patterns("vendor"))
    return tmp_path


def test_real_site_is_clean():
    result = run(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no problems" in result.stdout


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line)


def test_misspelt_page_link_is_reported_at_its_line(site_copy):
    page = site_copy / "docs" / "storage" / "s3.md"
    text = page.read_text(encoding="utf-8")
    link = re.search(r"\]\((\.\./sdk/boto3\.md)", text)
    assert link, "s3.md no longer links to the boto3 page; pick another link for this test"
    page.write_text(text.replace(link.group(1), "../sdk/bot03.md", 1), encoding="utf-8")
    result = run(site_copy)
    line = _line_of(page, "../sdk/bot03.md")
    assert result.returncode == 1
    assert re.search(rf"^docs/storage/s3\.md:{line}:\d+: L001 ", result.stdout, re.M), result.stdout


def test_renamed_heading_breaks_links_and_published_anchor(site_copy):
    page = site_copy / "docs" / "security" / "iam.md"
    text = page.read_text(encoding="utf-8")
    assert "{ #resource-based-policies }" in text
    page.write_text(text.replace("{ #resource-based-policies }", "{ #resource-policies }"), encoding="utf-8")
    result = run(site_copy)
    assert result.returncode == 1
    listed = _line_of(site_copy / "published-anchors.txt", "security/iam.md#resource-based-policies")
    assert f"published-anchors.txt:{listed}:1: A001 " in result.stdout, result.stdout


def test_alias_keeps_a_renamed_anchor_alive(site_copy):
    page = site_copy / "docs" / "security" / "iam.md"
    text = page.read_text(encoding="utf-8")
    text = text.replace("{ #resource-based-policies }", "{ #resource-policies }")
    text += '\n<a id="resource-based-policies"></a>\n'
    page.write_text(text, encoding="utf-8")
    result = run(site_copy)
    assert result.returncode == 0, result.stdout


def test_page_dropped_from_nav_is_reported(site_copy):
    config = site_copy / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    entry = "      - Redshift: databases/redshift.md\n"
    assert entry in text
    config.write_text(text.replace(entry, ""), encoding="utf-8")
    result = run(site_copy)
    assert result.returncode == 1
    assert re.search(r"^docs/databases/redshift\.md:1:1: N001 ", result.stdout, re.M), result.stdout
