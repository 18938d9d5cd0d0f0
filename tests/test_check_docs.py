"""Tests for scripts/check_docs.py against the small sites in tests/fixtures/links/<case>/.

Each case asserts the exact `PATH:LINE:COL: CODE` lines and the exit status. Most run the
checker as a function (fast); a few run it as a subprocess to prove the exit codes and that
no traceback ever reaches the terminal. The IAM checker is stubbed where a test is about
where findings land, so those tests do not depend on the IAM rules.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import load_example
from docscheck import check, config, parallel, reader, render
from docscheck.iam import IamFinding
from docscheck.rules import policies
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "links"
check_docs = load_example("scripts/check_docs.py")

LINE_RE = re.compile(r"^(?P<where>[^\s:][^:]*:\d+:\d+: [A-Z]+\d+) \S")


def run(case: str, *args: str, capsys) -> tuple[int, list[str], str]:
    """Run main() on a fixture; return (exit code, 'PATH:LINE:COL: CODE' list, summary line)."""
    code = check_docs.main(["--config", str(FIXTURES / case / "mkdocs.yml"), *args])
    out = capsys.readouterr().out.splitlines()
    problems = [LINE_RE.match(line)["where"] for line in out[:-1]]
    return code, problems, out[-1]


@pytest.fixture
def stub_iam(monkeypatch):
    """Replace the call into the IAM checker: one finding at 1:1 per JSON text, calls recorded."""
    calls: list[tuple[str, str | None]] = []

    def fake(text, *, policy_type=None, resource_type=None):
        calls.append((text, policy_type))
        return [IamFinding(1, 1, "IAMJ001", "stub finding")]

    monkeypatch.setattr(policies, "check_policy", fake)
    monkeypatch.setattr(check, "check_policy", fake)
    monkeypatch.setattr(parallel, "spare_workers", lambda limit=4: 1)  # rules run here, so the calls are seen
    return calls


CASES = {
    "clean": (0, []),
    "missing_page": (1, ["docs/index.md:3:40: L001"]),
    "missing_anchor": (1, ["README.md:3:68: L002", "docs/index.md:3:13: L002", "docs/index.md:3:39: L002"]),
    "wrong_case": (1, ["docs/index.md:3:16: L003", "docs/index.md:3:42: L003"]),
    "folder_link": (1, ["docs/index.md:3:18: L004"]),
    "broken_reference": (1, ["docs/index.md:3:34: L005"]),
    "missing_snippet": (1, ["docs/index.md:5:1: S001"]),
    "tab_anchor": (0, []),
    "published_removed": (1, ["published-anchors.txt:3:1: A001", "published-anchors.txt:4:1: A002"]),
    "published_redirect": (0, []),
    "published_alias": (0, []),
    "anchors_file_missing": (1, ["published-anchors.txt:1:1: A004"]),
    "not_in_nav": (1, ["docs/orphan.md:1:1: N001", "mkdocs.yml:4:1: N002", "mkdocs.yml:9:1: N003"]),
    "external": (1, [
        "docs/index.md:4:18: X001",
        "docs/index.md:5:22: X002",
        "docs/index.md:5:44: X002",
        "docs/index.md:5:83: X002",
        "docs/index.md:6:20: X003",
        "docs/index.md:6:63: X003",
        "docs/index.md:7:14: X001",
        "docs/index.md:7:53: X001",
    ]),
    "malformed": (1, [
        "docs/binary.md:1:1: F001",
        "docs/fence-header.md:3:1: F006",
        "docs/fence-header.md:5:1: F003",
        "docs/fence.md:5:1: F003",
        "docs/front-matter.md:3:7: F002",
        "docs/latin1.md:3:4: F001",
        "docs/unicode.md:3:17: F004",
    ]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_fixture_site(case, capsys):
    expected_code, expected = CASES[case]
    code, problems, summary = run(case, capsys=capsys)
    assert (code, problems) == (expected_code, expected)
    assert summary.startswith("check_docs: ")


@pytest.mark.parametrize("page, expected", [
    ("binary.md", "docs/binary.md:1:1: F001"),
    ("front-matter.md", "docs/front-matter.md:3:7: F002"),
    ("fence.md", "docs/fence.md:5:1: F003"),
    ("unicode.md", "docs/unicode.md:3:17: F004"),
    ("latin1.md", "docs/latin1.md:3:4: F001"),
])
def test_one_malformed_page(page, expected, capsys):
    code, problems, _ = run("malformed", str(FIXTURES / "malformed" / "docs" / page), capsys=capsys)
    assert (code, problems) == (1, [expected])


def test_given_page_is_checked_alone(capsys):
    """Paths limit the check to those pages: other.md is fine, the nav is not checked."""
    page = FIXTURES / "missing_anchor" / "docs" / "other.md"
    assert run("missing_anchor", str(page), capsys=capsys)[:2] == (0, [])


def test_json_blocks_are_mapped_to_their_source(stub_iam, capsys):
    code, problems, _ = run("iam_json", capsys=capsys)
    assert (code, problems) == (1, [
        "docs/index.md:4:1: IAMJ001",  # ```json at line 3: finding 1:1 is the block's first line
        "docs/index.md:10:5: IAMJ001",  # a fence inside an admonition, indented 4
        "examples/iam/read-bucket.json:1:1: IAMJ001",  # snippet include: reported against the file
    ])
    assert [policy for _, policy in stub_iam] == [None, "identity", None]
    assert stub_iam[1][0] == '{\n  "Statement": []\n}'
    assert stub_iam[2][0] == (FIXTURES / "iam_json/examples/iam/read-bucket.json").read_text()


def test_included_finding_names_the_page(stub_iam, capsys):
    check_docs.main(["--config", str(FIXTURES / "iam_json" / "mkdocs.yml")])
    out = capsys.readouterr().out
    assert "examples/iam/read-bucket.json:1:1: IAMJ001 stub finding (included from docs/index.md:16)" in out


def test_json_file_on_the_command_line_is_a_policy(stub_iam, capsys):
    policy = FIXTURES / "iam_json" / "examples" / "iam" / "read-bucket.json"
    code, problems, _ = run("iam_json", "--policy-type", "resource", str(policy), capsys=capsys)
    assert (code, problems) == (1, ["examples/iam/read-bucket.json:1:1: IAMJ001"])
    assert [p for _, p in stub_iam] == ["resource"]


def test_policy_type_needs_json_files(capsys):
    assert run("iam_json", "--policy-type", "identity", str(FIXTURES / "iam_json" / "docs"), capsys=capsys)[0] == 2


def test_a_failing_rule_is_reported_not_raised(monkeypatch, capsys):
    def broken(text, **kwargs):
        raise ImportError("No module named 'iam_policy'")

    monkeypatch.setattr(policies, "check_policy", broken)
    code, problems, _ = run("iam_json", capsys=capsys)
    assert code == 1 and {p.rsplit(" ", 1)[1] for p in problems} == {"C002"}


def copy_case(case: str, tmp_path: Path) -> Path:
    shutil.copy(FIXTURES / "base.yml", tmp_path / "base.yml")
    shutil.copytree(FIXTURES / case, tmp_path / case)
    return tmp_path / case


def test_update_anchors_adds_and_never_removes(tmp_path, capsys):
    site = copy_case("published_removed", tmp_path)
    code = check_docs.main(["--config", str(site / "mkdocs.yml"), "--update-anchors"])
    out = capsys.readouterr().out
    assert code == 1 and "added 1 entries" in out  # index.md#renamed
    lines = (site / "published-anchors.txt").read_text().splitlines()
    entries = [line for line in lines if not line.startswith("#")]
    assert entries == sorted(entries)
    assert {"index.md#removed", "old.md", "old.md#intro", "index.md#renamed"} <= set(entries)


def test_removing_a_heading_breaks_a_promise(tmp_path, capsys):
    site = copy_case("clean", tmp_path)
    guide = site / "docs" / "guide.md"
    guide.write_text(guide.read_text().replace("## Custom heading { #custom-id }", "## Custom heading"))
    code = check_docs.main(["--config", str(site / "mkdocs.yml")])
    out = capsys.readouterr().out
    assert code == 1
    assert "published-anchors.txt:3:1: A001 published anchor #custom-id is gone from guide.md" in out
    assert "docs/index.md:13:19: L002" in out  # [collapsed one]: <guide.md#custom-id>


def test_parallel_render_matches_serial(tmp_path, capsys, monkeypatch):
    site = copy_case("clean", tmp_path)
    for i in range(10):
        (site / "docs" / f"p{i}.md").write_text(f"# Page {i}\n\n[next](p{(i + 1) % 10}.md#page-{(i + 1) % 10}) "
                                               f"[gone](p{(i + 1) % 10}.md#nope)\n")
    outputs, calls = [], []
    real = render.render_ids
    monkeypatch.setattr(render, "render_ids", lambda md, text: calls.append(1) or real(md, text))
    for cpus in (4, 1):
        calls.clear()
        monkeypatch.setattr(parallel, "spare_workers", lambda limit=4, cpus=cpus: min(cpus, limit))
        assert check_docs.main(["--config", str(site / "mkdocs.yml")]) == 1
        outputs.append(capsys.readouterr().out.splitlines()[:-1])
        assert len(calls) == (0 if cpus > 1 else 14)  # with a pool, workers render, not this process
    assert outputs[0] == outputs[1]
    assert sorted({line.split()[1] for line in outputs[0]}) == ["L002", "N001"] and len(outputs[0]) == 20


def test_update_anchors_needs_the_setting(capsys):
    assert run("missing_page", "--update-anchors", capsys=capsys)[0] == 2


def test_not_in_nav_needs_a_reason(tmp_path, capsys):
    site = copy_case("not_in_nav", tmp_path)
    config = site / "mkdocs.yml"
    config.write_text(config.read_text().replace('"Reached from the home page only"', '""'))
    assert check_docs.main(["--config", str(config)]) == 2
    assert "C001 extra.check_docs.not_in_nav" in capsys.readouterr().out


def test_fixture_extensions_match_the_real_config():
    block = re.compile(r"^markdown_extensions:\n(?:(?:  .*)?\n)*", re.M)
    real = block.search((ROOT / "mkdocs.yml").read_text())
    copy = block.search((FIXTURES / "base.yml").read_text())
    assert real and copy and real.group().rstrip() == copy.group().rstrip(), (
        "copy the markdown_extensions block of mkdocs.yml into tests/fixtures/links/base.yml")


@pytest.mark.parametrize("header", [
    "```", "```json", '```json title="a b"', "```json iam", '```py hl_lines="2 3"', '```py hl_lines="a"',
    "``` { .json .iam }", "```py title=x", '```py linenums="1" title="x"', "~~~yaml", "```json iam=\"1\"",
])
def test_fence_header_rule_agrees_with_superfences(header):
    md = render.markdown_for(config.load(FIXTURES / "clean" / "mkdocs.yml"), full=True)
    is_code = "<pre" in md.convert(f"{header}\nx = 1\n{header[:3]}\n")
    assert reader.fence_header_ok(header) == is_code


@pytest.mark.parametrize("args, code, needle", [
    (["--config", str(FIXTURES / "bad_config" / "mkdocs.yml")], 2, "C001"),
    (["--config", str(FIXTURES / "nowhere.yml")], 2, "C001"),
    (["--bogus"], 2, "usage:"),
    (["--config", str(FIXTURES / "clean" / "mkdocs.yml"), "no/such/page.md"], 2, "C001"),
    (["--config", str(FIXTURES / "malformed" / "mkdocs.yml")], 1, "F001"),
    (["--config", str(FIXTURES / "clean" / "mkdocs.yml")], 0, "no problems"),
])
def test_subprocess_exit_codes_without_traceback(args, code, needle):
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_docs.py"), *args],
                            capture_output=True, text=True, cwd=FIXTURES, timeout=60)
    assert result.returncode == code
    assert "Traceback" not in result.stderr + result.stdout
    assert needle in result.stdout + result.stderr


# ----------------------------------------------------------------------------- property-based

FRAGMENTS = [
    "---\n", "...\n", "```", "~~~", "```json\n", "``` { .json .iam }\n", "```python title=\"x\"\n",
    "[", "]", "(", ")", "[x](", "](", "][", "[ref]: ", "[^1]", "[^1]: ", "#", "## ", "{ #", "}", "<",
    ">", "<!--", "-->", "`", "``", "\n", "\n\n", "=== \"Tab\"\n", "!!! note\n", "    ", "\t",
    "--8<-- \"", "--8<-- \"docs/guide.md\"\n", "\"", "<a href=\"", "<div markdown>", "</div>", "*[",
    "]:", "![", "\\", "http://", "https://", "https://[", "mailto:", "#anchor", "guide.md", "../",
    "sub/", "title: [", "\u202e", "\u200b", "\ufeff", "\u2028", "é", "😀", "\x0b", "\x85", "\r\n", "\r",
    "\udcff",
]
MARKDOWN = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=6)), max_size=40).map("".join)


@pytest.fixture(scope="module")
def fuzz_site(tmp_path_factory):
    site_dir = copy_case("clean", tmp_path_factory.mktemp("fuzz"))
    page = site_dir / "docs" / "fuzz.md"
    page.write_text("# Fuzz\n")
    return config.load(site_dir / "mkdocs.yml"), page


def check_bytes(site, page: Path, data: bytes) -> list[str]:
    page.write_bytes(data)
    lines = [str(p) for p in check.run(site, [page]).problems]
    assert all(LINE_RE.match(line) for line in lines), lines
    return lines


@settings(max_examples=250, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=MARKDOWN)
def test_random_markdown_never_crashes(fuzz_site, text, stub_iam):
    site, page = fuzz_site
    check_bytes(site, page, text.encode("utf-8", "surrogatepass"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300))
def test_random_bytes_never_crash(fuzz_site, data, stub_iam):
    site, page = fuzz_site
    check_bytes(site, page, data)


def test_hostile_page_in_a_subprocess(tmp_path):
    site = copy_case("clean", tmp_path)
    (site / "docs" / "index.md").write_text(
        "---\n: [\n---\n" + "[" * 3000 + "](" * 500 + "\n```\n" + ">" * 2000 + " x\n" + "<!--" + "\u202e" * 3,
        encoding="utf-8",
    )
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_docs.py"),
                             "--config", str(site / "mkdocs.yml")], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr + result.stdout
