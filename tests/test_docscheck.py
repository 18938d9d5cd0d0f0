"""The docscheck package: every code in the registry has a fixture that triggers it, each defect the
review found has a fixture, the reader keeps each line's file and line, and the package's modules
import on their own without cycles."""

from __future__ import annotations

import ast
import functools
import importlib
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import load_example
from docscheck import codes, config, index, reader, registry, render
from docscheck.problems import Severity

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "links"
PACKAGE = ROOT / "scripts" / "docscheck"
check_docs = load_example("scripts/check_docs.py", "check_docs_for_registry")

# code -> fixture site (tests/fixtures/links/<case>) whose check reports it
FIXTURE_OF = {
    "L001": "missing_page", "L002": "missing_anchor", "L003": "wrong_case", "L004": "folder_link",
    "L005": "broken_reference", "L006": "defects", "L007": "defects", "L008": "defects", "L009": "defects",
    "X001": "external", "X002": "external", "X003": "external", "S001": "missing_snippet",
    "F001": "malformed", "F002": "malformed", "F003": "malformed", "F004": "malformed", "F005": "defects",
    "F006": "malformed", "N001": "not_in_nav", "N002": "not_in_nav", "N003": "not_in_nav",
    "A001": "published_removed", "A002": "published_removed", "A003": "defects", "A004": "anchors_file_missing",
    "D001": "defects", "D002": "defects", "K001": "defects", "K002": "defects", "K003": "defects",
    "K004": "defects", "K005": "defects", "Y001": "defects", "Y002": "defects", "C001": "bad_config",
    "C002": "ruff_broken",
}


@functools.cache
def findings(case: str) -> tuple[int, tuple[str, ...]]:
    """Exit status and output lines of the checker on a fixture site (a subprocess: the real thing)."""
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_docs.py"),
                             "--config", str(FIXTURES / case / "mkdocs.yml")],
                            capture_output=True, text=True, timeout=120)
    assert "Traceback" not in result.stdout + result.stderr
    return result.returncode, tuple(result.stdout.splitlines())


def codes_in(case: str) -> set[str]:
    return {m.group(1) for line in findings(case)[1] if (m := re.match(r"^\S+:\d+:\d+: (\w+) ", line))}


@pytest.mark.parametrize("code", [c.code for c in codes.CODES])
def test_every_docs_code_has_a_fixture_that_triggers_it(code):
    assert code in FIXTURE_OF, f"{code} has no fixture: add a case under tests/fixtures/links and list it here"
    assert code in codes_in(FIXTURE_OF[code]), findings(FIXTURE_OF[code])


def test_fixture_table_names_only_registry_codes():
    assert set(FIXTURE_OF) <= set(registry.CODES)


def test_registry_defines_each_code_once_with_title_and_help():
    entries = [*codes.CODES, *registry.iam_codes.CODES]
    assert len({e.code for e in entries}) == len(entries) == len(registry.CODES)
    assert all(e.title and e.help and isinstance(e.severity, Severity) for e in entries)
    assert all(e.code.startswith("IAM") for e in registry.iam_codes.CODES)
    assert not any(e.code.startswith("IAM") for e in codes.CODES)


def test_list_codes_prints_one_line_per_code(capsys):
    assert check_docs.main(["--list-codes"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(registry.CODES)
    assert re.match(r"^X001\s+security warning\s+insecure http:// link$", next(x for x in lines if "X001" in x))


def test_explain_prints_the_help(capsys):
    assert check_docs.main(["--explain", "l008"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("L008 (error): raw HTML link to a source path") and "<a href=\"page.md\">" in out
    assert check_docs.main(["--explain", "Z999"]) == 2


def test_warnings_are_printed_but_do_not_fail(tmp_path, capsys):
    site = tmp_path / "site"
    (site / "docs" / "includes").mkdir(parents=True)
    (site / "docs" / "includes" / "abbreviations.md").write_text("*[AWS]: Amazon Web Services\n")
    (tmp_path / "base.yml").write_text((FIXTURES / "base.yml").read_text())
    (site / "mkdocs.yml").write_text("INHERIT: ../base.yml\nnav:\n  - index.md\n")
    (site / "docs" / "index.md").write_text("# Home\n\nA [missing label] in brackets.\n")
    assert check_docs.main(["--config", str(site / "mkdocs.yml")]) == 0
    assert "docs/index.md:3:3: L009 " in capsys.readouterr().out


# --- the defects the review found: each line failed with the checker before the rebuild ---------

DEFECTS = [
    # links written in snippet-included files are checked, and named with the including page
    "docs/includes/part.md:1:36: L001 'nope.md': docs/nope.md does not exist (included from docs/index.md:3)",
    # raw HTML is resolved against the built site: a source path is a 404 there
    "docs/index.md:5:10: L008 'other.md' in raw HTML",
    "docs/index.md:6:10: L002 'other.html#nosuch': no anchor #nosuch on other.md",
    # an unclosed fence (in an admonition, or at the end) no longer hides the links after it
    "docs/fences.md:8:31: L001 'missing-one.md'",
    "docs/fences.md:13:31: L001 'missing-two.md'",
    # shortcut references are checked
    "docs/index.md:13:3: L009 [undefined label]",
]
NOT_REPORTED = [
    "docs/draft.md:1:1: N001",  # MkDocs' own not_in_nav is honoured
    "localhost", "127.0.0.1",  # loopback http:// is not insecure
    "favicon.png",  # files the theme supplies exist in the built site
    "'Project'",  # "[x]: Project Pages sites ..." is text, not a reference definition
    "other.html#sec", "[Defined]", "[x]",  # fine links; a defined shortcut; a task-list box
]


@pytest.mark.parametrize("expected", DEFECTS)
def test_defect_is_reported(expected):
    assert any(line.startswith(expected) for line in findings("defects")[1]), findings("defects")


@pytest.mark.parametrize("needle", NOT_REPORTED)
def test_defect_false_positive_is_gone(needle):
    assert not [line for line in findings("defects")[1] if needle in line]


# --- the reader ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real():
    return config.load(ROOT / "mkdocs.yml")


def test_line_selections_and_sections_keep_their_origin(real, tmp_path):
    source = "tests/fixtures/cli/lines.py"  # line N holds lineN = N; a section "part" at line 12
    page = tmp_path / "page.md"
    page.write_text(f'# P\n\n=== "Tab"\n\n    ```py\n    --8<-- "{source}:1:2,8:9"\n    ```\n\n'
                    f'```py\n--8<-- "{source}:part"\n```\n')
    doc = reader.Reader(real).read(page)
    first, second = doc.fences
    assert [(line.text, line.lineno) for line in first.body] == [
        ("line1 = 1", 1), ("line2 = 2", 2), ("line8 = 8", 8), ("line9 = 9", 9)]
    assert {line.via for line in first.body} == {f"{real.rel(page)}:6"}
    assert [(line.text, line.lineno) for line in second.body] == [("part = 1", 12)]


def test_fence_left_open_in_an_admonition_ends_with_the_block(real, tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# P\n\n!!! note\n\n    ```bash\n    echo open\n\n[a link](x.md)\n\n```json\n{}\n```\n")
    doc = reader.Reader(real).read(page)
    assert [p.code for p in doc.problems] == ["F003"]
    assert [link.url for link in doc.links] == ["x.md"] and [f.lang for f in doc.fences] == ["json"]


def test_brace_attributes_of_a_fence(real, tmp_path):
    page = tmp_path / "page.md"
    page.write_text('``` { .json title="deny.json" data-policy-type="service-control" data-expect="A B" }\n{}\n```\n')
    [fence] = reader.Reader(real).read(page).fences
    assert fence.lang == "json" and fence.attr("data-policy-type") == "service-control"
    assert fence.attr("data-expect") == "A B" and fence.attr("title") == "deny.json"


def test_skeleton_yields_the_same_ids_as_the_full_page(real):
    """The renderer's shortcut (render.py) loses no id on any page of the real site."""
    idx = index.build(real)
    full = render.markdown_for(real, full=True)
    for src, page in idx.pages.items():
        text = real.files[src].read_text(encoding="utf-8")
        from mkdocs.utils.meta import get_data

        ids, error = render.render_ids(full, get_data(text)[0])
        assert error is None
        assert {i for i in ids if not i.startswith("__")} == {i for i in page.ids if not i.startswith("__")}, src


def test_question_block_ids_are_anchors(real, tmp_path):
    page = tmp_path / "page.md"
    page.write_text("# P\n\n/// details | Why?\n    type: question\n    attrs: {id: q-why}\n\n"
                    "**Because.** Depth.\n///\n")
    doc = reader.Reader(real).read(page)
    ids, error = render.render_ids(render.markdown_for(real), doc.render_text)
    assert error is None and "q-why" in ids


# --- the package's shape ---------------------------------------------------------------------


def modules() -> dict[str, Path]:
    return {".".join(p.relative_to(PACKAGE.parent).with_suffix("").parts).removesuffix(".__init__"): p
            for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(name: str, path: Path) -> set[str]:
    """docscheck modules that `name` imports (at any level of its code)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package
            for _ in range(node.level - 1):
                base = base.rpartition(".")[0]
            target = f"{base}.{node.module}" if node.level and node.module else (node.module or base)
            for alias in node.names:
                found.add(f"{target}.{alias.name}" if f"{target}.{alias.name}" in modules() else target)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {m for m in found if m in modules() and m != name}


@pytest.mark.parametrize("name", sorted(modules()))
def test_module_imports_on_its_own(name):
    result = subprocess.run([sys.executable, "-c", f"import {name}"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert importlib.import_module(name).__doc__, f"{name} needs a docstring saying its one job"


def test_no_import_cycles():
    graph = {name: imports_of(name, path) for name, path in modules().items()}
    graph = {name: {d for d in deps if d != "docscheck" or name == "docscheck"} for name, deps in graph.items()}
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph[node]):
            assert state.get(dep) != 1, "import cycle: " + " -> ".join([*trail, node, dep])
            if dep not in state:
                visit(dep, [*trail, node])
        state[node] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [])
    assert graph["docscheck.check"] >= {"docscheck.index", "docscheck.rules.links"}  # the graph is real


def test_rules_never_read_or_render():
    """Rules get (config, index): no file reading, no Markdown, no reader or renderer."""
    for path in (PACKAGE / "rules").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        forbidden = r"read_text|read_bytes|open\(|\bmarkdown\b|from \.\.(reader|render|index) import (?!Index)"
        assert not re.search(forbidden, text), path.name


def _times(state, item):
    return (state * item, __import__("os").getpid())


def test_map_forked_runs_in_workers_only_when_cpus_are_idle(monkeypatch):
    from docscheck import parallel

    for workers, forked in ((3, True), (1, False)):
        monkeypatch.setattr(parallel, "spare_workers", lambda limit=4, workers=workers: workers)
        results = parallel.map_forked(_times, 7, [1, 2, 3, 4])
        assert [value for value, _ in results] == [7, 14, 21, 28]
        assert any(pid != __import__("os").getpid() for _, pid in results) == forked
