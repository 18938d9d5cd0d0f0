"""The S3 listing samples on docs/sdk/boto3.md, run against moto."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import boto3
import pytest
from moto import mock_aws

ROOT = Path(__file__).resolve().parent.parent


def _load(relative: str):
    """Import an example file by path (examples/ is not an installed package)."""
    path = ROOT / relative
    spec = importlib.util.spec_from_file_location(path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_client_mod = _load("examples/s3/list_objects_client.py")
_resource_mod = _load("examples/s3/list_objects_resource.py")
Listing = _client_mod.Listing
list_prefix = _client_mod.list_prefix
list_keys = _resource_mod.list_keys

BUCKET = "amzn-s3-demo-bucket"
KEYS = ["fruit/apple.txt", "fruit/banana.txt", "fruit/tropical/mango.txt", "veg/carrot.txt"]


@pytest.fixture
def aws_env(monkeypatch):
    for name, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)


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
