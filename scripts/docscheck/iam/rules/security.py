"""Security warnings that span elements (Allow with NotPrincipal lives with the principals)."""

from __future__ import annotations

import fnmatch

from ..context import Context, Statement


def check_pass_role(ctx: Context, st: Statement) -> None:
    """IAM802: Allow iam:PassRole (named or by an iam: wildcard) on Resource "*" or with NotResource."""
    if st.effect != "Allow" or "Action" not in st.members:
        return
    resources = ctx.values(st, "Resource")
    if "*" not in resources and "NotResource" not in st.members:
        return
    member = st.members["Action"]
    nodes = member.node.value if member.node.kind == "array" else [member.node]
    for n, node in enumerate(nodes):  # type: ignore[arg-type]
        if node.kind != "string":
            continue
        action = node.value.lower()  # type: ignore[union-attr]
        if action.startswith("iam:") and fnmatch.fnmatchcase("iam:passrole", action):
            path = f"{st.path}.Action[{n}]" if member.node.kind == "array" else f"{st.path}.Action"
            where = 'on "*"' if "*" in resources else "with NotResource"
            ctx.add(
                node,
                "IAM802",
                path,
                f"{node.value!r} {where} lets the holder pass any role to a service; "
                "name the roles in Resource (and consider an iam:PassedToService condition)",
            )
            return
