"""Size limits, by policy type and, for resource-based policies, by resource type."""

from __future__ import annotations

import json

from ..context import Context
from ..parse import to_python
from ..reference import RESOURCE_TYPES

# IAM User Guide, "IAM and AWS STS quotas": customer managed policy 6,144 characters (whitespace not
# counted); role trust policy 2,048 characters by default (adjustable). AWS Organizations User Guide,
# "Quotas and service limits": SCP and RCP documents 5,120 characters, every character counted.
CUSTOMER_MANAGED = 6144
ORGANIZATIONS_POLICY = 5120
TRUST_DEFAULT = 2048


def check_size(ctx: Context) -> None:
    text = ctx.parser.text
    if len(text) <= TRUST_DEFAULT:
        return  # every limit is at least this long, and minifying only shortens
    minified = len(json.dumps(to_python(ctx.root), separators=(",", ":"), ensure_ascii=False))
    if ctx.policy_type == "identity":
        if minified > CUSTOMER_MANAGED:
            ctx.add(
                ctx.root,
                "IAM601",
                "(root)",
                f"{minified:,} characters without whitespace: over the {CUSTOMER_MANAGED:,}-character limit of a "
                "customer managed policy (inline policies count against a per-user, group or role total; "
                "AWS managed policies have their own limit)",
            )
    elif ctx.policy_type in ("service-control", "resource-control"):
        what = "service" if ctx.policy_type == "service-control" else "resource"
        if minified > ORGANIZATIONS_POLICY:
            ctx.add(
                ctx.root,
                "IAM602",
                "(root)",
                f"{minified:,} characters even without whitespace: {what} control policies hold "
                f"{ORGANIZATIONS_POLICY:,}",
            )
        elif len(text) > ORGANIZATIONS_POLICY:
            ctx.add(
                ctx.root,
                "IAM605",
                "(root)",
                f"{len(text):,} characters as written: {what} control policies hold {ORGANIZATIONS_POLICY:,}, "
                f"whitespace included; minify it ({minified:,} characters) before attaching",
            )
    elif ctx.is_trust:
        if minified > TRUST_DEFAULT:
            ctx.add(
                ctx.root,
                "IAM604",
                "(root)",
                f"{minified:,} characters without whitespace: over the default {TRUST_DEFAULT:,}-character "
                "role trust policy quota",
            )
    elif ctx.resource_type in RESOURCE_TYPES:
        kind = RESOURCE_TYPES[ctx.resource_type]
        if kind.max_size is not None:
            size = len(text.encode("utf-8")) if kind.size_unit == "bytes" else len(text)
            if size > kind.max_size:
                ctx.add(
                    ctx.root,
                    "IAM603",
                    "(root)",
                    f"{size:,} {kind.size_unit}: a {ctx.resource_type} policy holds {kind.max_size:,}",
                )
