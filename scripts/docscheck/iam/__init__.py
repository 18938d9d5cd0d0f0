"""TEMPORARY adapter (replaced when the IAM branch lands): check_policy() over scripts/iam_policy.py."""

from __future__ import annotations

import importlib.util
import sys
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class IamFinding:
    line: int
    col: int
    code: str
    message: str


def _module():
    path = Path(__file__).resolve().parents[2] / "iam_policy.py"
    spec = importlib.util.spec_from_file_location("_docscheck_iam_policy", path)
    module = sys.modules[spec.name] = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_IAM = None


def check_policy(text: str, *, policy_type: str | None = None, resource_type: str | None = None) -> list[IamFinding]:
    global _IAM
    _IAM = _IAM or _module()
    policy = None if policy_type is None else True
    return [IamFinding(f.line, f.col, "IAM" + f.code, f.message) for f in _IAM.check_json(text, policy=policy)]
