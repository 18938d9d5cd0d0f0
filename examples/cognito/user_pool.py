"""A Cognito user pool and a public app client for a web or mobile app (no client secret).

Token lifetimes are set on the app client: ID and access tokens 5 minutes to 1 day (default
1 hour), refresh tokens 60 minutes to 10 years (default 30 days).
"""

from __future__ import annotations


# --8<-- [start:create]
def create_pool_and_client(cognito, name: str, callback_url: str) -> tuple[str, str]:
    """Return (user_pool_id, client_id)."""
    pool = cognito.create_user_pool(
        PoolName=name,
        UsernameAttributes=["email"],  # users sign in with their email address
        AutoVerifiedAttributes=["email"],
        Policies={"PasswordPolicy": {"MinimumLength": 12}},
    )["UserPool"]
    client = cognito.create_user_pool_client(
        UserPoolId=pool["Id"],
        ClientName=f"{name}-web",
        GenerateSecret=False,  # a browser or phone cannot keep a secret
        ExplicitAuthFlows=["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"],
        AllowedOAuthFlowsUserPoolClient=True,  # managed login and the OAuth 2.0 endpoints
        AllowedOAuthFlows=["code"],  # authorization code grant (with PKCE in the client)
        AllowedOAuthScopes=["openid", "email"],
        CallbackURLs=[callback_url],
        SupportedIdentityProviders=["COGNITO"],
        AccessTokenValidity=60,
        IdTokenValidity=60,
        RefreshTokenValidity=30,
        TokenValidityUnits={"AccessToken": "minutes", "IdToken": "minutes", "RefreshToken": "days"},
        PreventUserExistenceErrors="ENABLED",  # same error for unknown user and wrong password
        EnableTokenRevocation=True,
    )["UserPoolClient"]
    return pool["Id"], client["ClientId"]
# --8<-- [end:create]
