"""Invalidate changed files in a CloudFront distribution, cheaply and safely to retry (boto3).

- `invalidation_paths` turns the S3 keys a deploy changed into the URL paths viewers request.
  `index.html` at the root is also cached under `/` (the default root object), so both are listed.
  Past `max_paths`, the whole deploy collapses into one `/*` wildcard, which counts as one path.
- `caller_reference` derives the request's CallerReference from the deploy ID and the paths.
  Retrying the same request (for example after a timeout) sends the same reference, and CloudFront
  returns the existing invalidation instead of creating, and charging for, a second one.
- `invalidation_cost` estimates the monthly charge: the first 1,000 paths each month are free,
  then each path is billed (a wildcard path counts as one).
"""

from __future__ import annotations

import hashlib
from urllib.parse import quote

FREE_PATHS_PER_MONTH = 1_000


# --8<-- [start:paths]
def invalidation_paths(changed_keys: list[str], max_paths: int = 100) -> list[str]:
    """URL paths for the changed S3 keys: leading slash, URL-encoded, sorted, no duplicates."""
    paths = set()
    for key in changed_keys:
        path = "/" + quote(key.lstrip("/"), safe="/~")  # what viewers request, e.g. spaces as %20
        paths.add(path)
        if path == "/index.html":
            paths.add("/")  # the default root object is cached under "/" too
    if len(paths) > max_paths:
        return ["/*"]  # one billed path instead of many; every object is fetched again, though
    return sorted(paths)


def caller_reference(deploy_id: str, paths: list[str]) -> str:
    """Same deploy and paths -> same reference, so a retry does not create a second invalidation."""
    digest = hashlib.sha256("\n".join(sorted(paths)).encode()).hexdigest()[:16]
    return f"{deploy_id}-{digest}"
# --8<-- [end:paths]


# --8<-- [start:invalidate]
def invalidate(cloudfront, distribution_id: str, deploy_id: str, changed_keys: list[str]) -> dict:
    """Create the invalidation for one deploy; return its Id, Status and paths."""
    paths = invalidation_paths(changed_keys)
    response = cloudfront.create_invalidation(
        DistributionId=distribution_id,
        InvalidationBatch={
            "Paths": {"Quantity": len(paths), "Items": paths},
            "CallerReference": caller_reference(deploy_id, paths),
        },
    )
    invalidation = response["Invalidation"]
    return {"Id": invalidation["Id"], "Status": invalidation["Status"], "Paths": paths}
# --8<-- [end:invalidate]


def invalidation_cost(paths_this_month: int, price_per_path: float = 0.005) -> float:
    """Charge in USD for a month's invalidation paths (price as of November 2026; check the pricing page)."""
    billable = max(0, paths_this_month - FREE_PATHS_PER_MONTH)
    return billable * price_per_path
