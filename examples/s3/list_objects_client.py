"""List the objects and the "sub-folders" under a prefix with a boto3 client and paginator."""

from __future__ import annotations

from typing import NamedTuple

import boto3


class Listing(NamedTuple):
    keys: list[str]
    common_prefixes: list[str]


def list_prefix(bucket_name: str, prefix: str = "fruit/", s3_client=None) -> Listing:
    """Return the keys directly under ``prefix`` and the next-level prefixes."""
    s3_client = s3_client or boto3.client("s3")
    paginator = s3_client.get_paginator("list_objects_v2")  # (1)!
    keys: list[str] = []
    prefixes: list[str] = []
    for page in paginator.paginate(Bucket=bucket_name, Prefix=prefix, Delimiter="/"):
        keys.extend(obj["Key"] for obj in page.get("Contents", []))  # (2)!
        prefixes.extend(cp["Prefix"] for cp in page.get("CommonPrefixes", []))  # (3)!
    return Listing(keys, prefixes)


if __name__ == "__main__":
    listing = list_prefix("amzn-s3-demo-bucket")
    print("objects:", *listing.keys, sep="\n  ")
    print("sub-folders:", *listing.common_prefixes, sep="\n  ")
