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
