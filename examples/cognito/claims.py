"""Check the claims of a Cognito user pool token that a JWT library has already decoded.

Order matters: first verify the signature against the user pool's JWKS
(`https://cognito-idp.<region>.amazonaws.com/<user pool id>/.well-known/jwks.json`, key chosen by
the token's `kid`), then check these claims. A token that is well signed but meant for another
pool, another app client or another purpose must still be rejected.
"""

from __future__ import annotations

import time
from collections.abc import Mapping


class TokenRejected(Exception):
    """The token must not be accepted; the message says why (log it, don't return it)."""


def issuer(region: str, user_pool_id: str) -> str:
    return f"https://cognito-idp.{region}.amazonaws.com/{user_pool_id}"


# --8<-- [start:check]
def check_claims(
    claims: Mapping,
    *,
    region: str,
    user_pool_id: str,
    client_id: str,
    token_use: str = "access",
    now: float | None = None,
    leeway: int = 0,
) -> Mapping:
    """Return the claims if they fit this pool, app client and use; raise TokenRejected if not."""
    if token_use not in ("access", "id"):
        raise ValueError("token_use is 'access' or 'id'")
    if claims.get("token_use") != token_use:  # an ID token is not an access token
        raise TokenRejected(f"token_use is {claims.get('token_use')!r}, expected {token_use!r}")
    if claims.get("iss") != issuer(region, user_pool_id):  # another pool or Region
        raise TokenRejected(f"issuer {claims.get('iss')!r} is not this user pool")
    # The app client: `aud` in ID tokens, `client_id` in access tokens.
    audience = claims.get("aud") if token_use == "id" else claims.get("client_id")
    if audience != client_id:
        raise TokenRejected(f"token was issued to app client {audience!r}")
    expires = claims.get("exp")
    if not isinstance(expires, int | float):
        raise TokenRejected("no numeric exp claim")
    if (time.time() if now is None else now) >= expires + leeway:
        raise TokenRejected("token has expired")
    return claims
# --8<-- [end:check]
