"""ARN syntax, and whether an ARN (with wildcards and policy variables) fits a resource type's format."""

from __future__ import annotations

import fnmatch
import re

from .context import VARIABLE, Context
from .data import ArnFormat, IamData
from .parse import Node
from .reference import PARTITIONS

__all__ = ["check_arn", "fits_format", "is_pattern"]

ACCOUNT = re.compile(r"\d{12}")
_REGION = re.compile(r"[a-z]{2}(?:-[a-z]+)+-\d+")
_SERVICE = re.compile(r"[a-z0-9*?-]+")
_LOOSE_VARIABLE = re.compile(r"\$\{[^}]*\}")
_ACCOUNT_PATTERN = re.compile(r"[0-9*?]{1,12}")
_WILDCARD = re.compile(r"[*?]")


def is_pattern(text: str) -> bool:
    return "*" in text or "?" in text


def account_ok(account: str) -> bool:
    if is_pattern(account):
        return bool(_ACCOUNT_PATTERN.fullmatch(account))
    return bool(ACCOUNT.fullmatch(account))


def check_arn(ctx: Context, arn: str, node: Node, path: str) -> list[str] | None:
    """Check ARN syntax (IAM301-IAM304); returns the six parts (variables replaced by '*') or None."""
    flat = _LOOSE_VARIABLE.sub("*", VARIABLE.sub("*", arn))
    parts = flat.split(":", 5)
    if len(parts) < 6 or parts[0] != "arn":
        ctx.add(node, "IAM301", path, f"{arn!r} is not an ARN (arn:partition:service:region:account:resource)")
        return None
    _, partition, service, region, account, resource = parts
    if not service or not _SERVICE.fullmatch(service):
        ctx.add(node, "IAM301", path, f"{arn!r}: empty or malformed service part")
        return None
    if not resource:
        ctx.add(node, "IAM307", path, f"{arn!r}: the resource part is empty, so the ARN matches no resource")
        return None
    if partition not in PARTITIONS and not is_pattern(partition):
        ctx.add(
            node, "IAM302", path, f"{arn!r}: unknown partition {partition!r} (expected one of {', '.join(PARTITIONS)})"
        )
        return None
    if region and not is_pattern(region) and not _REGION.fullmatch(region):
        ctx.add(node, "IAM304", path, f"{arn!r}: {region!r} is not a Region code (e.g. us-east-1)")
        return None
    if account and account != "aws" and not account_ok(account):
        ctx.add(node, "IAM303", path, f"{arn!r}: account ID {account!r} must be 12 digits")
        return None
    return parts


def _field_fits(value: str, template: str) -> bool:
    if template == "*":
        return True
    if template == "":
        return value == "" or set(value) == {"*"}
    if template.startswith("${"):
        return value != ""
    return value == template or (is_pattern(value) and fnmatch.fnmatchcase(template, value))


def _resource_fits(resource: str, fmt: ArnFormat) -> bool:
    prefix = fmt.resource_prefix
    if is_pattern(resource):
        literal = resource[: _WILDCARD.search(resource).start()]  # type: ignore[union-attr]
        return prefix.startswith(literal) or literal.startswith(prefix)
    return resource.startswith(prefix)


def fits_format(parts: list[str], fmt: ArnFormat) -> bool:
    _, _, _, region, account, resource = parts
    return _field_fits(region, fmt.region) and _field_fits(account, fmt.account) and _resource_fits(resource, fmt)


def check_arn_format(ctx: Context, data: IamData, arn: str, parts: list[str], node: Node, path: str) -> None:
    """The ARN against its service's resource-type formats whose resource part it can match: a Region
    where none of them has one, or none where all need one, is an error (IAM305); an account part
    that none of them takes is a warning (IAM306: AWS-owned resources such as SSM documents leave the
    account empty where the data's formats show one). ARNs of a kind the data does not list pass."""
    key = tuple(parts)
    verdicts = data.arn_verdicts
    if key not in verdicts:
        verdicts[key] = _format_verdict(data, parts)
    verdict = verdicts[key]
    if verdict is not None:
        code, why, template = verdict
        ctx.add(node, code, path, f"{arn!r}: this {parts[2]} ARN {why}; the format is {template}")


def _format_verdict(data: IamData, parts: list[str]) -> tuple[str, str, str] | None:
    service = parts[2]
    formats = data.arns.get(service)
    if not formats or is_pattern(service):
        return None
    candidates = [f for f in formats if _resource_fits(parts[5], f)]
    if not candidates or any(fits_format(parts, f) for f in candidates):
        return None
    region = parts[3]
    if not any(_field_fits(region, f.region) for f in candidates):
        fmt = candidates[0]
        return "IAM305", "takes no Region" if fmt.region == "" else "needs a Region", fmt.template
    fmt = next(f for f in candidates if _field_fits(region, f.region))
    why = "takes no account ID" if fmt.account == "" else f"has the account part {fmt.account}"
    return "IAM306", f"{why} in AWS's formats, so it may match nothing", fmt.template
