"""Policy variables (${aws:username}): syntax, and the policy language version they need."""

from __future__ import annotations

import re

from ..context import VARIABLE, Context
from ..parse import Node

_OPEN = re.compile(r"\$\{")
_NO_DOLLAR = re.compile(r"(?<!\$)\{[A-Za-z0-9.-]+:[^{}]*\}")


def check_variables(ctx: Context, text: str, node: Node, path: str) -> bool:
    """Report malformed variables (IAM520) and variables in a 2008-10-17 policy (IAM521).
    Returns False when a variable is malformed (callers then skip value checks)."""
    if "{" not in text:
        return True
    for m in _OPEN.finditer(text):
        good = VARIABLE.match(text, m.start())
        if good is None:
            end = text.find("}", m.start())
            shown = text[m.start() : end + 1] if end >= 0 else text[m.start() :]
            why = "has no closing brace" if end < 0 else "is not ${prefix:key} (no spaces)"
            ctx.add(node, "IAM520", path, f"policy variable {shown!r} {why}")
            return False
    m = _NO_DOLLAR.search(text)
    if m:
        ctx.add(node, "IAM520", path, f"{m.group()!r} looks like a policy variable without its '$'")
        return False
    if VARIABLE.search(text) and ctx.version == "2008-10-17":
        ctx.add(
            node,
            "IAM521",
            path,
            f'{text!r}: policy variables need "Version": "2012-10-17"; under 2008-10-17 they are literal text',
        )
    return True
