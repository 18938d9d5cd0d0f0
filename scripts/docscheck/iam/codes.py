"""TEMPORARY adapter (replaced when the IAM branch lands): scripts/iam_policy.py's codes, IAM-prefixed."""

from __future__ import annotations

from ..problems import Code, Severity

_TITLES = {
    "J001": "JSON syntax error", "J002": "duplicate key", "J003": "comment in JSON", "J004": "trailing comma",
    "J005": "single-quoted string", "J006": "NaN or Infinity",
    "P001": "policy is not a JSON object", "P002": "Version missing", "P003": "unsupported Version",
    "P004": "unknown key", "P005": "Statement missing or empty", "P006": "statement is not an object",
    "P007": "bad Effect", "P008": "not exactly one of Action/NotAction",
    "P009": "both Resource/NotResource or Principal/NotPrincipal", "P010": "identity statement without Resource",
    "P011": "duplicate Sid", "P012": "Sid not alphanumeric", "P013": "value of the wrong type",
    "P014": "bad Principal", "P015": "resource policy statement without Principal",
    "P016": "character outside IAM's set",
    "A000": "action database unavailable", "A001": "malformed action", "A002": "unknown service prefix",
    "A003": "unknown action", "A004": "action wildcard matches nothing",
    "R001": "malformed ARN", "R002": "unknown partition", "R003": "invalid account ID in an ARN",
    "R004": "invalid AWS principal", "R005": "invalid Service principal",
    "R006": "invalid Federated or CanonicalUser principal", "R007": "invalid Region in an ARN",
    "S001": "identity policy too large", "S002": "resource policy too large",
    "C001": "unknown condition operator", "C002": "IfExists on Null", "C003": "malformed condition key",
    "C004": "unknown global condition key", "C005": "unknown service condition key", "C006": "invalid date",
    "C007": "invalid IP address or CIDR", "C008": "invalid boolean", "C009": "invalid number",
    "C010": "invalid account ID", "C011": "invalid base64",
}

CODES: list[Code] = [
    Code("IAM" + old, Severity.ERROR, title, f"{title} (scripts/iam_policy.py code {old}).")
    for old, title in _TITLES.items()
]
