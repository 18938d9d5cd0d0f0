"""Role trust policies: the assume action must fit the principal; IAM Roles Anywhere needs its
session actions; a GitHub Actions OIDC trust needs a sub condition."""

from __future__ import annotations

from ..context import Context, Statement

_SERVICE_ACTIONS = {"sts:assumerole", "sts:tagsession", "sts:setsourceidentity", "sts:setcontext"}
_ASSUME = {
    "service": "sts:AssumeRole",
    "aws": "sts:AssumeRole",
    "oidc": "sts:AssumeRoleWithWebIdentity",
    "saml": "sts:AssumeRoleWithSAML",
}
_WEB_PROVIDERS = ("cognito-identity.amazonaws.com", "accounts.google.com", "graph.facebook.com", "www.amazon.com")
_GITHUB = "token.actions.githubusercontent.com"
_ROLES_ANYWHERE = "rolesanywhere.amazonaws.com"


def _principal_kinds(ctx: Context, st: Statement) -> dict[str, list[str]]:
    member = st.members.get("Principal")
    kinds: dict[str, list[str]] = {}
    if member is None:
        return kinds
    node = member.node
    if node.kind == "string" and node.value == "*":
        kinds["aws"] = ["*"]
        return kinds
    if node.kind != "object":
        return kinds
    for key, sub in node.value.items():  # type: ignore[union-attr]
        items = sub.node.value if sub.node.kind == "array" else [sub.node]
        values = [i.value for i in items if i.kind == "string"]  # type: ignore[union-attr]
        if key == "Service":
            kinds.setdefault("service", []).extend(values)
        elif key == "AWS":
            kinds.setdefault("aws", []).extend(values)
        elif key == "Federated":
            for v in values:
                saml = ":saml-provider/" in v
                kinds.setdefault("saml" if saml else "oidc", []).append(v)
    return kinds


def check_trust(ctx: Context, st: Statement) -> None:
    if st.effect != "Allow":
        return
    kinds = _principal_kinds(ctx, st)
    if not kinds:
        return
    member = st.members.get("Action")
    actions = {a.lower() for a in ctx.values(st, "Action")}
    fits = {_ASSUME[k].lower() for k in kinds}
    if member is not None:
        nodes = member.node.value if member.node.kind == "array" else [member.node]
        for n, node in enumerate(nodes):  # type: ignore[arg-type]
            if node.kind != "string":
                continue
            action = node.value.lower()  # type: ignore[union-attr]
            if not action.startswith("sts:assumerole") or "*" in action or action in fits:
                continue
            path = f"{st.path}.Action[{n}]" if member.node.kind == "array" else f"{st.path}.Action"
            expected = " or ".join(sorted({_ASSUME[k] for k in kinds}))
            who = ", ".join(sorted(kinds))
            ctx.add(
                node,
                "IAM701",
                path,
                f"{node.value!r} does not fit the principal ({who}); it assumes the role with {expected}",
            )
    if "sts:*" in actions or "*" in actions:
        return
    if _ROLES_ANYWHERE in kinds.get("service", []):
        missing = [a for a in ("sts:TagSession", "sts:SetSourceIdentity") if a.lower() not in actions]
        if missing:
            ctx.add(
                member or st.node,
                "IAM702",
                f"{st.path}.Action",
                f"IAM Roles Anywhere also needs {' and '.join(missing)} in the trust policy",
            )
    github = [v for v in kinds.get("oidc", []) if v == _GITHUB or v.endswith(f"oidc-provider/{_GITHUB}")]
    if github and not _has_condition_key(st, f"{_GITHUB}:sub"):
        ctx.add(
            st.members["Principal"],
            "IAM703",
            f"{st.path}.Principal",
            f"GitHub OIDC trust without a {_GITHUB}:sub condition: any repository's workflow can assume the role",
        )


def _has_condition_key(st: Statement, key: str) -> bool:
    member = st.members.get("Condition")
    if member is None or member.node.kind != "object":
        return False
    for block in member.node.value.values():  # type: ignore[union-attr]
        if block.node.kind == "object" and any(k.lower() == key for k in block.node.value):  # type: ignore[union-attr]
            return True
    return False
