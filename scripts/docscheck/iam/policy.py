"""check_policy: parse, settle the policy type, run the rules, return the findings in text order."""

from __future__ import annotations

from .codes import BY_CODE
from .context import Context, Statement, kind
from .findings import IamFinding
from .parse import Node, parse
from .reference import POLICY_TYPES, RESOURCE_TYPES, TRUST_POLICY
from .rules.actions import check_actions
from .rules.conditions import check_conditions
from .rules.document import check_characters, check_document, check_sids, check_statement
from .rules.principals import check_principals
from .rules.resources import check_resources
from .rules.security import check_pass_role
from .rules.size import check_size
from .rules.trust import check_trust

__all__ = ["check_policy", "infer_type"]


def _statement_nodes(root: Node) -> list[Node]:
    member = root.value.get("Statement")  # type: ignore[union-attr]
    if member is None:
        return []
    node = member.node
    items = node.value if node.kind == "array" else [node]
    return [n for n in items if n.kind == "object"]  # type: ignore[union-attr]


def infer_type(root: Node) -> tuple[str, str | None]:
    """(policy type, resource type) from the document: a Principal means a resource-based policy, and
    one whose actions are all sts: and that names no Resource is a role trust policy."""
    statements = _statement_nodes(root)
    principal = any("Principal" in s.value or "NotPrincipal" in s.value for s in statements)  # type: ignore[operator]
    if not principal:
        return "identity", None
    return "resource", (TRUST_POLICY if _looks_like_trust(statements) else None)


def _looks_like_trust(statements: list[Node]) -> bool:
    if not statements:
        return False
    for s in statements:
        members = s.value  # type: ignore[union-attr]
        if "Resource" in members or "NotResource" in members or "Action" not in members:  # type: ignore[operator]
            return False
        node = members["Action"].node  # type: ignore[index]
        items = node.value if node.kind == "array" else [node]
        if not items or not all(i.kind == "string" and i.value.lower().startswith("sts:") for i in items):
            return False
    return True


def check_policy(text: str, *, policy_type: str | None = None, resource_type: str | None = None) -> list[IamFinding]:
    """Check *text* as an IAM policy of *policy_type* (identity, resource, service-control,
    resource-control; None infers it). With policy_type None, a JSON value that is not an object with
    a "Statement" is only checked as strict JSON. Findings are sorted by position."""
    parser, root = parse(text)
    findings = parser.findings
    bad_type = policy_type is not None and policy_type not in POLICY_TYPES
    bad_resource = resource_type is not None and resource_type not in RESOURCE_TYPES
    if bad_type or bad_resource:
        what = (
            f"unknown policy type {policy_type!r} (expected {', '.join(POLICY_TYPES)})"
            if bad_type
            else f"unknown resource type {resource_type!r} (expected one of {', '.join(RESOURCE_TYPES)})"
        )
        findings.append(IamFinding(1, 1, "IAM119", f"(root): {what}", "(root)"))
        return _sorted(findings)
    if root is None:
        return _sorted(findings)
    if policy_type is None and resource_type is not None:
        policy_type = "resource"
    if policy_type is None and not (root.kind == "object" and "Statement" in root.value):  # type: ignore[operator]
        return _sorted(findings)
    if root.kind != "object":
        findings.append(
            IamFinding(
                *parser.pos(root.start),
                "IAM101",
                f"(root): an IAM policy must be a JSON object, found {kind(root)}",
                "(root)",
            )
        )
        return _sorted(findings)
    if policy_type is None:
        policy_type, inferred = infer_type(root)
        resource_type = resource_type or inferred
    elif policy_type == "resource" and resource_type is None:
        resource_type = infer_type(root)[1]
    if resource_type is not None and policy_type != "resource":
        findings.append(
            IamFinding(
                1,
                1,
                "IAM119",
                f"(root): a resource type goes with policy type 'resource', not {policy_type!r}",
                "(root)",
            )
        )
        return _sorted(findings)
    try:
        _run(Context(parser, root, policy_type, resource_type))
    except RecursionError:
        findings.append(IamFinding(1, 1, "IAM001", "(root): JSON nesting too deep", "(root)"))
    return _sorted(findings)


def _run(ctx: Context) -> None:
    check_document(ctx)
    check_sids(ctx)
    for st in ctx.statements:
        _run_statement(ctx, st)
    check_characters(ctx)
    check_size(ctx)


def _run_statement(ctx: Context, st: Statement) -> None:
    check_statement(ctx, st)
    check_actions(ctx, st)
    check_resources(ctx, st)
    check_principals(ctx, st)
    check_conditions(ctx, st)
    if ctx.is_trust:
        check_trust(ctx, st)
    check_pass_role(ctx, st)


def _sorted(findings: list[IamFinding]) -> list[IamFinding]:
    unknown = {f.code for f in findings} - set(BY_CODE)
    assert not unknown, f"codes missing from the registry: {unknown}"
    return sorted(findings, key=lambda f: (f.line, f.col, f.code))
