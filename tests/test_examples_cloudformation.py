"""The CloudFormation sample passes cfn-lint, and the page only names real intrinsic functions."""

from __future__ import annotations

import re
from pathlib import Path

import cfnlint.helpers
from cfnlint.api import ManualArgs, lint_file

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "examples" / "cloudformation" / "intrinsics.yaml"
PAGE = ROOT / "docs" / "iac" / "cloudformation.md"

# A table row of the page's intrinsic-function table starts with "| `Ref`" or "| `Fn::...`".
ROW = re.compile(r"^\|\s*`(Ref|Fn::[A-Za-z0-9]+)`", re.MULTILINE)


def _known(name: str) -> bool:
    known = set(cfnlint.helpers.FUNCTIONS) | set(cfnlint.helpers.FUNCTIONS_ALL)
    if name in known:
        return True
    # cfn-lint lists Fn::ForEach as a pattern ("Fn::ForEach::[a-zA-Z0-9]+").
    return any(re.fullmatch(pattern, f"{name}::Loop") for pattern in known if "[" in pattern)


def test_template_has_no_lint_findings():
    matches = lint_file(TEMPLATE, config=ManualArgs(regions=["us-east-1"]))
    assert [str(m) for m in matches] == []


def test_template_uses_the_language_extensions_functions():
    text = TEMPLATE.read_text()
    for short_form in ("!Length", "!ToJsonString", "Fn::ForEach::", "Fn::GetStackOutput", "!Cidr", "!GetAZs"):
        assert short_form in text


def test_page_table_names_only_real_functions():
    names = ROW.findall(PAGE.read_text())
    assert len(names) >= 20, names
    unknown = [n for n in names if not _known(n)]
    assert unknown == []


def test_page_table_covers_every_non_rule_function():
    names = set(ROW.findall(PAGE.read_text()))
    expected = {
        "Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::Split", "Fn::Select", "Fn::Base64",
        "Fn::Cidr", "Fn::FindInMap", "Fn::GetAZs", "Fn::ImportValue", "Fn::GetStackOutput",
        "Fn::Transform", "Fn::Length", "Fn::ToJsonString", "Fn::ForEach",
        "Fn::And", "Fn::Equals", "Fn::If", "Fn::Not", "Fn::Or",
    }
    assert expected <= names
