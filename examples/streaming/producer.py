"""Write records to a Kinesis data stream with PutRecords, retrying only the records that failed.

PutRecords is not all-or-nothing: the response has one entry per request record, in the same
order, and FailedRecordCount says how many carry an ErrorCode (usually
ProvisionedThroughputExceededException on a hot shard). Resending the whole batch would write
the successful records twice, so only the failed ones go into the next attempt, after a backoff.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable

MAX_RECORDS_PER_CALL = 500  # PutRecords limit


class RecordsNotWritten(Exception):
    """Some records still failed after the last attempt."""

    def __init__(self, failed: list[dict]):
        super().__init__(f"{len(failed)} records not written")
        self.failed = failed


def put_all(
    kinesis,
    stream_name: str,
    records: Iterable[tuple[str, bytes]],
    max_attempts: int = 5,
    base_delay: float = 0.1,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """Write (partition_key, data) pairs; return the number of PutRecords calls made.

    Records with the same partition key go to the same shard, in order, so choose a key with
    many distinct values (an order ID, a device ID) to spread load over all shards.
    """
    pending = [{"PartitionKey": key, "Data": data} for key, data in records]
    calls = 0
    for attempt in range(max_attempts):
        failed: list[dict] = []
        for start in range(0, len(pending), MAX_RECORDS_PER_CALL):
            chunk = pending[start : start + MAX_RECORDS_PER_CALL]
            response = kinesis.put_records(StreamName=stream_name, Records=chunk)
            calls += 1
            if response["FailedRecordCount"]:
                # Results are in request order: keep the request records whose result has an ErrorCode.
                failed += [rec for rec, result in zip(chunk, response["Records"], strict=True) if "ErrorCode" in result]
        if not failed:
            return calls
        pending = failed
        if attempt + 1 < max_attempts:
            sleep(random.uniform(0, base_delay * 2**attempt))  # exponential backoff with full jitter
    raise RecordsNotWritten(pending)
