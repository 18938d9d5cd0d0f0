"""Baseline protection for one S3 bucket: Block Public Access, ACLs disabled, versioning,
default encryption and a bucket policy that refuses requests without TLS."""

from __future__ import annotations

import json
from typing import Any


def deny_insecure_transport_policy(bucket: str) -> dict[str, Any]:
    """The bucket policy of examples/iam/s3-deny-insecure-transport.json, for any bucket."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "DenyInsecureTransport",
                "Effect": "Deny",
                "Principal": "*",
                "Action": "s3:*",
                "Resource": [f"arn:aws:s3:::{bucket}", f"arn:aws:s3:::{bucket}/*"],
                "Condition": {"Bool": {"aws:SecureTransport": "false"}},
            }
        ],
    }


def protect_bucket(s3, bucket: str, kms_key_arn: str | None = None) -> None:
    """Apply the baseline. With ``kms_key_arn`` use SSE-KMS with an S3 Bucket Key, else SSE-S3."""
    s3.put_public_access_block(
        Bucket=bucket,
        PublicAccessBlockConfiguration={
            "BlockPublicAcls": True,  # (1)!
            "IgnorePublicAcls": True,
            "BlockPublicPolicy": True,
            "RestrictPublicBuckets": True,
        },
    )
    s3.put_bucket_ownership_controls(  # (2)!
        Bucket=bucket,
        OwnershipControls={"Rules": [{"ObjectOwnership": "BucketOwnerEnforced"}]},
    )
    s3.put_bucket_versioning(Bucket=bucket, VersioningConfiguration={"Status": "Enabled"})
    if kms_key_arn:
        default = {"SSEAlgorithm": "aws:kms", "KMSMasterKeyID": kms_key_arn}
    else:
        default = {"SSEAlgorithm": "AES256"}
    s3.put_bucket_encryption(
        Bucket=bucket,
        ServerSideEncryptionConfiguration={
            "Rules": [{"ApplyServerSideEncryptionByDefault": default, "BucketKeyEnabled": bool(kms_key_arn)}]
        },
    )
    s3.put_bucket_policy(Bucket=bucket, Policy=json.dumps(deny_insecure_transport_policy(bucket)))  # (3)!


if __name__ == "__main__":
    import boto3

    protect_bucket(boto3.client("s3"), "amzn-s3-demo-bucket")
