"""Actions: syntax, existence in AWS's data (with its date), RCP support, the resource type's service."""

from __future__ import annotations

import re

from ..context import Context, Statement
from ..reference import RESOURCE_TYPES

_ACTION = re.compile(r"([A-Za-z0-9-]+):([A-Za-z0-9*?]+)")


def check_actions(ctx: Context, st: Statement) -> None:
    for name in ("Action", "NotAction"):
        member = st.members.get(name)
        if member is None:
            continue
        for action, node, path in ctx.distinct_strings(member, f"{st.path}.{name}", fold=str.lower):
            _check_action(ctx, action, node, path)


def _check_action(ctx: Context, action: str, node, path: str) -> None:
    if action == "*":
        return
    m = _ACTION.fullmatch(action)
    if not m:
        ctx.add(node, "IAM201", path, f'{action!r} is not of the form "service:Action"')
        return
    prefix, name = m.group(1).lower(), m.group(2).lower()
    if ctx.policy_type == "resource" and ctx.resource_type in RESOURCE_TYPES:
        services = RESOURCE_TYPES[ctx.resource_type].services
        if prefix not in services:
            ctx.add(
                node,
                "IAM120",
                path,
                f"{action!r}: a {ctx.resource_type} policy grants only {', '.join(s + ':' for s in services)} actions",
            )
    data = ctx.data(node, path)
    if data is None:
        return
    names = data.actions.get(prefix)
    if names is None:
        ctx.add(node, "IAM202", path, f"{action!r}: unknown service prefix {m.group(1)!r} (not in {data.as_of})")
        return
    if name in names:
        pass
    elif "*" in name or "?" in name:
        if not data.wildcard_matches(prefix, name):
            ctx.add(node, "IAM204", path, f"{action!r} matches no {prefix} action (in {data.as_of})")
    else:
        ctx.add(node, "IAM203", path, f"{action!r}: {prefix} has no action {m.group(2)!r} (in {data.as_of})")
    if ctx.policy_type == "resource-control" and prefix not in data.rcp_services:
        ctx.add(
            node,
            "IAM205",
            path,
            f"{action!r}: {prefix} is not in the list of services that resource control policies apply to "
            f"({data.as_of})",
        )
