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
