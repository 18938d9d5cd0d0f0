"""Check: build the index once, run every rule on it, and return the problems sorted and unique."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import index as indexing
from .config import Config
from .iam import check_policy
from .parallel import map_forked
from .problems import Problem
from .rules import commands, links, nav, policies, published, python_blocks
from .textfile import read_text

RULES = (links.check, nav.check, published.check, policies.check, commands.check, python_blocks.check)


@dataclass(frozen=True)
class Result:
    problems: tuple[Problem, ...]
    files: int  # how many files were checked


def unique(problems) -> tuple[Problem, ...]:
    """Sorted, and one finding per place even when two pages include the same file."""
    seen: dict[tuple, Problem] = {}
    for p in sorted(problems, key=lambda p: (p.path, p.line, p.col, p.code, p.message, p.included_from or "")):
        seen.setdefault((p.path, p.line, p.col, p.code, p.message), p)
    return tuple(seen.values())


def apply(rule, config: Config, index: indexing.Index) -> list[Problem]:
    try:
        return list(rule(config, index))
    except Exception as exc:  # a bug in one rule must not hide the others' findings
        return [Problem(config.rel(config.config_file), 1, 1, "C002",
                        f"rule {rule.__module__} failed: {type(exc).__name__}: {exc}")]


def _apply(state, k: int) -> list[Problem]:
    return apply(RULES[k], *state)


def apply_all(config: Config, index: indexing.Index) -> list[Problem]:
    """Every rule's problems; the rules run side by side in forked processes when there are idle CPUs."""
    # the slowest rule (AWS CLI: botocore models) first, so the other worker takes the rest
    order = sorted(range(len(RULES)), key=lambda k: RULES[k] is not commands.check)
    return [p for found in map_forked(_apply, (config, index), order, limit=2) for p in found]


def run(config: Config, paths: list[Path] | None = None, index: indexing.Index | None = None) -> Result:
    index = index or indexing.build(config, paths)
    problems = list(index.problems)
    for doc in index.targets:
        problems += doc.problems
    problems += apply_all(config, index)
    return Result(unique(problems), len(index.targets))


def check_policy_files(paths: list[Path], root: Path, policy_type: str | None = None,
                       resource_type: str | None = None) -> Result:
    """IAM and JSON findings for policy files given on the command line."""
    problems: list[Problem] = []
    for path in paths:
        try:
            rel = path.resolve().relative_to(root).as_posix()
        except ValueError:
            rel = path.as_posix()
        text = read_text(path, rel, problems)
        if text is None:
            continue
        try:
            findings = check_policy(text, policy_type=policy_type, resource_type=resource_type)
        except Exception as exc:
            problems.append(Problem(rel, 1, 1, "C002", f"the policy checker failed: {type(exc).__name__}: {exc}"))
            continue
        problems += [Problem(rel, f.line, f.col, f.code, f.message) for f in findings]
    return Result(unique(problems), len(paths))
