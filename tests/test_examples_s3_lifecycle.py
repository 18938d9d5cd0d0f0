"""Run examples/s3/lifecycle_expire_prefix.py against moto."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "s3" / "lifecycle_expire_prefix.py"
spec = importlib.util.spec_from_file_location("s3_lifecycle_expire_prefix", SAMPLE)
lifecycle = importlib.util.module_from_spec(spec)
spec.loader.exec_module(lifecycle)


@pytest.fixture
def s3(monkeypatch):
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(key, value)
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket="amzn-s3-demo-bucket")
        yield client


def test_rule_shape():
    rule = lifecycle.expire_prefix_rule("logs/tmp/")
    assert rule["ID"] == "expire-logs-tmp-after-30-days"
    assert rule["Filter"] == {"Prefix": "logs/tmp/"}
    assert rule["Expiration"] == {"Days": 30}


def test_lifecycle_is_stored_on_the_bucket(s3):
    lifecycle.set_expiration(s3, "amzn-s3-demo-bucket", "tmp/", days=30)
    rules = s3.get_bucket_lifecycle_configuration(Bucket="amzn-s3-demo-bucket")["Rules"]
    assert len(rules) == 1
    (rule,) = rules
    assert rule["Status"] == "Enabled"
    assert rule["Filter"]["Prefix"] == "tmp/"
    assert rule["Expiration"]["Days"] == 30
    assert rule["NoncurrentVersionExpiration"]["NoncurrentDays"] == 1
    assert rule["AbortIncompleteMultipartUpload"]["DaysAfterInitiation"] == 7
