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
