"""Small boto3 patterns shown on docs/sdk/boto3.md: sessions, config, paginators, waiters, errors."""

from __future__ import annotations

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError


# --8<-- [start:session]
def make_session(profile_name: str | None = None, region_name: str = "us-east-1") -> boto3.Session:
    """A session holds credentials, Region and profile; clients made from it share them."""
    return boto3.Session(profile_name=profile_name, region_name=region_name)


# --8<-- [end:session]


# --8<-- [start:config]
CONFIG = Config(
    retries={"mode": "standard", "total_max_attempts": 5},  # first call + 4 retries
    connect_timeout=5,  # seconds
    read_timeout=30,  # seconds
    max_pool_connections=20,
)


def make_dynamodb_client(session: boto3.Session):
    return session.client("dynamodb", config=CONFIG)


# --8<-- [end:config]


# --8<-- [start:paginator]
def total_size(s3_client, bucket: str, prefix: str = "") -> int:
    """Sum object sizes under a prefix, across every page of ListObjectsV2."""
    paginator = s3_client.get_paginator("list_objects_v2")
    pages = paginator.paginate(Bucket=bucket, Prefix=prefix)
    return sum(obj["Size"] for page in pages for obj in page.get("Contents", []))


# --8<-- [end:paginator]


# --8<-- [start:waiter]
def wait_until_running(ec2_client, instance_id: str) -> None:
    """Poll DescribeInstances until the instance is running (raises WaiterError on timeout)."""
    waiter = ec2_client.get_waiter("instance_running")
    waiter.wait(InstanceIds=[instance_id], WaiterConfig={"Delay": 5, "MaxAttempts": 40})


# --8<-- [end:waiter]


# --8<-- [start:errors]
def object_exists(s3_client, bucket: str, key: str) -> bool:
    """True if the object exists; False on 404; other errors (e.g. 403) propagate."""
    try:
        s3_client.head_object(Bucket=bucket, Key=key)
    except ClientError as err:
        if err.response["Error"]["Code"] in ("404", "NoSuchKey"):
            return False
        raise
    return True


# --8<-- [end:errors]
