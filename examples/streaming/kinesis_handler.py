"""A Lambda handler for a Kinesis event source mapping that reports partial batch failures.

The mapping needs FunctionResponseTypes=["ReportBatchItemFailures"]. Each record's data arrives
Base64-encoded. On the first record that fails, the handler stops and returns that record's
sequence number: Lambda then retries from that record on, so the records before it are not
processed again and the order within the shard is kept.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable


def decode(record: dict) -> dict:
    """The JSON payload of one Kinesis record in a Lambda event."""
    return json.loads(base64.b64decode(record["kinesis"]["data"], validate=True))


def process_order(order: dict) -> None:
    """Business logic placeholder: reject orders without an ID or with a non-positive amount."""
    if not order.get("order_id") or order.get("amount", 0) <= 0:
        raise ValueError(f"invalid order: {order!r}")


def handle_batch(event: dict, process: Callable[[dict], None]) -> dict:
    """Process records in order; report the first failure as a batch item failure."""
    for record in event["Records"]:
        try:
            process(decode(record))
        except Exception:  # any failure: report this record, Lambda retries from here
            return {"batchItemFailures": [{"itemIdentifier": record["kinesis"]["sequenceNumber"]}]}
    return {"batchItemFailures": []}  # the whole batch succeeded


def handler(event: dict, context: object) -> dict:
    return handle_batch(event, process_order)
