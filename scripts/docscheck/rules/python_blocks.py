"""Python blocks: each python fence that is not an examples/ include compiles and passes ruff.

Blocks whose every line comes from a file under examples/ are run and linted by that example's
own tests, so they are left alone here.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ..config import Config
from ..index import Index
from ..problems import Problem
from ..source import Fence

PY_LANGS = {"python", "py", "python3"}


def from_examples(fence: Fence, examples: str = "examples/") -> bool:
    """True if every non-blank line of the block is included from a file under `examples`."""
    lines = [line for line in fence.body if line.text.strip()]
    return bool(lines) and all(line.path.startswith(examples) for line in lines)


def inline_blocks(docs) -> list[Fence]:
    unique = {}
    for doc in docs:
        for fence in doc.fences:
            if fence.lang in PY_LANGS and not from_examples(fence):
                unique.setdefault((fence.start.path, fence.start.lineno), fence)
    return list(unique.values())


def check(config: Config, index: Index) -> list[Problem]:
    return check_blocks(inline_blocks(index.targets), config.root / "pyproject.toml")


def check_blocks(blocks: list[Fence], ruff_config: Path) -> list[Problem]:
    problems = []
    for block in blocks:
        try:
            compile(block.text, block.start.where, "exec")
        except SyntaxError as error:
            problems.append(_at(block, error.lineno or 0, error.offset or 1, "Y001", f"does not compile: {error.msg}"))
    return problems + ruff(blocks, ruff_config)


def _at(block: Fence, row: int, col: int, code: str, message: str) -> Problem:
    if 0 < row <= len(block.body):
        return block.body[row - 1].problem(col, code, message)
    return block.start.problem(1 + block.indent, code, message)


def ruff(blocks: list[Fence], ruff_config: Path) -> list[Problem]:
    if not blocks:
        return []
    exe = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if exe is None:
        return [blocks[0].start.problem(1, "C002", "ruff is not installed: python blocks are not linted")]
    with tempfile.TemporaryDirectory() as tmp:
        files = {}
        for k, block in enumerate(blocks):
            path = Path(tmp) / f"block_{k}.py"
            path.write_text(block.text + "\n", encoding="utf-8")
            files[path.name] = block
        args = [exe, "check", "--no-cache", "--output-format", "json", "--exit-zero", tmp]
        if ruff_config.is_file():
            args[2:2] = ["--config", str(ruff_config)]
        result = subprocess.run(args, capture_output=True, text=True)
    try:
        items = json.loads(result.stdout) if result.returncode == 0 else None
    except ValueError:
        items = None
    if items is None:
        reason = " ".join(result.stderr.split())[:200]
        return [blocks[0].start.problem(1, "C002", f"ruff failed, python blocks are not linted: {reason}")]
    return [_at(files[Path(item["filename"]).name], item["location"]["row"], item["location"]["column"], "Y002",
                f"ruff {item['code']}: {item['message']}") for item in items
            if item.get("code") not in (None, "invalid-syntax")]  # Y001 reports those
