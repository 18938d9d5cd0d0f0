"""Principal and NotPrincipal: shape, each principal type's values, wildcards, Allow with NotPrincipal."""

from __future__ import annotations

import re

from ..arns import ACCOUNT, check_arn
from ..context import Context, Statement, kind, show
from ..parse import Node
from ..reference import SERVICE_PRINCIPALS_OUTSIDE_AMAZONAWS
from .document import hint

PRINCIPAL_TYPES = ("AWS", "Service", "Federated", "CanonicalUser")
_SERVICE_PRINCIPAL = re.compile(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?\.amazonaws\.com(\.cn)?")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_HOSTNAME = re.compile(rf"{_LABEL}(?:\.{_LABEL})+(?:/[\w./-]+)?")
_OAI = "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity "


def check_principals(ctx: Context, st: Statement) -> None:
    for name in ("Principal", "NotPrincipal"):
        member = st.members.get(name)
        if member is None:
            continue
        _check_principal(ctx, member.node, f"{st.path}.{name}")
        if name == "NotPrincipal" and st.effect == "Allow":
            ctx.add(
                member,
                "IAM801",
                f"{st.path}.NotPrincipal",
                "Allow with NotPrincipal grants access to every principal not listed, anonymous users included; "
                "use Principal with an aws:PrincipalArn condition",
            )


def _check_principal(ctx: Context, node: Node, path: str) -> None:
    if node.kind == "string":
        if node.value != "*":
            ctx.add(
                node, "IAM114", path, f'{show(node)}: a Principal is "*" or an object such as {{"AWS": "123456789012"}}'
            )
        return
    if node.kind != "object":
        ctx.add(node, "IAM114", path, f'must be "*" or an object, found {kind(node)}')
        return
    if not node.value:
        ctx.add(node, "IAM114", path, "must not be an empty object")
    checks = {"AWS": _aws, "Service": _service, "Federated": _federated, "CanonicalUser": _canonical}
    for key, sub in node.value.items():  # type: ignore[union-attr]
        if key not in checks:
            ctx.add(
                sub,
                "IAM114",
                f"{path}.{key}",
                f"unknown principal type{hint(key, PRINCIPAL_TYPES)} (expected {', '.join(PRINCIPAL_TYPES)})",
            )
            continue
        for value, item, item_path in ctx.strings(sub, f"{path}.{key}"):
            checks[key](ctx, value, item, item_path)


def _aws(ctx: Context, value: str, node: Node, path: str) -> None:
    if value == "*" or ACCOUNT.fullmatch(value):
        return
    if not value.startswith("arn:"):
        ctx.add(node, "IAM401", path, f'{value!r}: expected "*", a 12-digit account ID or an IAM ARN')
        return
    if value.startswith(_OAI):
        return  # legacy CloudFront origin access identity
    if "*" in value or "?" in value:
        ctx.add(
            node,
            "IAM405",
            path,
            f'{value!r}: principal ARNs take no wildcards; use "AWS": "*" with an '
            "ArnLike condition on aws:PrincipalArn",
        )
        return
    parts = check_arn(ctx, value, node, path)
    if parts is None:
        return
    _, _, service, region, account, resource = parts
    ok = (service == "iam" and (resource == "root" or re.match(r"(user|role)/", resource))) or (
        service == "sts" and re.match(r"(assumed-role|federated-user)/", resource)
    )
    if region or not account or not ok:
        ctx.add(
            node,
            "IAM401",
            path,
            f"{value!r}: expected an account (arn:aws:iam::123456789012:root), IAM user, IAM role or assumed-role ARN",
        )


def _service(ctx: Context, value: str, node: Node, path: str) -> None:
    if value in SERVICE_PRINCIPALS_OUTSIDE_AMAZONAWS or _SERVICE_PRINCIPAL.fullmatch(value):
        return
    ctx.add(node, "IAM402", path, f'{value!r}: a service principal looks like "service.amazonaws.com"')


def _federated(ctx: Context, value: str, node: Node, path: str) -> None:
    if value.startswith("arn:"):
        parts = check_arn(ctx, value, node, path)
        if parts and not (parts[2] == "iam" and re.match(r"(saml|oidc)-provider/", parts[5])):
            ctx.add(node, "IAM403", path, f"{value!r}: expected an IAM saml-provider or oidc-provider ARN")
    elif not _HOSTNAME.fullmatch(value):
        ctx.add(
            node,
            "IAM403",
            path,
            f"{value!r}: expected an identity provider ARN or host name (e.g. cognito-identity.amazonaws.com)",
        )


def _canonical(ctx: Context, value: str, node: Node, path: str) -> None:
    if not re.fullmatch(r"[0-9a-f]{64}", value):
        ctx.add(node, "IAM404", path, f"{value!r}: a canonical user ID is 64 hexadecimal digits")
