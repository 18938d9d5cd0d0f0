"""An API Gateway HTTP API with one route protected by a JWT authorizer (here: a Cognito user pool).

API Gateway checks the token itself (signature against the issuer's JWKS, `iss`, `aud` or
`client_id`, `exp`, and the route's scopes) before the Lambda function runs, so the function
never sees an unauthenticated request.
"""

from __future__ import annotations


def cognito_issuer(region: str, user_pool_id: str) -> str:
    """The `iss` of every token a Cognito user pool issues."""
    return f"https://cognito-idp.{region}.amazonaws.com/{user_pool_id}"


# --8<-- [start:create]
def create_orders_api(apigw, function_arn: str, issuer: str, audience: list[str]) -> dict:
    """Create the API, the authorizer, a Lambda proxy integration and `GET /orders`; return their ids."""
    api = apigw.create_api(
        Name="orders",
        ProtocolType="HTTP",
        CorsConfiguration={  # API Gateway answers browser preflight (OPTIONS) requests itself
            "AllowOrigins": ["https://app.example.com"],
            "AllowMethods": ["GET"],
            "AllowHeaders": ["authorization"],
        },
    )
    authorizer = apigw.create_authorizer(
        ApiId=api["ApiId"],
        Name="cognito",
        AuthorizerType="JWT",
        IdentitySource=["$request.header.Authorization"],
        JwtConfiguration={"Issuer": issuer, "Audience": audience},  # audience: the app client ids
    )
    integration = apigw.create_integration(
        ApiId=api["ApiId"],
        IntegrationType="AWS_PROXY",  # Lambda proxy: the whole request in, the HTTP response out
        IntegrationUri=function_arn,
        PayloadFormatVersion="2.0",
        TimeoutInMillis=10_000,  # fail fast; HTTP APIs allow 50 ms to 30 s
    )
    route = apigw.create_route(
        ApiId=api["ApiId"],
        RouteKey="GET /orders",
        AuthorizationType="JWT",
        AuthorizerId=authorizer["AuthorizerId"],
        AuthorizationScopes=["orders/read"],  # the access token must carry this scope
        Target=f"integrations/{integration['IntegrationId']}",
    )
    apigw.create_stage(
        ApiId=api["ApiId"],
        StageName="$default",
        AutoDeploy=True,
        DefaultRouteSettings={"ThrottlingRateLimit": 100.0, "ThrottlingBurstLimit": 200},
    )
    return {
        "api_id": api["ApiId"],
        "authorizer_id": authorizer["AuthorizerId"],
        "integration_id": integration["IntegrationId"],
        "route_id": route["RouteId"],
    }
# --8<-- [end:create]
