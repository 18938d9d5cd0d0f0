"""Python blocks on the site compile and pass ruff; every example file is tested; includes exist.

A `python` block whose lines all come from files under examples/ (a `--8<--` include) is run by
that example's own test (tests/test_examples_*.py), so here we only check that such a test
exists. Any other Python block is compiled and linted with the project's ruff settings.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docs_blocks import ROOT, Block, parse_target, rel, scan

PY_LANGS = {"python", "py", "python3"}
EXAMPLES = ROOT / "examples"
TESTS = ROOT / "tests"
NOT_EXAMPLE_TESTS = {"test_code_blocks.py", "test_cli_commands.py"}  # they name examples/ only in passing
RUFF = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")

SITE = scan()


def from_examples(block: Block, examples: Path = EXAMPLES) -> bool:
    """True if every non-blank line of the block is included from a file under examples/."""
    return bool(block.origins()) and all(p.resolve().is_relative_to(examples) for p in block.origins())


PYTHON_BLOCKS = [b for b in SITE.blocks if b.lang in PY_LANGS]
INLINE_BLOCKS = [b for b in PYTHON_BLOCKS if not from_examples(b)]


def ruff(blocks: list[Block]) -> dict[str, list[str]]:
    """Ruff messages per block (key: block.where), with each message at its file:line."""
    report: dict[str, list[str]] = {b.where: [] for b in blocks}
    if not blocks:
        return report
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for k, block in enumerate(blocks):
            path = Path(tmp) / f"block_{k}.py"
            path.write_text(block.text, encoding="utf-8")
            files[path.name] = block
        result = subprocess.run(
            [RUFF, "check", "--no-cache", "--output-format", "json", "--config", str(ROOT / "pyproject.toml"), tmp],
            capture_output=True,
            text=True,
        )
    assert result.returncode in (0, 1), result.stderr
    for item in json.loads(result.stdout or "[]"):
        block = files[Path(item["filename"]).name]
        row = item["location"]["row"]
        where = block.lines[row - 1].where if 0 < row <= len(block.lines) else block.where
        report[block.where].append(f"{where}: {item['code']} {item['message']}")
    return report


def block_problems(blocks: list[Block]) -> list[str]:
    """Compile errors and ruff messages, each at the file:line it comes from."""
    problems = []
    for block in blocks:
        try:
            compile(block.text, block.where, "exec")
        except SyntaxError as error:
            row = error.lineno or 0
            where = block.lines[row - 1].where if 0 < row <= len(block.lines) else block.where
            problems.append(f"{where}: does not compile: {error.msg}")
    return problems + [message for messages in ruff(blocks).values() for message in messages]


def test_python_blocks_compile_and_pass_ruff():
    """Every Python block that is not an examples/ include; each problem names its file:line."""
    problems = block_problems(INLINE_BLOCKS)
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
    checked = {b.where for b in INLINE_BLOCKS}
    for block in PYTHON_BLOCKS:
        assert from_examples(block) or block.where in checked, block.where
    examples = {p for b in PYTHON_BLOCKS if from_examples(b) for p in b.origins()}
    missing = untested_examples(sorted(examples), example_tests())
    assert not missing, "pages include example files that no test runs:\n  " + "\n  ".join(missing)


def _section_exists(path: Path, name: str) -> bool:
    return re.search(rf"-+8<-+\s+\[\s*start\s*:\s*{re.escape(name)}\s*\]", path.read_text(encoding="utf-8")) is not None


def test_every_snippet_include_exists():
    problems = []
    for ref in SITE.refs:
        path, _, _, section = parse_target(ref.target)
        if not path.is_file():
            problems.append(f"{ref.where}: --8<-- {ref.target!r}: no file {rel(path)}")
        elif section and not _section_exists(path, section):
            problems.append(f"{ref.where}: --8<-- {ref.target!r}: no section [start:{section}] in {rel(path)}")
    assert not problems, "\n".join(problems)


# --- the checks themselves, on small made-up pages ------------------------------------------


def _page(tmp_path: Path, body: str) -> Path:
    page = tmp_path / "page.md"
    page.write_text(body, encoding="utf-8")
    return page


def test_inline_python_is_linted_and_examples_are_not(tmp_path):
    page = _page(
        tmp_path,
        '# T\n\n```python\nimport os\n```\n\n``` python title="x.py"\n--8<-- "tests/fixtures/cli/sample.py"\n```\n',
    )
    blocks = [b for b in scan([page]).blocks if b.lang in PY_LANGS]
    assert [from_examples(b, examples=ROOT / "tests" / "fixtures") for b in blocks] == [False, True]
    [message] = block_problems(blocks[:1])
    assert message.endswith("page.md:4: F401 `os` imported but unused")


def test_a_syntax_error_names_the_page_line(tmp_path):
    page = _page(tmp_path, '# T\n\n=== "Tab"\n\n    ```py\n    x = 1\n    def f(:\n    ```\n')
    [block] = scan([page]).blocks
    [message] = [m for m in block_problems([block]) if "compile" in m]
    assert "page.md:7: does not compile" in message


def test_a_missing_include_is_reported_with_its_page_line(tmp_path):
    page = _page(tmp_path, '# T\n\n```python\n--8<-- "examples/no_such_file.py"\n```\n')
    [ref] = scan([page]).refs
    assert ref.where.endswith("page.md:4") and not ref.path.exists()


def test_an_untested_example_is_named(tmp_path):
    example = EXAMPLES / "demo" / "made_up.py"
    unrelated = _page(tmp_path, "def test_nothing():\n    pass\n")
    assert untested_examples([example], [unrelated]) == ["examples/demo/made_up.py"]
    loader = _page(tmp_path, 'EXAMPLES = ROOT / "examples" / "demo"\nmodule = _load("made_up")\n')
    assert untested_examples([example], [loader]) == []
