"""examples/cognito/: the claims check with one test per rejection, the user pool and app client
under moto, and tokens that moto's user pool issues going through the claims check."""

from __future__ import annotations

import base64
import json

import pytest
from conftest import load_example

claims_mod = load_example("examples/cognito/claims.py")
user_pool = load_example("examples/cognito/user_pool.py")
check_claims, TokenRejected = claims_mod.check_claims, claims_mod.TokenRejected

POOL = "us-east-1_EXAMPLE"
CLIENT = "1example23456789"
NOW = 1_800_000_000
WHERE = {"region": "us-east-1", "user_pool_id": POOL, "client_id": CLIENT, "now": NOW}


def access_token(**changes) -> dict:
    claims = {
        "iss": f"https://cognito-idp.us-east-1.amazonaws.com/{POOL}",
        "client_id": CLIENT,
        "token_use": "access",
        "sub": "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
        "exp": NOW + 600,
        "scope": "orders/read",
    }
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def id_token(**changes) -> dict:
    claims = access_token(token_use="id", client_id=None, aud=CLIENT, scope=None, email="alice@example.com")
    claims.update(changes)
    return {k: v for k, v in claims.items() if v is not None}


def test_good_access_token_passes():
    assert check_claims(access_token(), **WHERE)["sub"].startswith("aaaaaaaa")


def test_good_id_token_passes():
    assert check_claims(id_token(), token_use="id", **WHERE)["email"] == "alice@example.com"


@pytest.mark.parametrize(
    ("claims", "token_use", "reason"),
    [
        pytest.param(id_token(), "access", "token_use", id="id-token-used-as-access-token"),
        pytest.param(access_token(), "id", "token_use", id="access-token-used-as-id-token"),
        pytest.param(access_token(token_use=None), "access", "token_use", id="no-token-use"),
        pytest.param(access_token(iss="https://cognito-idp.us-east-1.amazonaws.com/us-east-1_OTHER"), "access",
                     "issuer", id="other-user-pool"),
        pytest.param(access_token(iss=f"https://cognito-idp.eu-west-1.amazonaws.com/{POOL}"), "access",
                     "issuer", id="other-region"),
        pytest.param(access_token(iss=None), "access", "issuer", id="no-issuer"),
        pytest.param(access_token(client_id="another-app-client"), "access", "app client", id="other-client"),
        pytest.param(access_token(client_id=None, aud=CLIENT), "access", "app client",
                     id="access-token-checked-by-aud"),
        pytest.param(id_token(aud="another-app-client"), "id", "app client", id="id-token-other-audience"),
        pytest.param(access_token(exp=NOW - 1), "access", "expired", id="expired"),
        pytest.param(access_token(exp=NOW), "access", "expired", id="expires-now"),
        pytest.param(access_token(exp=None), "access", "exp", id="no-exp"),
        pytest.param(access_token(exp="1800000600"), "access", "exp", id="exp-as-string"),
    ],
)
def test_rejections(claims, token_use, reason):
    with pytest.raises(TokenRejected, match=reason):
        check_claims(claims, token_use=token_use, **WHERE)


def test_leeway_accepts_a_token_that_just_expired():
    assert check_claims(access_token(exp=NOW - 5), leeway=30, **WHERE)
    with pytest.raises(TokenRejected):
        check_claims(access_token(exp=NOW - 31), leeway=30, **WHERE)


def test_unknown_token_use_is_a_programming_error():
    with pytest.raises(ValueError):
        check_claims(access_token(), token_use="refresh", **WHERE)


@pytest.fixture
def cognito(aws):
    return aws("cognito-idp")


def test_app_client_is_public_with_code_grant_and_token_lifetimes(cognito):
    pool_id, client_id = user_pool.create_pool_and_client(cognito, "shop", "https://app.example.com/callback")
    pool = cognito.describe_user_pool(UserPoolId=pool_id)["UserPool"]
    assert pool["UsernameAttributes"] == ["email"]
    assert pool["Policies"]["PasswordPolicy"]["MinimumLength"] == 12
    client = cognito.describe_user_pool_client(UserPoolId=pool_id, ClientId=client_id)["UserPoolClient"]
    assert "ClientSecret" not in client
    assert client["AllowedOAuthFlows"] == ["code"]
    assert set(client["ExplicitAuthFlows"]) == {"ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"}
    assert (client["AccessTokenValidity"], client["IdTokenValidity"], client["RefreshTokenValidity"]) == (60, 60, 30)
    assert client["TokenValidityUnits"] == {"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"}
    assert client["PreventUserExistenceErrors"] == "ENABLED"


def _payload(jwt: str) -> dict:
    """Decode the middle part of a JWT WITHOUT verifying it (tests only; moto signs with its own key)."""
    part = jwt.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))


def test_tokens_issued_by_the_pool_pass_the_claims_check(cognito):
    pool_id, client_id = user_pool.create_pool_and_client(cognito, "shop", "https://app.example.com/callback")
    _, other_client = user_pool.create_pool_and_client(cognito, "other", "https://other.example.com/callback")
    cognito.admin_create_user(UserPoolId=pool_id, Username="alice@example.com", MessageAction="SUPPRESS")
    cognito.admin_set_user_password(UserPoolId=pool_id, Username="alice@example.com",
                                    Password="Correct-Horse-9-Battery!", Permanent=True)
    # A server-side sign-in for the test. moto does not enforce ExplicitAuthFlows; a real pool needs
    # ALLOW_ADMIN_USER_PASSWORD_AUTH on the client for this flow.
    result = cognito.admin_initiate_auth(
        UserPoolId=pool_id, ClientId=client_id, AuthFlow="ADMIN_USER_PASSWORD_AUTH",
        AuthParameters={"USERNAME": "alice@example.com", "PASSWORD": "Correct-Horse-9-Battery!"},
    )["AuthenticationResult"]
    access, identity = _payload(result["AccessToken"]), _payload(result["IdToken"])
    where = {"region": "us-east-1", "user_pool_id": pool_id, "now": access["iat"]}

    assert check_claims(access, client_id=client_id, **where)["token_use"] == "access"
    assert check_claims(identity, client_id=client_id, token_use="id", **where)["email"] == "alice@example.com"
    with pytest.raises(TokenRejected, match="app client"):
        check_claims(access, client_id=other_client, **where)
    with pytest.raises(TokenRejected, match="token_use"):
        check_claims(identity, client_id=client_id, **where)  # an ID token where an access token belongs
