"""Quota rows on the site against the AWS service models in the pinned botocore.

The models are generated from the services' own API definitions and are often
newer than the guides. When a dependency bump changes one of these facts, the
failing test names the quota row to re-verify."""

from __future__ import annotations

import re
from pathlib import Path

import botocore.session
import pytest

QUOTAS = Path(__file__).resolve().parent.parent / "docs" / "includes" / "quotas"
SESSION = botocore.session.get_session()


def row(service: str, section: str) -> str:
    """The text of one named section of a quota table."""
    text = (QUOTAS / f"{service}.md").read_text(encoding="utf-8")
    match = re.search(rf"\[start:{re.escape(section)}\] -->\n(.*?)<!-- --8<-- \[end:{re.escape(section)}\]", text, re.S)
    assert match, f"section {section} missing from docs/includes/quotas/{service}.md"
    return match.group(1)


def member(service: str, operation: str, *path: str):
    """The shape of one input member of an operation, following path down nested members."""
    shape = SESSION.get_service_model(service).operation_model(operation).input_shape
    for name in path:
        shape = shape.members[name]
    return shape


def plain(documentation: str | None) -> str:
    """Model documentation without its HTML tags."""
    return re.sub(r"<[^>]+>", "", documentation or "")


def doc(service: str, operation: str, *path: str) -> str:
    return plain(member(service, operation, *path).documentation)


def test_lambda_memory_minimum_and_steps():
    memory = member("lambda", "CreateFunction", "MemorySize")
    assert memory.metadata["min"] == 128
    assert "multiple of 1 MB" in memory.documentation
    assert "128 MB to 10,240 MB, in 1 MB steps" in row("lambda", "memory")


def test_lambda_ephemeral_storage_minimum():
    size = member("lambda", "CreateFunction", "EphemeralStorage", "Size")
    assert size.metadata["min"] == 512
    assert "512 MB to 10,240 MB" in row("lambda", "ephemeral-storage")


def test_lambda_timeout_row_quotes_the_api_model():
    model = doc("lambda", "CreateFunction", "Timeout")
    maximum = re.search(r"maximum allowed value is ([\d,]+) seconds", model).group(1)
    assert f"{maximum} s" in row("lambda", "timeout")


@pytest.mark.parametrize(("kind", "section"), [("synchronous", "sync-payload"), ("asynchronous", "async-payload")])
def test_lambda_payload_limits(kind, section):
    model = plain(SESSION.get_service_model("lambda").operation_model("Invoke").documentation)
    size = re.search(rf"For {kind} invocations, the maximum payload size is (\d+ MB)", model).group(1)
    assert size in row("lambda", section)


def test_sqs_message_size():
    model = doc("sqs", "SetQueueAttributes", "Attributes")
    assert "up to 1,048,576 bytes (1 MiB)" in model
    assert "1 MiB" in row("messaging", "sqs-message-size")


def test_dynamodb_transaction_actions():
    items = member("dynamodb", "TransactWriteItems", "TransactItems")
    assert f"| {items.metadata['max']} |" in row("dynamodb", "transaction-actions")


def test_dynamodb_gsi_default_quota():
    maximum = re.search(r"the maximum is (\d+)", doc("dynamodb", "CreateTable", "GlobalSecondaryIndexes")).group(1)
    assert f"| {maximum} (default) |" in row("dynamodb", "gsi-per-table")


def test_s3_storage_classes_on_the_site_exist_in_the_model():
    enum = set(SESSION.get_service_model("s3").shape_for("StorageClass").enum)
    assert {"EXPRESS_ONEZONE", "OUTPOSTS", "GLACIER_IR", "DEEP_ARCHIVE", "INTELLIGENT_TIERING"} <= enum
    page = (QUOTAS.parent.parent / "storage" / "s3.md").read_text(encoding="utf-8")
    for name in ("Express One Zone", "S3 on Outposts", "Glacier Instant Retrieval", "Glacier Deep Archive"):
        assert name in page


def test_fargate_ephemeral_storage_range():
    model = plain(SESSION.get_service_model("ecs").shape_for("EphemeralStorage").members["sizeInGiB"].documentation)
    low, high = re.search(r"minimum supported value is (\d+) GiB and the maximum supported value is (\d+) GiB",
                          model).groups()
    assert f"set {low}–{high} GiB" in row("containers", "fargate-ephemeral-storage")


def test_fargate_largest_task_sizes():
    model = doc("ecs", "RegisterTaskDefinition", "memory")
    # e.g. "Between 32GB and 120 GB in 8 GB increments - Available cpu values: 16384 (16 vCPU)"
    pattern = r"Between (\d+) ?GB and (\d+) GB in (\d+) GB increments - Available cpu values: \d+ \((\d+) vCPU\)"
    sizes = re.findall(pattern, model)
    assert ("32", "120", "8", "16") in sizes and ("16", "60", "4", "8") in sizes
    text = row("containers", "fargate-task-sizes")
    assert "8 vCPU with 16–60 GB in 4 GB steps" in text
    assert "16 vCPU with 32–120 GB in 8 GB steps" in text


def test_apigateway_rest_integration_timeout_default():
    model = doc("apigateway", "PutIntegration", "timeoutInMillis")
    assert "between 50 and 29,000 milliseconds" in model and "29 seconds" in model
    assert "Regional or private APIs only" in model
    assert "50 ms to 29 seconds (default 29 s)" in row("apigateway", "rest-integration-timeout")


def test_apigateway_http_integration_timeout():
    timeout = member("apigatewayv2", "CreateIntegration", "TimeoutInMillis")
    assert (timeout.metadata["min"], timeout.metadata["max"]) == (50, 30000)
    assert "50 ms to 30 seconds (default 30 s)" in row("apigateway", "http-integration-timeout")


def test_apigateway_authorizer_cache_ttl():
    ttl = member("apigatewayv2", "CreateAuthorizer", "AuthorizerResultTtlInSeconds")
    assert ttl.metadata["max"] == 3600
    assert "the default value is 300" in doc("apigateway", "CreateAuthorizer", "authorizerResultTtlInSeconds")
    assert "0 (off) to 3,600 seconds; default 300 s" in row("apigateway", "authorizer-cache-ttl")


def test_apigateway_cache_sizes():
    sizes = member("apigateway", "CreateStage", "cacheClusterSize").enum
    text = row("apigateway", "rest-cache-sizes")
    assert re.findall(r"\d+(?:\.\d+)?(?= GB|,| or)", text) == sizes


@pytest.mark.parametrize(
    ("field", "section", "maximum", "text"),
    [
        ("AccessTokenValidity", "access-token-validity", 86400, "5 minutes to 1 day; default 1 hour"),
        ("IdTokenValidity", "id-token-validity", 86400, "5 minutes to 1 day; default 1 hour"),
        ("RefreshTokenValidity", "refresh-token-validity", 10 * 365 * 86400, "60 minutes to 10 years; default 30 days"),
    ],
)
def test_cognito_token_lifetimes(field, section, maximum, text):
    shape = member("cognito-idp", "CreateUserPoolClient", field)
    assert shape.metadata["max"] == maximum  # the model gives the range in seconds
    default = "one hour" if field != "RefreshTokenValidity" else "30 days"
    assert f"are valid for {default}" in plain(shape.documentation)
    assert text in row("cognito", section)


def test_cognito_auth_session_validity():
    shape = member("cognito-idp", "CreateUserPoolClient", "AuthSessionValidity")
    assert (shape.metadata["min"], shape.metadata["max"]) == (3, 15)
    assert "3 to 15 minutes" in row("cognito", "auth-session-validity")
