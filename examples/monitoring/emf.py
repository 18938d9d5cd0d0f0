"""Build one CloudWatch embedded metric format (EMF) log line, in pure Python.

Print the line from a Lambda function (or send it to CloudWatch Logs with the agent) and
CloudWatch Logs extracts the metrics asynchronously: no PutMetricData call in the request path.
The same line stays searchable in Logs Insights with all its properties (for example a request ID).
"""

from __future__ import annotations

import json
import time
from collections.abc import Mapping

MAX_DIMENSIONS = 30  # CloudWatch accepts up to 30 dimensions per metric


def emf_line(
    namespace: str,
    metrics: Mapping[str, tuple[float, str]],
    dimensions: Mapping[str, str],
    properties: Mapping[str, object] | None = None,
    high_resolution: frozenset[str] = frozenset(),
    timestamp_ms: int | None = None,
) -> str:
    """Return one EMF JSON document as a string.

    metrics maps a metric name to (value, unit), for example {"Latency": (41.0, "Milliseconds")}.
    dimensions become top-level members and one dimension set; properties are extra members
    that are logged but not turned into metrics (keep high-cardinality values such as request
    IDs here, never in dimensions). Names in high_resolution get StorageResolution 1 (1-second).
    """
    if not metrics:
        raise ValueError("an EMF line needs at least one metric")
    if len(dimensions) > MAX_DIMENSIONS:
        raise ValueError(f"{len(dimensions)} dimensions; CloudWatch allows {MAX_DIMENSIONS}")
    clashes = set(metrics) & set(dimensions) | set(metrics) & set(properties or {})
    if clashes:
        raise ValueError(f"names used twice: {sorted(clashes)}")
    unknown = high_resolution - set(metrics)
    if unknown:
        raise ValueError(f"high_resolution names are not metrics: {sorted(unknown)}")

    definitions: list[dict[str, object]] = []
    for name, (_, unit) in metrics.items():
        definition: dict[str, object] = {"Name": name, "Unit": unit}
        if name in high_resolution:
            definition["StorageResolution"] = 1
        definitions.append(definition)

    document: dict[str, object] = {
        "_aws": {
            "Timestamp": timestamp_ms if timestamp_ms is not None else int(time.time() * 1000),
            "CloudWatchMetrics": [
                {
                    "Namespace": namespace,
                    "Dimensions": [list(dimensions)],  # one dimension set
                    "Metrics": definitions,
                }
            ],
        },
        **dimensions,  # target members: each dimension's value lives at the root
        **(properties or {}),
        **{name: value for name, (value, _) in metrics.items()},
    }
    return json.dumps(document, separators=(",", ":"))
