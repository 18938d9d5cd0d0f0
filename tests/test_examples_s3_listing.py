"""The S3 listing samples on docs/sdk/boto3.md, run against moto."""

from __future__ import annotations

import boto3
import pytest
from conftest import load_example
from moto import mock_aws

_client_mod = load_example("examples/s3/list_objects_client.py")
_resource_mod = load_example("examples/s3/list_objects_resource.py")
Listing = _client_mod.Listing
list_prefix = _client_mod.list_prefix
list_keys = _resource_mod.list_keys

BUCKET = "amzn-s3-demo-bucket"
KEYS = ["fruit/apple.txt", "fruit/banana.txt", "fruit/tropical/mango.txt", "veg/carrot.txt"]


@pytest.fixture
def bucket(aws_env):
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=BUCKET)
        for key in KEYS:
            client.put_object(Bucket=BUCKET, Key=key, Body=b"x")
        yield client


def test_resource_lists_only_keys_directly_under_prefix(bucket):
    assert list_keys(BUCKET) == ["fruit/apple.txt", "fruit/banana.txt"]


def test_resource_accepts_an_explicit_resource_and_prefix(bucket):
    s3 = boto3.resource("s3", region_name="us-east-1")
    assert list_keys(BUCKET, prefix="veg/", s3=s3) == ["veg/carrot.txt"]


def test_client_returns_keys_and_common_prefixes(bucket):
    listing = list_prefix(BUCKET, s3_client=bucket)
    assert isinstance(listing, Listing)
    assert listing.keys == ["fruit/apple.txt", "fruit/banana.txt"]
    assert listing.common_prefixes == ["fruit/tropical/"]


def test_client_default_client_and_empty_prefix(bucket):
    listing = list_prefix(BUCKET, prefix="")
    assert listing.keys == []
    assert listing.common_prefixes == ["fruit/", "veg/"]


def test_client_follows_pagination(bucket):
    for i in range(1005):
        bucket.put_object(Bucket=BUCKET, Key=f"many/{i:04d}.txt", Body=b"")
    listing = list_prefix(BUCKET, prefix="many/", s3_client=bucket)
    assert len(listing.keys) == 1005
    assert listing.keys[0] == "many/0000.txt"
    assert listing.common_prefixes == []
