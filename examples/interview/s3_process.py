"""Download every object under an S3 prefix, transform it, upload the result.

Credentials come from the default credential chain (instance profile on EC2,
IAM Identity Center / `aws sso login`, environment variables ...). The script
never reads or stores access keys itself.
"""

from __future__ import annotations

import argparse
import logging
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import boto3

log = logging.getLogger(__name__)

Transform = Callable[[Path, Path], None]


def list_keys(s3_client, bucket: str, prefix: str) -> Iterator[str]:
    """Yield every key under prefix, following pagination (1,000 keys per page)."""
    paginator = s3_client.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=bucket, Prefix=prefix):
        for item in page.get("Contents", []):
            yield item["Key"]


def uppercase_text(source: Path, target: Path) -> None:
    """Example transform: upper-case a UTF-8 text file."""
    target.write_text(source.read_text(encoding="utf-8").upper(), encoding="utf-8")


def process_prefix(
    s3_client,
    src_bucket: str,
    prefix: str,
    dst_bucket: str,
    dst_prefix: str,
    transform: Transform,
) -> list[str]:
    """Process src_bucket/prefix* into dst_bucket/dst_prefix*; return the keys written.

    Idempotent: a destination key that already exists is skipped, so a rerun
    after a failure only does the remaining work.
    """
    done = set(list_keys(s3_client, dst_bucket, dst_prefix))
    written: list[str] = []
    with tempfile.TemporaryDirectory() as workdir:
        local_in = Path(workdir, "input")
        local_out = Path(workdir, "output")
        for key in list_keys(s3_client, src_bucket, prefix):
            if key.endswith("/"):
                continue  # zero-byte "folder" marker, nothing to process
            dst_key = dst_prefix + key[len(prefix) :]
            if dst_key in done:
                log.info("skip %s: s3://%s/%s exists", key, dst_bucket, dst_key)
                continue
            s3_client.download_file(src_bucket, key, str(local_in))
            transform(local_in, local_out)
            s3_client.upload_file(str(local_out), dst_bucket, dst_key)
            written.append(dst_key)
            log.info("wrote s3://%s/%s", dst_bucket, dst_key)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("src_bucket")
    parser.add_argument("prefix")
    parser.add_argument("dst_bucket")
    parser.add_argument("dst_prefix")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    s3_client = boto3.client("s3")  # default credential chain, no keys in code
    written = process_prefix(s3_client, args.src_bucket, args.prefix, args.dst_bucket, args.dst_prefix, uppercase_text)
    print(f"{len(written)} object(s) written")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
