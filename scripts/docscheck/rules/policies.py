"""JSON and IAM: every json fence (and every JSON file a fence includes) goes to docscheck.iam.check_policy.

The fence says what the policy is when it cannot be inferred (data-policy-type, data-resource-type),
and a deliberately bad example names what it expects (data-expect="IAM... ..."): those findings are
not reported, and an expected code that does not appear is (D001).
"""

from __future__ import annotations

from ..config import Config
from ..iam import check_policy
from ..index import Index
from ..problems import Problem
from ..source import Fence

POLICY_TYPES = ("identity", "resource", "service-control", "resource-control")


def check(config: Config, index: Index) -> list[Problem]:
    from ..registry import CODES

    problems = []
    for doc in index.targets:
        for fence in doc.fences:
            if fence.lang == "json" and any(line.text.strip() for line in fence.body):
                problems += check_fence(fence, CODES)
    return problems


def check_fence(fence: Fence, known) -> list[Problem]:
    policy_type, resource_type = fence.attr("data-policy-type"), fence.attr("data-resource-type")
    expected = (fence.attr("data-expect") or "").split()
    start = fence.start
    problems = []
    if policy_type is not None and policy_type not in POLICY_TYPES:
        problems.append(start.problem(1 + fence.indent, "D002", f"data-policy-type={policy_type!r} is not one of "
                                      f"{', '.join(POLICY_TYPES)}"))
        policy_type = None
    problems += [start.problem(1 + fence.indent, "D002", f"data-expect names {code}, which is not a known code")
                 for code in expected if code not in known]
    findings = check_policy(fence.text, policy_type=policy_type, resource_type=resource_type)
    seen = set()
    for f in findings:
        seen.add(f.code)
        if f.code in expected:
            continue
        if 0 < f.line <= len(fence.body):
            problems.append(fence.body[f.line - 1].problem(f.col, f.code, f.message))
        else:
            problems.append(start.problem(1 + fence.indent, f.code, f.message))
    for code in expected:
        if code in known and code not in seen:
            problems.append(start.problem(1 + fence.indent, "D001", f"data-expect names {code}, "
                                          "but the policy checker does not report it"))
    return problems

