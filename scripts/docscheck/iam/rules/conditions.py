"""Condition blocks: operators, keys (global list and AWS's data), value types and counts per key
type, set operators for single- and multivalued keys, and a few keys with a known value shape."""

from __future__ import annotations

import base64
import binascii
import ipaddress
import json
import re
from datetime import datetime

from ..arns import ACCOUNT, account_ok, check_arn
from ..context import VARIABLE, Context, Statement, kind
from ..parse import Member, Node, join_path
from ..reference import (
    ACCOUNT_KEYS,
    GLOBAL_KEY_STEMS,
    GLOBAL_KEYS,
    IDP_MULTIVALUED_KEYS,
    OPERATORS,
    SOURCE_IP_KEY,
    SOURCE_VPCE_KEY,
)
from .document import hint
from .variables import check_variables

SET_QUALIFIERS = ("ForAllValues:", "ForAnyValue:")
_KEY = re.compile(r"([^:\s]+):(\S+)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_EPOCH = re.compile(r"\d{1,11}")
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_VPCE = re.compile(r"vpce-[0-9a-f]{8,17}")
# Ranges that never appear as a public source address (RFC 1918, RFC 6598, loopback, link-local,
# IPv6 unique local and link-local). Documentation ranges (192.0.2.0/24, 2001:db8::/32) are not listed.
_PRIVATE = tuple(ipaddress.ip_network(n) for n in (
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
    "fc00::/7", "fe80::/10", "::1/128"))  # fmt: skip
# Operator type -> key types it may compare (String operators also compare ARNs, as IAM documents).
_FITS = {
    "String": {"String", "ARN"},
    "Numeric": {"Numeric", "Date"},
    "Date": {"Date"},
    "Bool": {"Bool"},
    "IPAddress": {"IPAddress"},
    "ARN": {"ARN"},
}


def check_conditions(ctx: Context, st: Statement) -> None:
    member = st.members.get("Condition")
    if member is None:
        return
    path = f"{st.path}.Condition"
    node = member.node
    if node.kind != "object":
        ctx.add(node, "IAM113", path, f"expected an object of condition operators, found {kind(node)}")
        return
    for operator, block in node.value.items():  # type: ignore[union-attr]
        op_path = join_path(path, operator)
        parsed = _operator(ctx, operator, block, op_path)
        if block.node.kind != "object":
            ctx.add(block.node, "IAM113", op_path, f"expected an object of condition keys, found {kind(block.node)}")
            continue
        for key, key_member in block.node.value.items():  # type: ignore[union-attr]
            key_path = join_path(op_path, key)
            key_type = _key_type(ctx, key, key_member, key_path)
            values = _values(ctx, key_member, key_path)
            if parsed is None:
                continue
            qualifier, op_type = parsed
            _check_values(ctx, operator, op_type, key, values)
            if key_type is not None:
                _check_key_fit(ctx, operator, qualifier, op_type, key, key_type, key_member, key_path)
            if op_type in ("Bool", "Null") and len(values) > 1:
                ctx.add(
                    key_member.node,
                    "IAM513",
                    key_path,
                    f"{operator} takes one value; {len(values)} values make the condition true either way",
                )


def _operator(ctx: Context, operator: str, member: Member, path: str) -> tuple[str, str] | None:
    """(set qualifier, value type) of an operator, or None when it is invalid (reported)."""
    base, qualifier = operator, ""
    for q in SET_QUALIFIERS:
        if base.startswith(q):
            base, qualifier = base[len(q) :], q[:-1]
            break
    if_exists = base.endswith("IfExists")
    if if_exists:
        base = base[: -len("IfExists")]
    if base not in OPERATORS:
        known = [q + o for q in ("", *SET_QUALIFIERS) for o in OPERATORS]
        ctx.add(member, "IAM501", path, f"unknown condition operator {operator!r}{hint(operator, known)}")
        return None
    if if_exists and base == "Null":
        ctx.add(
            member, "IAM502", path, "Null cannot take the IfExists suffix (Null already tests whether the key exists)"
        )
        return None
    return qualifier, OPERATORS[base]


def _key_type(ctx: Context, key: str, member: Member, path: str) -> str | None:
    """The key's type from the global list or AWS's data; None when unknown (reported) or not typed."""
    m = _KEY.fullmatch(key)
    if not m:
        ctx.add(member, "IAM503", path, f'condition key {key!r} is not of the form "prefix:name"')
        return None
    lower = key.lower()
    prefix = m.group(1).lower()
    if lower in GLOBAL_KEYS:
        return GLOBAL_KEYS[lower]
    for stem, key_type in GLOBAL_KEY_STEMS.items():
        if lower.startswith(stem) and len(lower) > len(stem):
            return key_type
    if prefix == "aws":
        ctx.add(member, "IAM504", path, f"unknown global condition key {key!r}")
        return None
    if "." in prefix:  # identity-provider keys (accounts.google.com:aud, an OIDC issuer's keys)
        return "ArrayOfString" if lower in IDP_MULTIVALUED_KEYS else "String"
    data = ctx.data(member.node, path)
    if data is None:
        return None
    found = data.key_type(key)
    if found is not None:
        return found
    if prefix not in data.keys and prefix not in data.stems:
        ctx.add(member, "IAM505", path, f"{key!r}: unknown condition key prefix {m.group(1)!r} (not in {data.as_of})")
    else:
        ctx.add(member, "IAM505", path, f"{key!r}: {prefix} defines no condition key {m.group(2)!r} (in {data.as_of})")
    return None


def _values(ctx: Context, member: Member, path: str) -> list[tuple[object, Node, str]]:
    node = member.node
    items = node.value if node.kind == "array" else [node]
    if node.kind == "array" and not items:
        ctx.add(node, "IAM113", path, "must not be an empty list")
    out = []
    for n, item in enumerate(items):  # type: ignore[arg-type]
        item_path = f"{path}[{n}]" if node.kind == "array" else path
        if item.kind in ("string", "number", "bool"):
            out.append((item.value, item, item_path))
        else:
            ctx.add(
                item, "IAM113", item_path, f"condition values must be strings, numbers or booleans, found {kind(item)}"
            )
    return out


def _check_values(ctx: Context, operator: str, op_type: str, key: str, values: list) -> None:
    lower = key.lower()
    for value, node, path in values:
        text = value if isinstance(value, str) else json.dumps(value)
        if isinstance(value, str) and "{" in value:
            if not check_variables(ctx, value, node, path):
                continue
            if VARIABLE.search(value):
                if op_type not in ("String", "ARN"):
                    ctx.add(
                        node,
                        "IAM522",
                        path,
                        f"{operator} does not resolve policy variables ({value!r}); use a string or ARN operator",
                    )
                continue
        if op_type in ("Bool", "Null"):
            if text.lower() not in ("true", "false"):
                ctx.add(node, "IAM508", path, f'{operator} expects "true" or "false", found {text!r}')
        elif op_type == "Numeric":
            if isinstance(value, bool) or not _NUMBER.fullmatch(text):
                ctx.add(node, "IAM509", path, f"{operator} expects a number, found {text!r}")
        elif op_type == "Date":
            if isinstance(value, bool) or not _is_date(text):
                ctx.add(
                    node,
                    "IAM506",
                    path,
                    f"{operator} expects an ISO 8601 date (2026-01-31T00:00:00Z) or epoch seconds, found {text!r}",
                )
        elif op_type == "IPAddress":
            network = _network(text)
            if network is None:
                ctx.add(node, "IAM507", path, f"{operator} expects an IP address or CIDR, found {text!r}")
            elif lower == SOURCE_IP_KEY and _is_private(network):
                ctx.add(
                    node,
                    "IAM517",
                    path,
                    f"{text!r} is a private range: aws:SourceIp only sees public addresses "
                    "(requests through a VPC endpoint carry aws:VpcSourceIp instead)",
                )
        elif op_type == "Binary":
            if not _is_base64(text):
                ctx.add(node, "IAM511", path, f"BinaryEquals expects base64 data, found {text!r}")
        elif op_type == "ARN":
            if text != "*":
                check_arn(ctx, text, node, path)
        elif op_type == "String":
            like = "Like" in operator
            if lower in ACCOUNT_KEYS and not (ACCOUNT.fullmatch(text) or (like and account_ok(text))):
                ctx.add(node, "IAM510", path, f"{key} expects a 12-digit account ID, found {text!r}")
            elif lower == SOURCE_VPCE_KEY and not (_VPCE.fullmatch(text) or (like and "*" in text)):
                ctx.add(node, "IAM518", path, f"{text!r} is not a VPC endpoint ID (vpce- and 8 or 17 hex digits)")


def _check_key_fit(
    ctx: Context, operator: str, qualifier: str, op_type: str, key: str, key_type: str, member: Member, path: str
) -> None:
    multivalued = key_type.startswith("ArrayOf")
    base_type = key_type.removeprefix("ArrayOf")
    if op_type != "Null" and op_type in _FITS and base_type not in _FITS[op_type]:
        ctx.add(member, "IAM512", path, f"{key} is of type {key_type}; {operator} compares {op_type} values")
    if op_type == "Null":
        return
    if multivalued and not qualifier:
        ctx.add(
            member,
            "IAM514",
            path,
            f"{key} is multivalued ({key_type}); use ForAllValues:{operator} or ForAnyValue:{operator}",
        )
    elif not multivalued and qualifier == "ForAllValues":
        ctx.add(
            member,
            "IAM515",
            path,
            f"ForAllValues with the single-valued key {key} is also true when the key "
            "is absent, which can be overly permissive; remove ForAllValues:",
        )
    elif not multivalued and qualifier == "ForAnyValue":
        ctx.add(member, "IAM516", path, f"{key} is single-valued; remove ForAnyValue:")


def _is_date(text: str) -> bool:
    if _EPOCH.fullmatch(text):
        return True
    if not _DATE.fullmatch(text):
        return False
    iso = text.replace("Z", "+00:00")
    if re.search(r"[+-]\d{4}$", iso) and "T" in iso:
        iso = iso[:-2] + ":" + iso[-2:]
    try:
        datetime.fromisoformat(iso)
    except ValueError:
        return False
    return True


def _network(text: str):
    if not re.fullmatch(r"[0-9A-Fa-f:.]+(/\d{1,3})?", text) or not re.search(r"[.:]", text):
        return None
    try:
        return ipaddress.ip_network(text, strict=False)
    except ValueError:
        return None


def _is_base64(text: str) -> bool:
    try:
        base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return False
    return bool(text)


def _is_private(network) -> bool:
    return any(network.version == p.version and network.subnet_of(p) for p in _PRIVATE)
