"""Lifecycle rule: delete objects under one prefix 30 days after they were created.

S3 has no folders: the rule matches every key that starts with the prefix. On a
versioned bucket, expiration only adds a delete marker, so the rule also expires
noncurrent versions and cleans up incomplete multipart uploads.
"""

from __future__ import annotations


def expire_prefix_rule(prefix: str, days: int = 30) -> dict:
    return {
        "ID": f"expire-{prefix.strip('/').replace('/', '-')}-after-{days}-days",
        "Filter": {"Prefix": prefix},
        "Status": "Enabled",
        "Expiration": {"Days": days},
        "NoncurrentVersionExpiration": {"NoncurrentDays": 1},
        "AbortIncompleteMultipartUpload": {"DaysAfterInitiation": 7},
    }


def set_expiration(s3, bucket: str, prefix: str, days: int = 30) -> None:
    """Replace the bucket's lifecycle configuration with this one rule.

    PutBucketLifecycleConfiguration overwrites all existing rules: read them first
    (get_bucket_lifecycle_configuration) and append if the bucket already has some.
    """
    s3.put_bucket_lifecycle_configuration(
        Bucket=bucket,
        LifecycleConfiguration={"Rules": [expire_prefix_rule(prefix, days)]},
    )
