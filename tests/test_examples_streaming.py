"""Run the streaming samples in examples/streaming/: the Kinesis producer against moto, and the
Kinesis Lambda handler with the sample event examples/streaming/kinesis_event.json."""

from __future__ import annotations

import base64
import copy
import json
from collections import defaultdict

import boto3
import pytest
from conftest import ROOT, load_example
from moto import mock_aws

producer = load_example("examples/streaming/producer.py")
kinesis_handler = load_example("examples/streaming/kinesis_handler.py")
SAMPLE_EVENT = json.loads((ROOT / "examples" / "streaming" / "kinesis_event.json").read_text(encoding="utf-8"))


@pytest.fixture
def kinesis(aws_env):
    with mock_aws():
        client = boto3.client("kinesis", region_name="us-east-1")
        client.create_stream(StreamName="orders", ShardCount=4)
        yield client


def read_all(kinesis, stream: str = "orders") -> dict[str, list[dict]]:
    """Every record in the stream, per shard, in shard order."""
    per_shard: dict[str, list[dict]] = {}
    for shard in kinesis.list_shards(StreamName=stream)["Shards"]:
        iterator = kinesis.get_shard_iterator(
            StreamName=stream, ShardId=shard["ShardId"], ShardIteratorType="TRIM_HORIZON"
        )["ShardIterator"]
        per_shard[shard["ShardId"]] = kinesis.get_records(ShardIterator=iterator, Limit=10_000)["Records"]
    return per_shard


class FlakyKinesis:
    """Passes calls to a real (moto) client, but fails chosen partition keys on the first call,
    the way Kinesis reports throttled records: an ErrorCode in that record's result."""

    def __init__(self, client, fail_keys: set[str]):
        self.client, self.fail_keys, self.calls = client, set(fail_keys), []

    def put_records(self, StreamName: str, Records: list[dict]) -> dict:  # noqa: N803 (boto3 names)
        self.calls.append([r["PartitionKey"] for r in Records])
        if len(self.calls) > 1 or not self.fail_keys:
            return self.client.put_records(StreamName=StreamName, Records=Records)
        ok = [r for r in Records if r["PartitionKey"] not in self.fail_keys]
        written = iter(self.client.put_records(StreamName=StreamName, Records=ok)["Records"])
        results = [
            {"ErrorCode": "ProvisionedThroughputExceededException", "ErrorMessage": "Rate exceeded"}
            if r["PartitionKey"] in self.fail_keys
            else next(written)
            for r in Records
        ]
        return {"FailedRecordCount": len(self.fail_keys), "Records": results}


def test_same_partition_key_same_shard_in_order(kinesis):
    records = [(f"order-{i % 7}", json.dumps({"seq": i}).encode()) for i in range(70)]
    assert producer.put_all(kinesis, "orders", records) == 1
    shards_per_key: dict[str, set[str]] = defaultdict(set)
    seqs_per_key: dict[str, list[int]] = defaultdict(list)
    for shard_id, shard_records in read_all(kinesis).items():
        for record in shard_records:
            shards_per_key[record["PartitionKey"]].add(shard_id)
            seqs_per_key[record["PartitionKey"]].append(json.loads(record["Data"])["seq"])
    assert sum(len(v) for v in seqs_per_key.values()) == 70
    assert all(len(shards) == 1 for shards in shards_per_key.values())
    assert all(seqs == sorted(seqs) for seqs in seqs_per_key.values())  # per-key order kept
    assert len(set().union(*shards_per_key.values())) > 1  # distinct keys spread over shards


def test_batches_of_at_most_500(kinesis):
    flaky = FlakyKinesis(kinesis, fail_keys=set())
    assert producer.put_all(flaky, "orders", [(f"k{i}", b"x") for i in range(1_201)]) == 3
    assert [len(call) for call in flaky.calls] == [500, 500, 201]


def test_only_failed_records_are_retried_and_nothing_is_duplicated(kinesis):
    flaky = FlakyKinesis(kinesis, fail_keys={"k3", "k7"})
    delays = []
    calls = producer.put_all(flaky, "orders", [(f"k{i}", f"v{i}".encode()) for i in range(10)], sleep=delays.append)
    assert calls == 2
    assert flaky.calls[1] == ["k3", "k7"]  # the retry carries only the failed records
    assert len(delays) == 1 and 0 <= delays[0] <= 0.1
    written = sorted(r["Data"].decode() for rs in read_all(kinesis).values() for r in rs)
    assert written == sorted(f"v{i}" for i in range(10))  # each record exactly once


def test_gives_up_after_max_attempts(kinesis):
    class AlwaysThrottled:
        def put_records(self, StreamName, Records):  # noqa: N803
            return {"FailedRecordCount": len(Records), "Records": [{"ErrorCode": "InternalFailure"} for _ in Records]}

    delays = []
    with pytest.raises(producer.RecordsNotWritten) as failure:
        producer.put_all(AlwaysThrottled(), "orders", [("k", b"x")], max_attempts=3, sleep=delays.append)
    assert [r["PartitionKey"] for r in failure.value.failed] == ["k"]
    assert len(delays) == 2  # no sleep after the last attempt
    assert delays[1] <= 0.2  # the backoff ceiling doubles: 0.1, then 0.2


def _event(*payloads: bytes) -> dict:
    event = copy.deepcopy(SAMPLE_EVENT)
    template = event["Records"][0]
    event["Records"] = []
    for n, payload in enumerate(payloads):
        record = copy.deepcopy(template)
        record["kinesis"]["data"] = base64.b64encode(payload).decode()
        record["kinesis"]["sequenceNumber"] = str(1000 + n)
        event["Records"].append(record)
    return event


def test_sample_event_reports_the_bad_record_and_stops():
    processed = []

    def process(order):
        kinesis_handler.process_order(order)
        processed.append(order["order_id"])

    result = kinesis_handler.handle_batch(SAMPLE_EVENT, process)
    second = SAMPLE_EVENT["Records"][1]["kinesis"]["sequenceNumber"]
    assert result == {"batchItemFailures": [{"itemIdentifier": second}]}  # order-2 has amount 0
    assert processed == ["order-1"]  # order-3 waits: Lambda retries from order-2


def test_all_good_batch_reports_no_failures():
    event = _event(b'{"order_id": "a", "amount": 1}', b'{"order_id": "b", "amount": 2}')
    assert kinesis_handler.handler(event, None) == {"batchItemFailures": []}


@pytest.mark.parametrize("bad", [b"not json", b'{"amount": 5}', b"\xff\xfe"])
def test_undecodable_or_invalid_record_is_reported(bad):
    event = _event(b'{"order_id": "a", "amount": 1}', bad)
    assert kinesis_handler.handler(event, None) == {"batchItemFailures": [{"itemIdentifier": "1001"}]}


def test_data_is_base64_in_the_event():
    assert kinesis_handler.decode(SAMPLE_EVENT["Records"][0]) == {"order_id": "order-1", "amount": 25}
