"""Quota rows of the KMS, S3 protection and Organizations pages against the pinned botocore models.

Same approach and helpers as tests/test_fact_drift.py: when a dependency bump changes one of
these facts, the failing test names the quota row to re-verify."""

from __future__ import annotations

import re

from test_fact_drift import SESSION, doc, member, plain, row


def test_kms_rotation_period_range_and_default():
    period = member("kms", "EnableKeyRotation", "RotationPeriodInDays")
    lo, hi = period.metadata["min"], period.metadata["max"]
    assert "the default value is 365 days" in doc("kms", "EnableKeyRotation", "RotationPeriodInDays")
    assert f"{lo} to {hi:,} days; default 365" in row("kms", "rotation-period")


def test_kms_on_demand_rotation_limit():
    model = plain(SESSION.get_service_model("kms").operation_model("RotateKeyOnDemand").documentation)
    times = re.search(r"a maximum of (\d+) times per KMS key", model).group(1)
    assert f"| {times} |" in row("kms", "on-demand-rotations")


def test_kms_encrypt_plaintext_limit():
    assert f"{member('kms', 'Encrypt', 'Plaintext').metadata['max']:,} bytes" in row("kms", "encrypt-plaintext")


def test_kms_data_key_length():
    size = member("kms", "GenerateDataKey", "NumberOfBytes").metadata
    assert f"{size['min']} to {size['max']:,} bytes" in row("kms", "data-key-bytes")


def test_kms_deletion_window():
    model = doc("kms", "ScheduleKeyDeletion", "PendingWindowInDays")
    lo, hi = re.search(r"must be between (\d+) and (\d+), inclusive", model).groups()
    default = re.search(r"defaults to (\d+)", model).group(1)
    assert f"{lo} to {hi} days; default {default}" in row("kms", "deletion-window")


def test_s3_encryption_types_named_on_the_page_exist():
    sse = set(SESSION.get_service_model("s3").shape_for("ServerSideEncryption").enum)
    assert {"AES256", "aws:kms", "aws:kms:dsse"} <= sse
    blocked = set(SESSION.get_service_model("s3").shape_for("EncryptionType").enum)
    assert "SSE-C" in blocked


def test_s3_rtc_fifteen_minutes_is_the_only_value():
    minutes = SESSION.get_service_model("s3").shape_for("ReplicationTimeValue").members["Minutes"]
    assert "Valid value: 15" in plain(minutes.documentation)
    assert "within 15 minutes" in row("s3", "rtc-sla")


def test_s3_object_lock_modes_and_ownership_settings_exist():
    model = SESSION.get_service_model("s3")
    assert set(model.shape_for("ObjectLockRetentionMode").enum) == {"GOVERNANCE", "COMPLIANCE"}
    assert "BucketOwnerEnforced" in model.shape_for("ObjectOwnership").enum


def test_organizations_ou_depth_for_scps():
    model = plain(SESSION.get_service_model("organizations").operation_model("CreateOrganizationalUnit").documentation)
    depth = re.search(r"For service control policies, the limit is (\w+)\.", model).group(1)
    assert {"five": "5"}[depth] + " levels" in row("organizations", "ou-depth")


def test_organizations_has_scp_and_rcp_policy_types():
    types = set(SESSION.get_service_model("organizations").shape_for("PolicyType").enum)
    assert {"SERVICE_CONTROL_POLICY", "RESOURCE_CONTROL_POLICY"} <= types
