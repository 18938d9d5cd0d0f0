"""Run examples/s3/lifecycle_expire_prefix.py against moto."""

from __future__ import annotations

import boto3
import pytest
from conftest import load_example
from moto import mock_aws

lifecycle = load_example("examples/s3/lifecycle_expire_prefix.py")


@pytest.fixture
def s3(aws_env):
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
