"""Sync the built site (site/) to the S3 bucket behind CloudFront.

    python scripts/aws/upload_site.py BUCKET [--site-dir site] [--distribution-id ID] [--dry-run]

Every file gets its Content-Type and a Cache-Control that suits it: HTML and the
search index are revalidated on each visit, fingerprinted theme assets are cached
for a year, everything else for a day. Objects in the bucket that the build no
longer has are deleted. Credentials come from the default chain (a role, SSO, ...).
"""

from __future__ import annotations

import argparse
import hashlib
import mimetypes
import re
import sys
import time
from pathlib import Path

NO_CACHE = "public, max-age=0, must-revalidate"
ONE_DAY = "public, max-age=86400"
ONE_YEAR = "public, max-age=31536000, immutable"
# Material names its bundles like main.0253249f.min.css: the hash changes with the content.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
EXTRA_TYPES = {
    ".js": "text/javascript",
    ".json": "application/json",
    ".map": "application/json",
    ".svg": "image/svg+xml",
    ".xml": "application/xml",
    ".webmanifest": "application/manifest+json",
}


def content_type(key: str) -> str:
    suffix = Path(key).suffix.lower()
    guessed = EXTRA_TYPES.get(suffix) or mimetypes.guess_type(key)[0] or "application/octet-stream"
    if guessed.startswith("text/") or guessed in {"application/json", "application/xml", "image/svg+xml"}:
        return f"{guessed}; charset=utf-8"
    return guessed


def cache_control(key: str) -> str:
    if key.endswith(".html") or key.startswith("search/") or key in {"sitemap.xml", "sitemap.xml.gz"}:
        return NO_CACHE
    if FINGERPRINTED.search(key):
        return ONE_YEAR
    return ONE_DAY


def local_files(site_dir: Path) -> dict[str, Path]:
    return {p.relative_to(site_dir).as_posix(): p for p in sorted(site_dir.rglob("*")) if p.is_file()}


def remote_etags(s3, bucket: str) -> dict[str, str]:
    etags = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket):
        for obj in page.get("Contents", []):
            etags[obj["Key"]] = obj["ETag"].strip('"')
    return etags


def sync(s3, bucket: str, site_dir: Path, dry_run: bool = False) -> dict[str, list[str]]:
    """Upload new and changed files, delete stale objects; return what was done."""
    files = local_files(site_dir)
    remote = remote_etags(s3, bucket)
    uploaded, deleted = [], []
    for key, path in files.items():
        body = path.read_bytes()
        if remote.get(key) == hashlib.md5(body, usedforsecurity=False).hexdigest():
            continue
        uploaded.append(key)
        if not dry_run:
            s3.put_object(Bucket=bucket, Key=key, Body=body,
                          ContentType=content_type(key), CacheControl=cache_control(key))
    stale = sorted(set(remote) - set(files))
    for start in range(0, len(stale), 1000):
        batch = stale[start:start + 1000]
        deleted += batch
        if not dry_run:
            s3.delete_objects(Bucket=bucket, Delete={"Objects": [{"Key": k} for k in batch], "Quiet": True})
    return {"uploaded": uploaded, "deleted": deleted}


def invalidate(cloudfront, distribution_id: str) -> str:
    response = cloudfront.create_invalidation(
        DistributionId=distribution_id,
        InvalidationBatch={"Paths": {"Quantity": 1, "Items": ["/*"]}, "CallerReference": str(time.time())},
    )
    return response["Invalidation"]["Id"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bucket")
    parser.add_argument("--site-dir", default="site", type=Path)
    parser.add_argument("--distribution-id", help="CloudFront distribution to invalidate after the upload")
    parser.add_argument("--dry-run", action="store_true", help="print what would change, change nothing")
    args = parser.parse_args(argv)
    if not (args.site_dir / "index.html").is_file():
        print(f"upload_site: {args.site_dir}/index.html not found; run `make build` first", file=sys.stderr)
        return 2

    import boto3
    from botocore.exceptions import BotoCoreError, ClientError

    try:
        result = sync(boto3.client("s3"), args.bucket, args.site_dir, args.dry_run)
        print(f"uploaded {len(result['uploaded'])}, deleted {len(result['deleted'])}"
              + (" (dry run)" if args.dry_run else ""))
        if args.distribution_id and not args.dry_run:
            print("invalidation", invalidate(boto3.client("cloudfront"), args.distribution_id))
    except (BotoCoreError, ClientError) as error:
        print(f"upload_site: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
