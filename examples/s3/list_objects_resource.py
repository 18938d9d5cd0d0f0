"""List the objects directly under a prefix with the boto3 resource interface."""

from __future__ import annotations

import boto3


def list_keys(bucket_name: str, prefix: str = "fruit/", s3=None) -> list[str]:
    """Return the keys directly under ``prefix``; deeper "sub-folders" are skipped."""
    s3 = s3 or boto3.resource("s3")
    bucket = s3.Bucket(bucket_name)
    objects = bucket.objects.filter(Delimiter="/", Prefix=prefix)  # (1)!
    return [obj.key for obj in objects]


if __name__ == "__main__":
    for key in list_keys("amzn-s3-demo-bucket"):
        print(key)
