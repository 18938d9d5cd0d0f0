"""The Lambda authorizer in examples/apigateway/ with sample events, and the HTTP API with a JWT
authorizer created against moto."""

from __future__ import annotations

import pytest
from conftest import load_example

authorizer = load_example("examples/apigateway/authorizer.py")
http_api = load_example("examples/apigateway/http_api_jwt.py")

SECRET = b"test-only-secret"
NOW = 1_800_000_000
METHOD_ARN = "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/GET/orders/42"


@pytest.fixture(autouse=True)
def secret(monkeypatch):
    monkeypatch.setenv("TOKEN_SECRET", SECRET.decode())


def event(header: str | None) -> dict:
    # The shape API Gateway sends to a TOKEN authorizer.
    body = {"type": "TOKEN", "methodArn": METHOD_ARN}
    if header is not None:
        body["authorizationToken"] = header
    return body


def token(subject="alice", scope="orders", expires=NOW + 300, secret=SECRET) -> str:
    return "Bearer " + authorizer.sign(subject, scope, expires, secret)


def statement(response: dict) -> dict:
    (only,) = response["policyDocument"]["Statement"]
    return only


def test_valid_token_is_allowed_for_the_whole_stage():
    response = authorizer.handler(event(token()), now=NOW)
    assert response["principalId"] == "alice"
    assert response["policyDocument"]["Version"] == "2012-10-17"
    assert statement(response) == {
        "Action": "execute-api:Invoke",
        "Effect": "Allow",
        "Resource": "arn:aws:execute-api:us-east-1:123456789012:a1b2c3d4e5/prod/*/*",
    }
    assert response["context"] == {"scope": "orders"}


@pytest.mark.parametrize(
    "header",
    [
        pytest.param(token(expires=NOW - 1), id="expired"),
        pytest.param(token(expires=NOW), id="expires-now"),
        pytest.param(token(scope="billing"), id="wrong-scope"),
    ],
)
def test_genuine_token_without_rights_gets_deny(header):
    response = authorizer.handler(event(header), now=NOW)
    assert statement(response)["Effect"] == "Deny"
    assert "context" not in response


@pytest.mark.parametrize(
    "header",
    [
        pytest.param(None, id="missing"),
        pytest.param("", id="empty"),
        pytest.param(token().removeprefix("Bearer "), id="no-bearer"),
        pytest.param("Basic dXNlcjpwYXNz", id="basic-auth"),
        pytest.param("Bearer alice.orders", id="too-few-parts"),
        pytest.param("Bearer alice.orders.soon.abc", id="expiry-not-a-number"),
        pytest.param(token(secret=b"another-secret"), id="bad-signature"),
        pytest.param(token().replace("alice", "mallory"), id="tampered-subject"),
    ],
)
def test_malformed_or_forged_token_is_401(header):
    with pytest.raises(Exception) as raised:
        authorizer.handler(event(header), now=NOW)
    # API Gateway returns 401 only for this exact message; anything else becomes a 500.
    assert str(raised.value) == "Unauthorized"


ISSUER = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE"
FUNCTION = "arn:aws:lambda:us-east-1:123456789012:function:orders"


@pytest.fixture
def apigw(aws):
    return aws("apigatewayv2")


def test_cognito_issuer_format():
    assert http_api.cognito_issuer("us-east-1", "us-east-1_EXAMPLE") == ISSUER


def test_route_requires_the_jwt_authorizer(apigw):
    ids = http_api.create_orders_api(apigw, FUNCTION, ISSUER, ["exampleclientid"])
    (route,) = apigw.get_routes(ApiId=ids["api_id"])["Items"]
    assert route["RouteKey"] == "GET /orders"
    assert route["AuthorizationType"] == "JWT"
    assert route["AuthorizerId"] == ids["authorizer_id"]
    assert route["AuthorizationScopes"] == ["orders/read"]
    assert route["Target"] == f"integrations/{ids['integration_id']}"

    found = apigw.get_authorizer(ApiId=ids["api_id"], AuthorizerId=ids["authorizer_id"])
    assert found["AuthorizerType"] == "JWT"
    assert found["IdentitySource"] == ["$request.header.Authorization"]
    assert found["JwtConfiguration"] == {"Issuer": ISSUER, "Audience": ["exampleclientid"]}


def test_integration_is_lambda_proxy_within_the_http_api_timeout(apigw):
    ids = http_api.create_orders_api(apigw, FUNCTION, ISSUER, ["exampleclientid"])
    integration = apigw.get_integration(ApiId=ids["api_id"], IntegrationId=ids["integration_id"])
    assert integration["IntegrationType"] == "AWS_PROXY"
    assert integration["IntegrationUri"] == FUNCTION
    assert integration["PayloadFormatVersion"] == "2.0"
    assert 50 <= integration["TimeoutInMillis"] <= 30_000


def test_api_is_http_with_cors_and_a_throttled_default_stage(apigw):
    ids = http_api.create_orders_api(apigw, FUNCTION, ISSUER, ["exampleclientid"])
    api = apigw.get_api(ApiId=ids["api_id"])
    assert api["ProtocolType"] == "HTTP"
    assert api["CorsConfiguration"]["AllowOrigins"] == ["https://app.example.com"]
    stage = apigw.get_stage(ApiId=ids["api_id"], StageName="$default")
    assert stage["AutoDeploy"] is True
    assert stage["DefaultRouteSettings"]["ThrottlingRateLimit"] == 100.0
    assert stage["DefaultRouteSettings"]["ThrottlingBurstLimit"] == 200
