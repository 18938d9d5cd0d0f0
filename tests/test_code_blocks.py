"""Python blocks on the site compile and pass ruff; every example file is tested; includes exist.

A `python` block whose lines all come from files under examples/ (a `--8<--` include) is run by
that example's own test (tests/test_examples_*.py), so here we only check that such a test
exists. Any other Python block is compiled and linted with the project's ruff settings.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from docscheck import config
from docscheck.reader import Reader
from docscheck.rules.python_blocks import PY_LANGS, check_blocks, from_examples, inline_blocks

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TESTS = ROOT / "tests"
NOT_EXAMPLE_TESTS = {"test_code_blocks.py", "test_cli_commands.py"}  # they name examples/ only in passing
CONFIG = config.load(ROOT / "mkdocs.yml")
READER = Reader(CONFIG)
DOCS = [READER.read(CONFIG.files[p]) for p in CONFIG.pages]
PYTHON_BLOCKS = [f for d in DOCS for f in d.fences if f.lang in PY_LANGS]


def rel(path: Path) -> str:
    return path.resolve().relative_to(ROOT).as_posix()


def block_problems(blocks) -> list[str]:
    return [str(p) for p in check_blocks(blocks, ROOT / "pyproject.toml")]


def test_python_blocks_compile_and_pass_ruff():
    """Every Python block that is not an examples/ include; each problem names its file:line."""
    problems = block_problems(inline_blocks(DOCS))
    assert not problems, "Python blocks on the site:\n  " + "\n  ".join(problems)


def _referenced(example: Path, text: str) -> bool:
    path = rel(example)
    if path in text or path[:-3].replace("/", ".") in text:
        return True
    stem = re.escape(example.stem)
    named = re.search(rf"""["'/]{stem}(?:\.py)?["']|\bimport\s+{stem}\b|\bfrom\s+{stem}\s+import\b""", text)
    return bool(named) and example.parent.name in text


def example_tests() -> list[Path]:
    return [t for t in sorted(TESTS.glob("test_*.py")) if t.name not in NOT_EXAMPLE_TESTS]


def untested_examples(examples: list[Path], test_files: list[Path]) -> list[str]:
    texts = [t.read_text(encoding="utf-8") for t in test_files]
    return [rel(e) for e in examples if not any(_referenced(e, text) for text in texts)]


def test_every_example_file_is_used_by_a_test():
    examples = sorted(p for p in EXAMPLES.rglob("*.py") if p.name != "__init__.py")
    missing = untested_examples(examples, example_tests())
    assert not missing, "example files that no tests/test_*.py loads or names:\n  " + "\n  ".join(missing)


def test_every_python_block_is_an_example_or_checked_here():
    checked = {(f.start.path, f.start.lineno) for f in inline_blocks(DOCS)}
    for block in PYTHON_BLOCKS:
        assert from_examples(block) or (block.start.path, block.start.lineno) in checked, block.start.where
    examples = {ROOT / line.path for b in PYTHON_BLOCKS if from_examples(b) for line in b.body if line.text.strip()}
    missing = untested_examples(sorted(examples), example_tests())
    assert not missing, "pages include example files that no test runs:\n  " + "\n  ".join(missing)


def test_every_snippet_include_exists():
    missing = [str(p) for d in DOCS for p in d.problems if p.code == "S001"]
    assert not missing and sum(len(d.includes) for d in DOCS) > 0, "\n".join(missing)


# --- the checks themselves, on small made-up pages ------------------------------------------


@pytest.fixture
def page(tmp_path):
    def write(body: str):
        path = tmp_path / "page.md"
        path.write_text(body, encoding="utf-8")
        return READER.read(path)

    return write


def test_inline_python_is_linted_and_examples_are_not(page):
    doc = page('# T\n\n```python\nimport os\n```\n\n'
               '``` python title="x.py"\n--8<-- "tests/fixtures/cli/sample.py"\n```\n')
    blocks = [f for f in doc.fences if f.lang in PY_LANGS]
    assert [from_examples(b, examples="tests/fixtures/") for b in blocks] == [False, True]
    [message] = block_problems(blocks[:1])
    assert message.endswith("page.md:4:8: Y002 ruff F401: `os` imported but unused")


def test_a_syntax_error_names_the_page_line(page):
    doc = page('# T\n\n=== "Tab"\n\n    ```py\n    x = 1\n    def f(:\n    ```\n')
    [message] = block_problems(list(doc.fences))
    assert "page.md:7:" in message and "Y001 does not compile" in message


def test_a_missing_include_is_reported_with_its_page_line(page):
    doc = page('# T\n\n```python\n--8<-- "examples/no_such_file.py"\n```\n')
    [problem] = doc.problems
    assert (problem.path.endswith("page.md"), problem.line, problem.code) == (True, 4, "S001")


def test_an_untested_example_is_named(tmp_path):
    example = EXAMPLES / "demo" / "made_up.py"
    unrelated = tmp_path / "a.py"
    unrelated.write_text("def test_nothing():\n    pass\n")
    assert untested_examples([example], [unrelated]) == ["examples/demo/made_up.py"]
    loader = tmp_path / "b.py"
    loader.write_text('EXAMPLES = ROOT / "examples" / "demo"\nmodule = _load("made_up")\n')
    assert untested_examples([example], [loader]) == []
