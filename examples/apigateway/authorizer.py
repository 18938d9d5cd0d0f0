"""A Lambda TOKEN authorizer for an API Gateway REST API, in plain Python.

API Gateway calls it with the caller's `Authorization` header and the ARN of the method being
called, and expects an IAM policy back:

- no usable token (missing, not `Bearer`, malformed, bad signature): raise `Exception("Unauthorized")`,
  which API Gateway turns into **401**;
- a genuine token that may not call the API (expired, wrong scope): return a **Deny** policy (**403**);
- otherwise return an **Allow** policy, plus a `context` map the backend can read.

The demo token is `subject.scope.expires.signature`, signed with HMAC-SHA256. In production you
would verify a JWT from your identity provider (signature via its JWKS, `iss`, `aud`, `exp`) with
a JWT library, or let API Gateway do it with a Cognito or JWT authorizer instead.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import time

REQUIRED_SCOPE = "orders"


class Unauthorized(Exception):
    """API Gateway maps exactly the message "Unauthorized" to a 401 response."""

    def __init__(self) -> None:
        super().__init__("Unauthorized")


def sign(subject: str, scope: str, expires: int, secret: bytes) -> str:
    """Build a demo token (used by tests and by whatever issues tokens)."""
    payload = f"{subject}.{scope}.{expires}"
    return f"{payload}.{hmac.new(secret, payload.encode(), hashlib.sha256).hexdigest()}"


def parse(header: str | None, secret: bytes) -> tuple[str, str, int]:
    """Return (subject, scope, expires) from "Bearer <token>", or raise Unauthorized."""
    if not header or not header.startswith("Bearer "):
        raise Unauthorized()
    parts = header.removeprefix("Bearer ").split(".")
    if len(parts) != 4 or not parts[2].isdigit():
        raise Unauthorized()
    subject, scope, expires, signature = parts
    expected = hmac.new(secret, f"{subject}.{scope}.{expires}".encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(signature, expected):  # constant time
        raise Unauthorized()
    return subject, scope, int(expires)


# --8<-- [start:policy]
def policy(principal_id: str, effect: str, method_arn: str, context: dict | None = None) -> dict:
    """The response API Gateway expects from a Lambda authorizer."""
    # arn:aws:execute-api:REGION:ACCOUNT:API_ID/STAGE/VERB/RESOURCE -> allow the whole stage, so a
    # cached result (keyed by the token) is valid for every method the caller uses next.
    api_arn, stage = method_arn.split("/")[:2]
    response = {
        "principalId": principal_id,
        "policyDocument": {
            "Version": "2012-10-17",
            "Statement": [
                {"Action": "execute-api:Invoke", "Effect": effect, "Resource": f"{api_arn}/{stage}/*/*"}
            ],
        },
    }
    if context:
        response["context"] = context  # values must be strings, numbers or booleans
    return response
# --8<-- [end:policy]


def handler(event: dict, context: object = None, now: float | None = None) -> dict:
    """Entry point for a TOKEN authorizer (identity source: method.request.header.Authorization)."""
    secret = os.environ["TOKEN_SECRET"].encode()
    subject, scope, expires = parse(event.get("authorizationToken"), secret)
    current = time.time() if now is None else now
    if expires <= current or scope != REQUIRED_SCOPE:
        return policy(subject, "Deny", event["methodArn"])
    return policy(subject, "Allow", event["methodArn"], {"scope": scope})
