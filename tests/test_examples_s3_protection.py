"""The S3 protection samples on docs/storage/s3-protection.md, run against moto."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import boto3
import pytest
import requests
from conftest import ROOT, load_example
from moto import mock_aws

presigned = load_example("examples/s3/presigned_urls.py")
protect = load_example("examples/s3/protect_bucket.py")

BUCKET = "amzn-s3-demo-bucket"


@pytest.fixture
def s3(aws_env):
    with mock_aws():
        client = presigned.s3_client("us-east-1")
        client.create_bucket(Bucket=BUCKET)
        yield client


def _query(url: str) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}


def test_download_url_is_sigv4_with_the_requested_expiry(s3):
    query = _query(presigned.download_url(s3, BUCKET, "reports/2026-11.csv", expires_in=600))
    assert query["X-Amz-Algorithm"] == "AWS4-HMAC-SHA256"
    assert query["X-Amz-Expires"] == "600"
    # Credential scope: access key / date / Region / service / aws4_request
    _key, _date, region, service, terminator = query["X-Amz-Credential"].split("/")
    assert (region, service, terminator) == ("us-east-1", "s3", "aws4_request")
    assert {"X-Amz-Date", "X-Amz-SignedHeaders", "X-Amz-Signature"} <= query.keys()


def test_download_url_fetches_the_object(s3):
    s3.put_object(Bucket=BUCKET, Key="reports/2026-11.csv", Body=b"month,total\n11,42\n")
    response = requests.get(presigned.download_url(s3, BUCKET, "reports/2026-11.csv"), timeout=5)
    assert response.status_code == 200
    assert response.content == b"month,total\n11,42\n"


def test_upload_url_puts_the_object(s3):
    url = presigned.upload_url(s3, BUCKET, "uploads/note.txt", "text/plain", expires_in=300)
    assert "content-type" in _query(url)["X-Amz-SignedHeaders"].split(";")
    response = requests.put(url, data=b"hello", headers={"Content-Type": "text/plain"}, timeout=5)
    assert response.status_code == 200
    assert s3.get_object(Bucket=BUCKET, Key="uploads/note.txt")["Body"].read() == b"hello"


@pytest.mark.parametrize("seconds", [0, 7 * 24 * 3600 + 1])
def test_expiry_outside_sigv4_limits_is_refused(s3, seconds):
    with pytest.raises(ValueError, match="expires_in"):
        presigned.download_url(s3, BUCKET, "k", expires_in=seconds)


def test_seven_days_is_accepted(s3):
    assert _query(presigned.download_url(s3, BUCKET, "k", expires_in=604800))["X-Amz-Expires"] == "604800"


def test_protect_bucket_sets_the_baseline(s3):
    protect.protect_bucket(s3, BUCKET)
    block = s3.get_public_access_block(Bucket=BUCKET)["PublicAccessBlockConfiguration"]
    assert block == dict.fromkeys(
        ("BlockPublicAcls", "IgnorePublicAcls", "BlockPublicPolicy", "RestrictPublicBuckets"), True
    )
    assert s3.get_bucket_versioning(Bucket=BUCKET)["Status"] == "Enabled"
    rule = s3.get_bucket_encryption(Bucket=BUCKET)["ServerSideEncryptionConfiguration"]["Rules"][0]
    assert rule["ApplyServerSideEncryptionByDefault"]["SSEAlgorithm"] == "AES256"
    ownership = s3.get_bucket_ownership_controls(Bucket=BUCKET)["OwnershipControls"]["Rules"][0]
    assert ownership["ObjectOwnership"] == "BucketOwnerEnforced"


def test_protect_bucket_with_kms_uses_a_bucket_key(s3):
    key_arn = boto3.client("kms", region_name="us-east-1").create_key()["KeyMetadata"]["Arn"]
    protect.protect_bucket(s3, BUCKET, kms_key_arn=key_arn)
    rule = s3.get_bucket_encryption(Bucket=BUCKET)["ServerSideEncryptionConfiguration"]["Rules"][0]
    assert rule["ApplyServerSideEncryptionByDefault"] == {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": key_arn}
    assert rule["BucketKeyEnabled"] is True


def test_versioning_keeps_the_old_version(s3):
    protect.protect_bucket(s3, BUCKET)
    # moto evaluates bucket policies and refuses these in-process writes under the TLS-only
    # statement; AWS allows them over HTTPS. Remove the policy to test versioning alone.
    s3.delete_bucket_policy(Bucket=BUCKET)
    s3.put_object(Bucket=BUCKET, Key="config.json", Body=b"v1")
    s3.put_object(Bucket=BUCKET, Key="config.json", Body=b"v2")
    s3.delete_object(Bucket=BUCKET, Key="config.json")
    listing = s3.list_object_versions(Bucket=BUCKET, Prefix="config.json")
    assert len(listing["DeleteMarkers"]) == 1
    bodies = {
        s3.get_object(Bucket=BUCKET, Key="config.json", VersionId=v["VersionId"])["Body"].read()
        for v in listing["Versions"]
    }
    assert bodies == {b"v1", b"v2"}


def test_bucket_policy_is_the_documented_json(s3):
    protect.protect_bucket(s3, BUCKET)
    applied = json.loads(s3.get_bucket_policy(Bucket=BUCKET)["Policy"])
    documented = json.loads(Path(ROOT, "examples/iam/s3-deny-insecure-transport.json").read_text(encoding="utf-8"))
    assert applied == documented
    statement = applied["Statement"][0]
    assert statement["Effect"] == "Deny"
    assert statement["Condition"] == {"Bool": {"aws:SecureTransport": "false"}}
