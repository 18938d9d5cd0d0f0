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


def test_eventbridge_put_events_limit_is_per_request():
    model = plain(SESSION.get_service_model("events").operation_model("PutEvents").documentation)
    assert "the total entry size must be less than 1MB" in model
    entries = member("events", "PutEvents", "Entries").metadata["max"]
    quota = row("messaging", "eventbridge-event-size")
    assert "under 1 MB" in quota and "all entries together" in quota and f"up to {entries} entries" in quota


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


def test_vpc_subnet_size_and_reserved_addresses():
    model = plain(SESSION.get_service_model("ec2").operation_model("CreateSubnet").documentation)
    assert "between a /28 netmask (16 IP addresses) and a /16 netmask (65,536 IP addresses)" in model
    assert "reserves both the first four and the last IPv4 address" in model
    assert "/28 (16 addresses) to /16 (65,536 addresses); 5 addresses reserved" in row("vpc", "subnet-size")


def test_vpc_network_acl_rule_numbers():
    model = doc("ec2", "CreateNetworkAclEntry", "RuleNumber")
    low, high = re.search(r"Positive integer from (\d+) to (\d+)", model).groups()
    reserved = re.search(r"The range (\d+) to (\d+) is reserved", model).groups()
    assert f"{int(low)} to {int(high):,}" in row("vpc", "nacl-rule-numbers")
    assert f"{int(reserved[0]):,} to {int(reserved[1]):,} reserved" in row("vpc", "nacl-rule-numbers")
    assert "ascending order by rule number" in model and "evaluated lowest first" in row("vpc", "nacl-rule-numbers")


def test_vpc_regional_nat_gateway_mode_exists():
    modes = member("ec2", "CreateNatGateway", "AvailabilityMode").enum
    assert {"zonal", "regional"} <= set(modes)
    page = (QUOTAS.parent.parent / "networking" / "vpc.md").read_text(encoding="utf-8")
    assert "`AvailabilityMode=regional`" in page


def shape_member(service: str, shape: str, name: str):
    """One member of a named shape (for shapes reached through lists, such as ResourceRecordSet)."""
    return SESSION.get_service_model(service).shape_for(shape).members[name]


def test_route53_weight_and_ttl_ranges():
    weight = shape_member("route53", "ResourceRecordSet", "Weight").metadata
    ttl = shape_member("route53", "ResourceRecordSet", "TTL").metadata
    assert f"{weight['min']} to {weight['max']}" in row("route53", "weight")
    assert f"{ttl['min']} to {ttl['max']:,} seconds" in row("route53", "ttl")
    assert "alias" in plain(shape_member("route53", "ResourceRecordSet", "TTL").documentation)


def test_route53_weighted_records_per_name_and_multivalue_answers():
    weight_doc = plain(shape_member("route53", "ResourceRecordSet", "Weight").documentation)
    maximum = re.search(r"maximum of (\d+) weighted resource record sets", weight_doc).group(1)
    assert row("route53", "same-name-records").split("|")[2].strip().startswith(maximum)
    multivalue = plain(shape_member("route53", "ResourceRecordSet", "MultiValueAnswer").documentation)
    assert "up to eight healthy records" in multivalue
    assert "up to 8 healthy records" in row("route53", "multivalue-answers")


def test_route53_health_check_interval_threshold_and_children():
    config = SESSION.get_service_model("route53").shape_for("HealthCheckConfig")
    interval = config.members["RequestInterval"].metadata
    assert (interval["min"], interval["max"]) == (10, 30)
    assert "30 seconds (standard) or 10 seconds (fast" in row("route53", "health-check-interval")
    threshold = config.members["FailureThreshold"]
    assert f"{threshold.metadata['min']} to {threshold.metadata['max']} consecutive checks (default 3)" in row(
        "route53", "failure-threshold"
    )
    assert "default value is three" in plain(threshold.documentation)
    children = config.members["ChildHealthChecks"].metadata["max"]
    assert f"up to {children} in the API model" in row("route53", "child-health-checks")
    assert {"CALCULATED", "CLOUDWATCH_METRIC"} <= set(config.members["Type"].enum)


def test_route53_geoproximity_records_exist_outside_traffic_flow():
    assert "GeoProximityLocation" in SESSION.get_service_model("route53").shape_for("ResourceRecordSet").members
    page = (QUOTAS.parent.parent / "networking" / "route53.md").read_text(encoding="utf-8")
    assert "`GeoProximityLocation`" in page


def test_cloudfront_origin_read_timeout():
    model = plain(shape_member("cloudfront", "CustomOriginConfig", "OriginReadTimeout").documentation)
    low, high, default = re.search(
        r"minimum timeout is (\d+) second, the maximum is (\d+) seconds, and the default .*? is (\d+) seconds", model
    ).groups()
    assert f"{low} to {high} seconds (default {default})" in row("cloudfront", "origin-response-timeout")


def test_cloudfront_origin_connection_timeout_and_attempts():
    timeout = plain(shape_member("cloudfront", "Origin", "ConnectionTimeout").documentation)
    attempts = plain(shape_member("cloudfront", "Origin", "ConnectionAttempts").documentation)
    t_low, t_high, t_default = re.search(
        r"minimum timeout is (\d+) second, the maximum is (\d+) seconds, and the default .*? is (\d+) seconds", timeout
    ).groups()
    a_low, a_high, a_default = re.search(
        r"minimum number is (\d+), the maximum is (\d+), and the default .*? is (\d+)", attempts
    ).groups()
    expected = f"{t_low} to {t_high} seconds (default {t_default}); {a_low} to {a_high} attempts (default {a_default})"
    assert expected in row("cloudfront", "origin-connection")


def test_cloudfront_acm_certificates_must_be_in_us_east_1():
    model = plain(shape_member("cloudfront", "ViewerCertificate", "ACMCertificateArn").documentation)
    assert "only supports ACM certificates in the US East (N. Virginia) Region (us-east-1)" in model
    page = (QUOTAS.parent.parent / "networking" / "cloudfront.md").read_text(encoding="utf-8")
    assert "must be in US\nEast (N. Virginia), us-east-1" in page


def test_cloudfront_functions_runtimes_and_viewer_only_events():
    model = SESSION.get_service_model("cloudfront")
    runtimes = set(model.shape_for("FunctionRuntime").enum)
    page = (QUOTAS.parent.parent / "networking" / "cloudfront.md").read_text(encoding="utf-8")
    assert all(f"`{runtime}`" in page for runtime in runtimes)
    events = plain(model.shape_for("FunctionAssociation").members["EventType"].documentation)
    assert "cannot use origin-facing event types" in events
    lambda_arn = plain(model.shape_for("LambdaFunctionAssociation").members["LambdaFunctionARN"].documentation)
    assert "function version" in lambda_arn and "$LATEST" in lambda_arn
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
