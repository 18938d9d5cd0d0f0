"""Policy grammar: top-level and statement elements, Version, Sid, Effect, the element pairs, and
which elements each policy type allows."""

from __future__ import annotations

import difflib
import re

from ..context import Context, Statement, kind, show
from ..parse import Member, Node, join_path

VERSIONS = ("2012-10-17", "2008-10-17")
TOP_KEYS = ("Version", "Id", "Statement")
STATEMENT_KEYS = ("Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource",
                  "Condition")  # fmt: skip
_SID = re.compile(r"[A-Za-z0-9]*")
_ALLOWED_CHAR = re.compile(r"[^\t\n\r\x20-\xff]")


def hint(word: str, choices) -> str:
    for choice in choices:
        if choice.lower() == word.lower():
            return f" (names are case-sensitive: did you mean {choice!r}?)"
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.8)
    return f" (did you mean {close[0]!r}?)" if close else ""


def check_document(ctx: Context) -> None:
    """Top level: elements, Version, Id, Statement; fills ctx.statements and ctx.version."""
    members: dict[str, Member] = ctx.root.value  # type: ignore[assignment]
    for key, member in members.items():
        if key not in TOP_KEYS:
            ctx.add(member, "IAM104", join_path("(root)", key), f"unknown policy element{hint(key, TOP_KEYS)}")
    version = members.get("Version")
    if version is None:
        ctx.add(
            ctx.root,
            "IAM102",
            "Version",
            'missing; add "Version": "2012-10-17" (without it IAM uses 2008-10-17, which has no policy variables)',
        )
    elif version.node.kind != "string" or version.node.value not in VERSIONS:
        ctx.add(
            version.node,
            "IAM103",
            "Version",
            f'{show(version.node)} is not a policy language version; use "2012-10-17" (or the legacy "2008-10-17")',
        )
    else:
        ctx.version = version.node.value  # type: ignore[assignment]
    if version is None:
        ctx.version = "2008-10-17"
    pid = members.get("Id")
    if pid is not None and pid.node.kind != "string":
        ctx.add(pid.node, "IAM113", "Id", f"expected a string, found {kind(pid.node)}")
    ctx.statements = _statements(ctx, members)


def _statements(ctx: Context, members: dict[str, Member]) -> list[Statement]:
    member = members.get("Statement")
    if member is None:
        ctx.add(ctx.root, "IAM105", "Statement", "missing; a policy needs at least one statement")
        return []
    node = member.node
    if node.kind == "object":
        return [Statement(node, "Statement", node.value)]  # type: ignore[arg-type]
    if node.kind != "array":
        ctx.add(node, "IAM105", "Statement", f"must be an object or a list of objects, found {kind(node)}")
        return []
    if not node.value:
        ctx.add(node, "IAM105", "Statement", "must not be an empty list")
    out = []
    for n, item in enumerate(node.value):  # type: ignore[arg-type]
        path = f"Statement[{n}]"
        if item.kind == "object":
            out.append(Statement(item, path, item.value))  # type: ignore[arg-type]
        else:
            ctx.add(item, "IAM106", path, f"a statement must be an object, found {kind(item)}")
    return out


def check_sids(ctx: Context) -> None:
    seen: dict[str, str] = {}
    strict = ctx.policy_type in ("identity", "service-control")
    for st in ctx.statements:
        member = st.members.get("Sid")
        if member is None:
            continue
        node = member.node
        if node.kind != "string":
            ctx.add(node, "IAM113", f"{st.path}.Sid", f"expected a string, found {kind(node)}")
            continue
        sid: str = node.value  # type: ignore[assignment]
        if sid in seen:
            ctx.add(node, "IAM111", f"{st.path}.Sid", f"duplicate Sid {sid!r} (also in {seen[sid]})")
        else:
            seen[sid] = st.path
        if strict and not _SID.fullmatch(sid):
            what = "identity-policy" if ctx.policy_type == "identity" else "SCP"
            ctx.add(node, "IAM112", f"{st.path}.Sid", f"{sid!r}: {what} Sids may contain only letters and digits")


def check_statement(ctx: Context, st: Statement) -> None:
    members, path = st.members, st.path
    for key, member in members.items():
        if key not in STATEMENT_KEYS:
            ctx.add(member, "IAM104", join_path(path, key), f"unknown statement element{hint(key, STATEMENT_KEYS)}")
    effect = members.get("Effect")
    if effect is None:
        ctx.add(st.node, "IAM107", path, 'missing "Effect" ("Allow" or "Deny")')
    elif effect.node.kind != "string" or effect.node.value not in ("Allow", "Deny"):
        ctx.add(
            effect.node, "IAM107", f"{path}.Effect", f'{show(effect.node)} is not "Allow" or "Deny" (case-sensitive)'
        )
    if "Action" in members and "NotAction" in members:
        ctx.add(
            members["NotAction"], "IAM108", f"{path}.NotAction", "a statement cannot have both Action and NotAction"
        )
    elif "Action" not in members and "NotAction" not in members:
        ctx.add(st.node, "IAM108", path, 'missing "Action" or "NotAction"')
    for first, second in (("Resource", "NotResource"), ("Principal", "NotPrincipal")):
        if first in members and second in members:
            ctx.add(members[second], "IAM109", f"{path}.{second}", f"a statement cannot have both {first} and {second}")
    _check_type_elements(ctx, st)


def _check_type_elements(ctx: Context, st: Statement) -> None:
    """Which elements the policy type allows or needs."""
    members, path, ptype = st.members, st.path, ctx.policy_type
    has_resource = st.has("Resource", "NotResource")
    has_principal = st.has("Principal", "NotPrincipal")
    if ptype in ("identity", "service-control"):
        what = "an identity-based policy" if ptype == "identity" else "a service control policy"
        for name in ("Principal", "NotPrincipal"):
            if name in members:
                ctx.add(members[name], "IAM117", f"{path}.{name}", f"{name} is not allowed in {what}")
        if not has_resource:
            ctx.add(st.node, "IAM110", path, f'missing "Resource": statements of {what} need Resource or NotResource')
        return
    if ptype == "resource-control":
        _check_rcp(ctx, st, has_resource)
        return
    # resource-based policies, trust policies among them
    if ctx.is_trust:
        for name in ("Resource", "NotResource", "NotPrincipal"):
            if name in members:
                ctx.add(members[name], "IAM117", f"{path}.{name}", f"{name} is not allowed in a role trust policy")
    elif ctx.resource_type is not None and not has_resource:
        ctx.add(st.node, "IAM110", path, f'missing "Resource": a {ctx.resource_type} policy names its resource')
    if not has_principal:
        ctx.add(
            st.node, "IAM115", path, 'missing "Principal": every statement of a resource-based policy names a principal'
        )


def _is_star(node: Node) -> bool:
    if node.kind == "string":
        return node.value == "*"
    if node.kind == "object" and list(node.value) == ["AWS"]:  # type: ignore[arg-type]
        inner = node.value["AWS"].node  # type: ignore[index]
        return inner.kind == "string" and inner.value == "*"
    return False


def _check_rcp(ctx: Context, st: Statement, has_resource: bool) -> None:
    members, path = st.members, st.path
    for name in ("NotPrincipal", "NotAction"):
        if name in members:
            ctx.add(members[name], "IAM118", f"{path}.{name}", f"{name} is not supported in resource control policies")
    principal = members.get("Principal")
    if principal is None:
        if "NotPrincipal" not in members:
            ctx.add(st.node, "IAM118", path, 'missing "Principal": RCP statements use "Principal": "*"')
    elif not _is_star(principal.node):
        ctx.add(
            principal.node,
            "IAM118",
            f"{path}.Principal",
            'RCPs take "Principal": "*" only; narrow the principals with conditions such as aws:PrincipalAccount',
        )
    if st.effect == "Allow":
        full_access = (
            ctx.values(st, "Action") == ["*"] and ctx.values(st, "Resource") == ["*"] and "Condition" not in members
        )
        if not full_access:
            ctx.add(
                members["Effect"].node,
                "IAM118",
                f"{path}.Effect",
                "RCPs deny only; Allow is reserved for the AWS managed RCPFullAWSAccess policy",
            )
    if not has_resource:
        ctx.add(st.node, "IAM110", path, 'missing "Resource": RCP statements need Resource or NotResource')


def check_characters(ctx: Context) -> None:
    text = ctx.parser.text
    if not _ALLOWED_CHAR.search(text):
        return
    for node, path in _walk_strings(ctx.root, "(root)"):
        m = _ALLOWED_CHAR.search(text, node.start, node.end)
        if m:
            ctx.add_at(
                m.start(),
                "IAM116",
                path,
                f"character {m.group()!r} (U+{ord(m.group()):04X}) is not allowed in IAM policies "
                "(only tab, LF, CR and U+0020-U+00FF)",
            )


def _walk_strings(node: Node, path: str):
    if node.kind == "string":
        yield node, path
    elif node.kind == "object":
        for key, member in node.value.items():  # type: ignore[union-attr]
            sub = join_path(path, key)
            yield Node("string", key, member.line, member.col, member.start, member.end), sub
            yield from _walk_strings(member.node, sub)
    elif node.kind == "array":
        for n, item in enumerate(node.value):  # type: ignore[arg-type]
            yield from _walk_strings(item, f"{path}[{n}]")
