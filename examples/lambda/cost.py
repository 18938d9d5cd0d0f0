"""Lambda on-demand cost: requests plus GB-seconds.

The default prices are the published x86 prices in US East (N. Virginia) used for the
worked example on the site; check https://aws.amazon.com/lambda/pricing/ for your
Region and architecture (Arm is cheaper per GB-second). The free tier is ignored.
"""

from __future__ import annotations

PRICE_PER_GB_SECOND = 0.0000166667  # USD, x86, us-east-1
PRICE_PER_MILLION_REQUESTS = 0.20  # USD


def gb_seconds(requests: int, avg_duration_ms: float, memory_mb: int) -> float:
    """Compute used, in GB-seconds: memory (GB) x billed duration (s) x requests."""
    return requests * (avg_duration_ms / 1000) * (memory_mb / 1024)


def monthly_cost(
    requests: int,
    avg_duration_ms: float,
    memory_mb: int,
    price_per_gb_second: float = PRICE_PER_GB_SECOND,
    price_per_million_requests: float = PRICE_PER_MILLION_REQUESTS,
) -> float:
    """Request charge plus duration charge, in USD, rounded to cents."""
    request_charge = requests / 1_000_000 * price_per_million_requests
    duration_charge = gb_seconds(requests, avg_duration_ms, memory_mb) * price_per_gb_second
    return round(request_charge + duration_charge, 2)


def break_even_duration_ms(avg_duration_ms: float, memory_mb: int, new_memory_mb: int) -> float:
    """Duration the function must reach at new_memory_mb to cost no more than today."""
    return avg_duration_ms * memory_mb / new_memory_mb
