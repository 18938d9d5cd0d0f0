"""The boto3 patterns on docs/sdk/boto3.md, run against moto."""

from __future__ import annotations

import pytest
from botocore.exceptions import ClientError
from botocore.stub import Stubber
from conftest import load_example
from moto import mock_aws

BUCKET = "amzn-s3-demo-bucket"


patterns = load_example("examples/sdk/boto3_patterns.py")


@pytest.fixture
def session(aws_env):
    with mock_aws():
        yield patterns.make_session()


def test_session_region(session):
    assert session.region_name == "us-east-1"
    assert session.client("s3").meta.region_name == "us-east-1"


def test_config_is_applied(session):
    client = patterns.make_dynamodb_client(session)
    cfg = client.meta.config
    assert cfg.retries == {"mode": "standard", "total_max_attempts": 5}
    assert (cfg.connect_timeout, cfg.read_timeout, cfg.max_pool_connections) == (5, 30, 20)
    assert client.list_tables()["TableNames"] == []


def test_paginator_sums_every_page(session):
    s3 = session.client("s3")
    s3.create_bucket(Bucket=BUCKET)
    for i in range(1001):
        s3.put_object(Bucket=BUCKET, Key=f"logs/{i:04d}.txt", Body=b"ab")
    s3.put_object(Bucket=BUCKET, Key="other/x.txt", Body=b"abcdef")
    assert patterns.total_size(s3, BUCKET, "logs/") == 2002
    assert patterns.total_size(s3, BUCKET) == 2008
    assert patterns.total_size(s3, BUCKET, "missing/") == 0


def test_waiter_returns_when_running(session):
    ec2 = session.client("ec2")
    image_id = ec2.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    instance_id = ec2.run_instances(ImageId=image_id, MinCount=1, MaxCount=1)["Instances"][0]["InstanceId"]
    patterns.wait_until_running(ec2, instance_id)
    state = ec2.describe_instances(InstanceIds=[instance_id])["Reservations"][0]["Instances"][0]["State"]
    assert state["Name"] == "running"


def test_object_exists(session):
    s3 = session.client("s3")
    s3.create_bucket(Bucket=BUCKET)
    s3.put_object(Bucket=BUCKET, Key="fruit/apple.txt", Body=b"x")
    assert patterns.object_exists(s3, BUCKET, "fruit/apple.txt") is True
    assert patterns.object_exists(s3, BUCKET, "fruit/cherry.txt") is False


def test_object_exists_reraises_other_errors(session):
    s3 = session.client("s3")
    with Stubber(s3) as stub:
        stub.add_client_error("head_object", service_error_code="403", http_status_code=403)
        with pytest.raises(ClientError) as info:
            patterns.object_exists(s3, BUCKET, "private/report.csv")
    assert info.value.response["Error"]["Code"] == "403"
