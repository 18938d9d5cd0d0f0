"""Presigned S3 URLs for one download (GET) and one upload (PUT), signed with SigV4.

Whoever holds the URL can make that one request until it expires, with the permissions of
the principal that signed it. Nothing is sent to AWS when the URL is created.
"""

from __future__ import annotations

import boto3
from botocore.config import Config

MAX_EXPIRES_IN = 7 * 24 * 3600  # SigV4 presigned URLs are valid for at most 7 days (604,800 s)


def s3_client(region: str = "us-east-1"):
    """An S3 client that signs with SigV4 and uses the Regional endpoint."""
    return boto3.client("s3", region_name=region, config=Config(signature_version="s3v4"))  # (1)!


def _check(expires_in: int) -> None:
    if not 1 <= expires_in <= MAX_EXPIRES_IN:
        raise ValueError(f"expires_in must be 1..{MAX_EXPIRES_IN} seconds, got {expires_in}")


def download_url(s3, bucket: str, key: str, expires_in: int = 900) -> str:
    """A URL that lets its holder GET one object for ``expires_in`` seconds."""
    _check(expires_in)
    return s3.generate_presigned_url(
        "get_object", Params={"Bucket": bucket, "Key": key}, ExpiresIn=expires_in
    )


def upload_url(s3, bucket: str, key: str, content_type: str, expires_in: int = 900) -> str:
    """A URL that lets its holder PUT one object with this exact Content-Type."""
    _check(expires_in)
    return s3.generate_presigned_url(
        "put_object",
        Params={"Bucket": bucket, "Key": key, "ContentType": content_type},  # (2)!
        ExpiresIn=expires_in,
    )


if __name__ == "__main__":
    client = s3_client()
    print(download_url(client, "amzn-s3-demo-bucket", "reports/2026-11.csv"))
    print(upload_url(client, "amzn-s3-demo-bucket", "uploads/photo.jpg", "image/jpeg", 300))
