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
# CloudWatch and CloudWatch Logs (docs/includes/quotas/cloudwatch.md)


def test_cloudwatch_metric_retention_tiers():
    model = plain(SESSION.get_service_model("cloudwatch").operation_model("GetMetricStatistics").documentation)
    tiers = dict(re.findall(r"period of (less than 60|\d+) seconds(?: \([^)]*\))? are available for (\d+ \w+)", model))
    assert tiers == {"less than 60": "3 hours", "60": "15 days", "300": "63 days", "3600": "455 days"}
    text = row("cloudwatch", "metric-retention")
    for value in ("< 60 s (high resolution): 3 hours", "60 s: 15 days", "300 s: 63 days", "3,600 s: 455 days"):
        assert value in text


def test_cloudwatch_dimensions_per_metric():
    maximum = SESSION.get_service_model("cloudwatch").shape_for("Dimensions").metadata["max"]
    assert f"| {maximum} |" in row("cloudwatch", "dimensions")


def test_cloudwatch_put_metric_data_limits():
    model = plain(SESSION.get_service_model("cloudwatch").operation_model("PutMetricData").documentation)
    assert "no more than 1000 different metrics" in model
    assert "limited to 1 MB in size" in model
    assert "up to 150 values per metric" in model
    assert "1,000 metrics and 1 MB per request; up to 150 values" in row("cloudwatch", "put-metric-data")


def test_cloudwatch_alarm_period_and_window():
    model = doc("cloudwatch", "PutMetricAlarm", "Period")
    assert "Valid values are 10, 20, 30, and any multiple of 60" in model
    assert "can't be more than 604,800 seconds" in model
    assert "can't be longer than one day (86,400 seconds)" in model
    text = row("cloudwatch", "alarm-period")
    assert "10, 20 or 30 s" in text and "604,800 s" in text and "86,400 s" in text


def test_cloudwatch_composite_alarm_rule_limits():
    rule = member("cloudwatch", "PutCompositeAlarm", "AlarmRule")
    model = plain(rule.documentation)
    assert 'as many as 100 "children" alarms' in model and "as many as 500 elements" in model
    text = row("cloudwatch", "composite-children")
    assert "100 child alarms and 500 elements" in text
    assert f"{rule.metadata['max']:,} characters" in text


def test_cloudwatch_alarm_states():
    states = SESSION.get_service_model("cloudwatch").shape_for("StateValue").enum
    assert sorted(states) == ["ALARM", "INSUFFICIENT_DATA", "OK"]


def test_logs_event_size_and_batch():
    model = plain(SESSION.get_service_model("logs").operation_model("PutLogEvents").documentation)
    assert "Each log event can be no larger than 1 MB" in model
    assert "maximum number of log events in a batch is 10,000" in model
    assert "maximum batch size is 1,048,576 bytes" in model
    text = row("cloudwatch", "log-event-size")
    assert "1 MB per event" in text and "10,000 events and 1,048,576 bytes" in text


def test_logs_retention_values():
    model = doc("logs", "PutRetentionPolicy", "retentionInDays")
    values = re.search(r"Possible values are: ([\d, and]+)\.", model).group(1)
    days = re.findall(r"\d+", values)
    text = row("cloudwatch", "log-retention")
    listed = re.findall(r"\d+", text.split("one of", 1)[1].split("|", 1)[0])
    assert listed == days


def test_logs_filters_per_log_group():
    metric = plain(SESSION.get_service_model("logs").operation_model("PutMetricFilter").documentation)
    subscription = plain(SESSION.get_service_model("logs").operation_model("PutSubscriptionFilter").documentation)
    assert "metric filters that can be associated with a log group is 100" in metric
    assert "Each log group can have up to two subscription filters" in subscription
    assert "| 100 |" in row("cloudwatch", "metric-filters")
    assert "| 2 |" in row("cloudwatch", "subscription-filters")


def test_logs_insights_query_limits():
    model = plain(SESSION.get_service_model("logs").operation_model("StartQuery").documentation)
    concurrent = re.search(r"up to (\d+) concurrent CloudWatch Logs insights queries", model).group(1)
    assert "Queries time out after 60 minutes" in model
    assert "up to 50 log groups" in doc("logs", "StartQuery", "logGroupNames")
    text = row("cloudwatch", "insights-query")
    assert "60 minutes" in text and "50 log groups" in text and f"{concurrent} concurrent" in text


# Kinesis Data Streams, Data Firehose and the Lambda Kinesis mapping (docs/includes/quotas/kinesis.md)


def test_kinesis_retention_range():
    increase = plain(
        SESSION.get_service_model("kinesis").operation_model("IncreaseStreamRetentionPeriod").documentation
    )
    decrease = plain(
        SESSION.get_service_model("kinesis").operation_model("DecreaseStreamRetentionPeriod").documentation
    )
    maximum = re.search(r"maximum value of a stream's retention period is (\d+) hours \((\d+) days\)", increase)
    minimum = re.search(r"minimum value of a stream's retention period is (\d+) hours", decrease).group(1)
    text = row("kinesis", "retention")
    assert f"{minimum} hours by default; {minimum} to {int(maximum.group(1)):,} hours ({maximum.group(2)} days)" in text


def test_kinesis_put_records_batch():
    records = member("kinesis", "PutRecords", "Records")
    assert (records.metadata["min"], records.metadata["max"]) == (1, 500)
    assert "1 to 500 records" in row("kinesis", "put-records")


def test_kinesis_shard_throughput():
    model = plain(SESSION.get_service_model("kinesis").operation_model("CreateStream").documentation)
    assert "writes up to 1,000 records per second, up to a maximum data write total of 1 MiB per second" in model
    assert "reads up to five transactions per second, up to a maximum data read total of 2 MiB per second" in model
    assert "1 MiB per second or 1,000 records per second" in row("kinesis", "shard-write")
    assert "2 MiB per second and 5 `GetRecords` calls per second" in row("kinesis", "shard-read")
    assert member("kinesis", "GetRecords", "Limit").metadata["max"] == 10_000
    assert "10,000 records per call" in row("kinesis", "shard-read")


def test_kinesis_enhanced_fan_out():
    model = plain(SESSION.get_service_model("kinesis").operation_model("RegisterStreamConsumer").documentation)
    assert "up to 2 MiB per second for every shard you subscribe to" in model
    assert "register up to 50 consumers per stream" in model and "register up to 20 consumers per stream" in model
    text = row("kinesis", "enhanced-fan-out")
    assert "2 MiB per second for each registered consumer" in text and "20 registered consumers" in text
    assert "(50 on On-demand Advantage)" in text


def test_kinesis_record_size_and_partition_key():
    size = member("kinesis", "UpdateMaxRecordSize", "MaxRecordSizeInKiB")
    data = member("kinesis", "PutRecord", "Data")
    key = member("kinesis", "PutRecord", "PartitionKey")
    assert (size.metadata["min"], size.metadata["max"]) == (1024, 10240)
    assert data.metadata["max"] == 10 * 1024 * 1024
    assert f"{size.metadata['min']:,} to {size.metadata['max']:,} KiB" in row("kinesis", "record-size")
    assert f"{key.metadata['min']} to {key.metadata['max']} Unicode characters" in row("kinesis", "partition-key")
    assert set(SESSION.get_service_model("kinesis").shape_for("StreamMode").enum) == {"PROVISIONED", "ON_DEMAND"}


@pytest.mark.parametrize(
    ("field", "section", "expected"),
    [
        ("MaximumBatchingWindowInSeconds", "esm-batching-window", "{min} to {max} seconds"),
        ("ParallelizationFactor", "esm-parallelization", "{min} to {max} concurrent batches"),
        ("TumblingWindowInSeconds", "esm-tumbling-window", "{min} (off) to {max} seconds"),
        ("MaximumRetryAttempts", "esm-retries", "`MaximumRetryAttempts` {min} (default"),
        ("MaximumRecordAgeInSeconds", "esm-retries", "`MaximumRecordAgeInSeconds` {min} (default"),
    ],
)
def test_lambda_kinesis_mapping_ranges(field, section, expected):
    meta = member("lambda", "CreateEventSourceMapping", field).metadata
    assert expected.format(min=meta["min"], max=meta["max"]) in row("kinesis", section)
    if field in ("MaximumRetryAttempts", "MaximumRecordAgeInSeconds"):
        assert f"{meta['max']:,}" in row("kinesis", section)


def test_lambda_kinesis_batch_size():
    model = doc("lambda", "CreateEventSourceMapping", "BatchSize")
    default, maximum = re.search(r"Amazon Kinesis – Default (\d+)\. Max ([\d,]+)\.", model).groups()
    assert f"default {default}, maximum {maximum} records" in row("kinesis", "esm-batch-size")


def test_firehose_buffering_and_batch():
    hints = SESSION.get_service_model("firehose").shape_for("BufferingHints").members
    size, interval = hints["SizeInMBs"], hints["IntervalInSeconds"]
    text = row("kinesis", "firehose-buffering")
    assert f"{size.metadata['min']} to {size.metadata['max']} MiB (default 5 MiB)" in text
    assert f"{interval.metadata['min']} to {interval.metadata['max']} seconds (default 300 s)" in text
    assert "The default value is 5" in plain(size.documentation)
    assert "The default value is 300" in plain(interval.documentation)
    batch = plain(SESSION.get_service_model("firehose").operation_model("PutRecordBatch").documentation)
    assert "up to 500 records" in batch and "as large as 1,000 KB" in batch and "limit of 4 MB" in batch
    assert "500 records, 1,000 KB per record (before Base64), 4 MB per request" in row(
        "kinesis", "firehose-put-record-batch"
    )


# Step Functions (docs/includes/quotas/stepfunctions.md)


def test_stepfunctions_payload_and_definition_size():
    payload = member("stepfunctions", "StartExecution", "input").metadata["max"]
    output = member("stepfunctions", "SendTaskSuccess", "output").metadata["max"]
    definition = member("stepfunctions", "CreateStateMachine", "definition").metadata["max"]
    assert payload == output
    assert f"{payload:,} bytes ({payload // 1024} KiB)" in row("stepfunctions", "payload")
    assert f"{definition:,} characters" in row("stepfunctions", "definition-size")


def test_stepfunctions_task_token_limits():
    token = member("stepfunctions", "SendTaskSuccess", "taskToken").metadata["max"]
    output = member("stepfunctions", "SendTaskSuccess", "output").metadata["max"]
    cause = member("stepfunctions", "SendTaskFailure", "cause").metadata["max"]
    text = row("stepfunctions", "task-token")
    assert f"up to {token:,} characters" in text
    assert f"output up to {output:,} bytes" in text and f"cause up to {cause:,} characters" in text


def test_stepfunctions_workflow_types_and_name_reuse():
    kinds = member("stepfunctions", "CreateStateMachine", "type")
    assert kinds.enum == ["STANDARD", "EXPRESS"]
    assert "The default is STANDARD" in plain(kinds.documentation)
    model = plain(SESSION.get_service_model("stepfunctions").operation_model("StartExecution").documentation)
    days = re.search(r"You can reuse the name (\d+) days after it closes", model).group(1)
    assert "StartExecution isn't idempotent for EXPRESS workflows" in model
    assert f"reused {days} days after the execution closes" in row("stepfunctions", "execution-name-reuse")
def shape_doc(service: str, shape: str, name: str) -> str:
    """Documentation of one member of a named shape (for shapes that are not operation inputs)."""
    return plain(SESSION.get_service_model(service).shape_for(shape).members[name].documentation)


# --- Elastic Load Balancing -------------------------------------------------------------------


def test_elb_health_check_ranges():
    ranges = {
        name: (member("elbv2", "CreateTargetGroup", name).metadata["min"],
               member("elbv2", "CreateTargetGroup", name).metadata["max"])
        for name in ("HealthCheckIntervalSeconds", "HealthCheckTimeoutSeconds",
                     "HealthyThresholdCount", "UnhealthyThresholdCount")
    }
    assert ranges["HealthyThresholdCount"] == ranges["UnhealthyThresholdCount"]
    text = row("elb", "health-check-settings")
    interval, timeout, threshold = (ranges[n] for n in ("HealthCheckIntervalSeconds", "HealthCheckTimeoutSeconds",
                                                       "HealthyThresholdCount"))
    assert f"interval {interval[0]}-{interval[1]} s" in text
    assert f"timeout {timeout[0]}-{timeout[1]} s" in text
    assert f"thresholds {threshold[0]}-{threshold[1]} checks" in text


def test_elb_health_check_defaults_on_the_page():
    """The defaults table on the load balancing page quotes the model's HTTP defaults."""
    page = (QUOTAS.parent.parent / "compute" / "load-balancing.md").read_text(encoding="utf-8")
    interval = re.search(r"HTTP or HTTPS, the default is (\d+) seconds", doc("elbv2", "CreateTargetGroup",
                                                                          "HealthCheckIntervalSeconds")).group(1)
    timeout = re.search(r"protocol of HTTP, the default is (\d+) seconds", doc("elbv2", "CreateTargetGroup",
                                                                             "HealthCheckTimeoutSeconds")).group(1)
    healthy = re.search(r"HTTP or HTTPS, the default is (\d+)", doc("elbv2", "CreateTargetGroup",
                                                                    "HealthyThresholdCount")).group(1)
    unhealthy = re.search(r"HTTP or HTTPS, the default is (\d+)", doc("elbv2", "CreateTargetGroup",
                                                                      "UnhealthyThresholdCount")).group(1)
    assert f"| Time between checks of one target | {interval} s |" in page
    assert f"| No answer within this time counts as a failure | {timeout} s |" in page
    assert f"| Successes in a row to become healthy | {healthy} |" in page
    assert f"| Failures in a row to become unhealthy | {unhealthy} |" in page


def test_elb_rule_priority_range():
    priority = member("elbv2", "CreateRule", "Priority").metadata
    assert f"{priority['min']} to {priority['max']:,}" in row("elb", "rule-priority")


def test_elb_target_group_weight_range():
    weight = plain(SESSION.get_service_model("elbv2").shape_for("TargetGroupTuple").members["Weight"].documentation)
    low, high = re.search(r"range is (\d+) to (\d+)", weight).groups()
    assert f"weight of {low} to {high}" in row("elb", "target-groups-per-action")


def test_elb_deregistration_delay():
    model = shape_doc("elbv2", "TargetGroupAttribute", "Key")
    low, high, default = re.search(
        r"deregistration_delay\.timeout_seconds - .*?range is (\d+)-(\d+) seconds\. The default value is (\d+) seconds",
        model,
    ).groups()
    assert f"{low}-{int(high):,} s, default {default} s" in row("elb", "deregistration-delay")


def test_elb_stickiness_duration():
    model = shape_doc("elbv2", "TargetGroupAttribute", "Key")
    assert re.search(r"stickiness\.lb_cookie\.duration_seconds - .*?range is 1 second to 1 week", model)
    assert "1 second to 1 week (604,800 s)" in row("elb", "stickiness-duration")


def test_elb_idle_timeout():
    model = shape_doc("elbv2", "LoadBalancerAttribute", "Key")
    low, high, default = re.search(
        r"idle_timeout\.timeout_seconds - .*?valid range is (\d+)-(\d+) seconds\. The default is (\d+) seconds", model
    ).groups()
    assert f"{low}-{int(high):,} s, default {default} s" in row("elb", "idle-timeout")


def test_elb_cross_zone_defaults_on_the_page():
    model = shape_doc("elbv2", "LoadBalancerAttribute", "Key")
    assert "The default for Network Load Balancers and Gateway Load Balancers is false" in model
    assert "The default for Application Load Balancers is true, and can't be changed" in model
    page = (QUOTAS.parent.parent / "compute" / "load-balancing.md").read_text(encoding="utf-8")
    assert "| ALB | On, and cannot be turned off at the load balancer |" in page
    assert "| NLB | Off |" in page and "| GWLB | Off |" in page


def test_elb_target_types_on_the_page():
    enum = set(member("elbv2", "CreateTargetGroup", "TargetType").enum)
    page = (QUOTAS.parent.parent / "compute" / "load-balancing.md").read_text(encoding="utf-8")
    assert enum == {"instance", "ip", "lambda", "alb"}
    for target_type in enum:
        assert f"| `{target_type}`" in page


# --- EC2 Auto Scaling -------------------------------------------------------------------------


def test_autoscaling_heartbeat_timeout():
    model = doc("autoscaling", "PutLifecycleHook", "HeartbeatTimeout")
    low, high, default = re.search(r"from (\d+) to (\d+) seconds\. The default value is (\d+) seconds", model).groups()
    assert f"{low}-{int(high):,} s, default {int(default):,} s" in row("autoscaling", "heartbeat-timeout")


def test_autoscaling_default_cooldown():
    default = re.search(r"Default: (\d+) seconds", doc("autoscaling", "CreateAutoScalingGroup", "DefaultCooldown"))
    assert f"default {default.group(1)} s" in row("autoscaling", "default-cooldown")


def test_autoscaling_grace_period_api_default():
    model = doc("autoscaling", "CreateAutoScalingGroup", "HealthCheckGracePeriod")
    default = re.search(r"Default: (\d+) seconds", model)
    assert f"API default {default.group(1)} s" in row("autoscaling", "grace-period")


def test_autoscaling_refresh_min_healthy():
    model = shape_doc("autoscaling", "RefreshPreferences", "MinHealthyPercentage")
    low, high = re.search(r"Value range is (\d+) to (\d+)", model).groups()
    default = re.search(r"the default is (\d+) percent", model).group(1)
    assert f"{low}-{high} %, default {default} %" in row("autoscaling", "refresh-min-healthy")


def test_autoscaling_max_instance_lifetime():
    minimum = re.search(r"equal to or greater than ([\d,]+) seconds",
                        doc("autoscaling", "CreateAutoScalingGroup", "MaxInstanceLifetime")).group(1)
    assert f"at least {minimum} s" in row("autoscaling", "max-instance-lifetime")


def test_autoscaling_policy_types_and_warm_pool_states_on_the_page():
    policy_types = doc("autoscaling", "PutScalingPolicy", "PolicyType")
    page = (QUOTAS.parent.parent / "compute" / "auto-scaling.md").read_text(encoding="utf-8")
    for api, words in {"TargetTrackingScaling": "Target tracking", "StepScaling": "Step scaling",
                       "SimpleScaling": "Simple scaling", "PredictiveScaling": "Predictive scaling"}.items():
        assert api in policy_types
        assert f"| **{words}** |" in page
    for state in member("autoscaling", "PutWarmPool", "PoolState").enum:
        assert f"**{state}**" in page


# --- EBS --------------------------------------------------------------------------------------

VOLUME_ROWS = {"gp2": "gp2", "gp3": "gp3", "io1": "io1", "io2": "io2", "st1 and sc1": "st1"}


def _ranges(text: str) -> dict[str, tuple[int, int]]:
    """'gp3: 1 - 65,536 GiB io1: ...' -> {'gp3': (1, 65536), ...} from model documentation."""
    found = re.findall(r"([a-z0-9]+(?: and [a-z0-9]+)?): ([\d,]+)(?: \(default\))? - ([\d,]+)", text)
    return {name: (int(low.replace(",", "")), int(high.replace(",", ""))) for name, low, high in found}


@pytest.mark.parametrize("operation", ["CreateVolume", "ModifyVolume"])
def test_ebs_volume_sizes(operation):
    sizes = _ranges(doc("ec2", operation, "Size"))
    for volume_types, section in VOLUME_ROWS.items():
        low, high = sizes[volume_types]
        sections = ["st1", "sc1"] if section == "st1" else [section]
        for name in sections:
            text = row("ebs", name)
            assert f"| {low} GiB - " in text, name
            assert f"({high:,} GiB)" in text, name


@pytest.mark.parametrize("operation", ["CreateVolume", "ModifyVolume"])
def test_ebs_provisioned_iops_maximums(operation):
    iops = _ranges(doc("ec2", operation, "Iops"))
    for name in ("gp3", "io1", "io2"):
        assert f"| {iops[name][1]:,} (" in row("ebs", name), name
    assert f"baseline {iops['gp3'][0]:,}" in row("ebs", "gp3")
    nitro = re.search(r"Other instances can support up to ([\d,]+) IOPS", doc("ec2", operation, "Iops")).group(1)
    assert f"others up to {nitro}" in row("ebs", "io2")


def test_ebs_gp3_throughput():
    low, high = re.search(r"Valid Range: (\d+) - (\d+) MiB/s", doc("ec2", "CreateVolume", "Throughput")).groups()
    assert f"| {int(high):,} MiB/s (baseline {low} MiB/s) |" in row("ebs", "gp3")
    assert f"| {low} - {int(high):,} MiB/s |" in row("ebs", "gp3-throughput-setting")


def test_ebs_hdd_types_cannot_boot():
    assert "(st1) and Cold HDD (sc1) volumes can't be used as boot volumes" in doc("ec2", "CreateVolume", "VolumeType")
    for name in ("st1", "sc1"):
        assert "| No |" in row("ebs", name)
    for name in ("gp3", "gp2", "io2", "io1"):
        assert "| Yes |" in row("ebs", name)


def test_ebs_volume_types_on_the_site_exist_in_the_model():
    enum = set(member("ec2", "CreateVolume", "VolumeType").enum)
    for name in ("gp3", "gp2", "io2", "io1", "st1", "sc1"):
        assert name in enum
        assert f"| `{name}` " in row("ebs", name)


def test_ebs_multi_attach():
    model = doc("ec2", "CreateVolume", "MultiAttachEnabled")
    count = re.search(r"up to (\d+) Instances built on the Nitro System in the same Availability Zone", model).group(1)
    assert "supported with io1 and io2 volumes only" in model
    assert f"up to {count} Nitro-based instances, same AZ, `io1` and `io2` only" in row("ebs", "multi-attach")


def test_ebs_initialization_rate():
    model = doc("ec2", "CreateVolume", "VolumeInitializationRate")
    low, high = re.search(r"Valid range: (\d+) - (\d+) MiB/s", model).groups()
    assert f"| {low} - {high} MiB/s |" in row("ebs", "initialization-rate")


def test_recycle_bin_retention_range():
    retention = SESSION.get_service_model("rbin").shape_for("RetentionPeriodValue").metadata
    assert SESSION.get_service_model("rbin").shape_for("RetentionPeriodUnit").enum == ["DAYS"]
    assert f"| {retention['min']} - {retention['max']:,} days |" in row("ebs", "recycle-bin-retention")


def test_efs_throughput_modes_and_api_default():
    modes = SESSION.get_service_model("efs").shape_for("ThroughputMode").enum
    default = re.search(r"Default is (\w+)\.", doc("efs", "CreateFileSystem", "ThroughputMode")).group(1)
    page = (QUOTAS.parent.parent / "storage" / "ec2-storage.md").read_text(encoding="utf-8")
    for mode in modes:
        assert f"**{mode.capitalize()}**" in page
    assert f"The API default is still {default.capitalize()}" in " ".join(page.split())


def test_fsx_file_system_types_on_the_page():
    types = SESSION.get_service_model("fsx").shape_for("FileSystemType").enum
    names = {"WINDOWS": "Windows File Server", "LUSTRE": "Lustre", "ONTAP": "NetApp ONTAP", "OPENZFS": "OpenZFS"}
    page = (QUOTAS.parent.parent / "storage" / "ec2-storage.md").read_text(encoding="utf-8")
    assert set(types) == set(names)
    for name in names.values():
        assert f"| **{name}** |" in page


def test_elb_nlb_listener_protocols_and_rules_on_the_page():
    protocols = set(SESSION.get_service_model("elbv2").shape_for("ProtocolEnum").enum)
    nlb = ["TCP", "UDP", "TCP_UDP", "TLS", "QUIC", "TCP_QUIC"]
    assert set(nlb) <= protocols
    page = (QUOTAS.parent.parent / "compute" / "load-balancing.md").read_text(encoding="utf-8")
    assert f"| {', '.join(nlb)} |" in page
    field = shape_doc("elbv2", "RuleCondition", "Field")
    assert "source-ip – [ALB, NLB]" in field and "IpAddressType" in field
    for condition in ("host-header", "path-pattern", "http-header", "http-request-method", "query-string", "source-ip"):
        assert f"{condition} – [ALB" in field
        assert f"`{condition}`" in page


def test_elb_rule_actions_and_transforms_on_the_page():
    model = SESSION.get_service_model("elbv2")
    page = (QUOTAS.parent.parent / "compute" / "load-balancing.md").read_text(encoding="utf-8")
    for action in model.shape_for("ActionTypeEnum").enum:
        assert f"`{action}`" in page, action
    for transform in model.shape_for("TransformTypeEnum").enum:
        assert f"`{transform}`" in page, transform


def test_autoscaling_deletion_protection_levels():
    levels = SESSION.get_service_model("autoscaling").shape_for("DeletionProtection").enum
    model = doc("autoscaling", "CreateAutoScalingGroup", "DeletionProtection")
    default = re.search(r"Default: ([\w-]+)", model).group(1)
    page = (QUOTAS.parent.parent / "compute" / "auto-scaling.md").read_text(encoding="utf-8")
    assert f"`{default}` (default)" in page
    for level in levels:
        assert f"`{level}`" in page


def test_ebs_snapshot_protection_features_on_the_page():
    ec2 = SESSION.get_service_model("ec2")
    operations = set(ec2.operation_names)
    assert {"LockSnapshot", "CopyVolumes", "ModifySnapshotTier", "EnableFastSnapshotRestores"} <= operations
    assert "within the same Availability Zone" in plain(ec2.operation_model("CopyVolumes").documentation)
    page = (QUOTAS.parent.parent / "storage" / "ec2-storage.md").read_text(encoding="utf-8")
    for mode in ec2.shape_for("LockMode").enum:
        assert f"`{mode}`" in page
    resource_types = SESSION.get_service_model("rbin").shape_for("ResourceType").enum
    assert "EBS_VOLUME" in resource_types
    assert "EBS volumes" in page
def test_lambda_memory_maximum_in_the_model_is_shown_as_a_caveat():
    memory = member("lambda", "CreateFunction", "MemorySize")
    assert memory.metadata["max"] == 32768
    assert "32,768 MB" in row("lambda", "memory")


def test_lambda_ephemeral_storage_maximum_for_accelerator_functions():
    model = doc("lambda", "CreateFunction", "EphemeralStorage")
    assert "between 512 and 10,240 MB" in model
    assert "For functions that use AcceleratorConfig, the maximum is 32,768 MB" in model
    assert member("lambda", "CreateFunction", "EphemeralStorage", "Size").metadata["max"] == 32768
    quota = row("lambda", "ephemeral-storage")
    assert "512 MB to 10,240 MB" in quota
    assert "32,768 MB" in quota and "AcceleratorConfig" in quota


def test_lambda_managed_instances_per_environment_concurrency():
    config = member(
        "lambda", "CreateFunction", "CapacityProviderConfig", "LambdaManagedInstancesCapacityProviderConfig"
    )
    assert "PerExecutionEnvironmentMaxConcurrency" in config.members
    create = SESSION.get_service_model("lambda").operation_model("CreateFunction").input_shape
    assert "AcceleratorConfig" in create.members


def test_backup_vault_lock_cooling_off_period():
    model = doc("backup", "PutBackupVaultLockConfiguration", "ChangeableForDays")
    assert "72-hour cooling-off period" in model
    assert "3 or greater" in model
    quota = row("resilience", "vault-lock-cooling-off")
    assert "72 hours" in quota and "3 or more" in quota


def test_budget_notification_and_subscriber_limits():
    notes = member("budgets", "CreateBudget", "NotificationsWithSubscribers")
    subscribers = notes.member.members["Subscribers"]
    quota = row("resilience", "budget-notifications")
    assert f"up to {notes.metadata['max']} notifications" in quota
    assert f"up to {subscribers.metadata['max']} subscribers" in quota


def test_budget_action_instance_ids():
    ids = SESSION.get_service_model("budgets").shape_for("SsmActionDefinition").members["InstanceIds"]
    assert (ids.metadata["min"], ids.metadata["max"]) == (1, 100)
    assert "1 to 100 instance IDs" in row("resilience", "budget-action-instances")


def test_budget_status_refresh_wording():
    service_doc = plain(SESSION.get_service_model("budgets").documentation)
    assert "updates your budget status several times a day" in service_doc
    assert "several times a day" in row("resilience", "budget-refresh")


def test_rds_sql_server_storage_shows_the_model_and_the_guide():
    model = doc("rds", "CreateDBInstance", "AllocatedStorage")
    sql_server = model[model.index("RDS for SQL Server") :]
    assert "Enterprise and Standard editions: Must be an integer from 20 to 16384" in sql_server
    quota = row("rds", "storage-max-sqlserver")
    assert "16,384 GiB" in quota and "64 TiB" in quota


DOCS = QUOTAS.parent.parent


def page(relative: str) -> str:
    return (DOCS / relative).read_text(encoding="utf-8")


def test_glue_schema_compatibility_modes_match_the_model():
    modes = member("glue", "CreateSchema", "Compatibility").enum
    text = page("analytics/glue.md")
    assert set(modes) == {"NONE", "DISABLED", "BACKWARD", "BACKWARD_ALL", "FORWARD", "FORWARD_ALL", "FULL", "FULL_ALL"}
    for mode in modes:
        assert f"`{mode}`" in text, f"glue.md: compatibility mode {mode} missing from the table"


def test_config_recording_frequencies_and_rule_owners():
    model = SESSION.get_service_model("config")
    text = page("security/detection.md")
    for frequency in model.shape_for("RecordingFrequency").enum:
        assert f"`{frequency}`" in text
    for owner in model.shape_for("Owner").enum:
        assert f"`{owner}`" in text
    periods = model.shape_for("MaximumExecutionFrequency").enum
    assert periods == ["One_Hour", "Three_Hours", "Six_Hours", "Twelve_Hours", "TwentyFour_Hours"]
    assert "every 1, 3, 6,\n12 or 24 hours" in text


def test_macie_job_types():
    text = page("security/detection.md")
    for job_type in SESSION.get_service_model("macie2").shape_for("JobType").enum:
        assert f"`{job_type}`" in text


def test_databrew_job_kinds():
    operations = SESSION.get_service_model("databrew").operation_names
    assert {"CreateRecipeJob", "CreateProfileJob", "CreateProject", "CreateRuleset"} <= set(operations)
    text = page("analytics/glue.md")
    assert "**Recipe job**" in text and "**Profile job**" in text
