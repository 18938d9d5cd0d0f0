"""Run the SQS/SNS samples in examples/messaging/ against moto."""

from __future__ import annotations

import json

import pytest
from conftest import load_example

sqs_dlq = load_example("examples/messaging/sqs_dlq.py")
sns_fanout = load_example("examples/messaging/sns_fanout.py")


@pytest.fixture
def clients(aws):
    return aws("sqs"), aws("sns")


def _attributes(sqs, url):
    return sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["All"])["Attributes"]


def _drain(sqs, url):
    messages = []
    while True:
        batch = sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10).get("Messages", [])
        if not batch:
            return messages
        messages += batch
        for m in batch:
            sqs.delete_message(QueueUrl=url, ReceiptHandle=m["ReceiptHandle"])


def test_queue_has_redrive_policy(clients):
    sqs, _ = clients
    queue_url, dlq_url = sqs_dlq.create_queue_with_dlq(sqs, "orders", max_receive_count=3)
    policy = json.loads(_attributes(sqs, queue_url)["RedrivePolicy"])
    assert policy["deadLetterTargetArn"] == _attributes(sqs, dlq_url)["QueueArn"]
    assert int(policy["maxReceiveCount"]) == 3
    assert _attributes(sqs, queue_url)["VisibilityTimeout"] == "30"


def test_processed_message_is_deleted(clients):
    sqs, _ = clients
    queue_url, dlq_url = sqs_dlq.create_queue_with_dlq(sqs, "orders", visibility_timeout=0)
    sqs_dlq.send(sqs, queue_url, {"order_id": "o1"})
    seen = []
    assert sqs_dlq.consume_once(sqs, queue_url, seen.append) == 1
    assert seen == [{"order_id": "o1"}]
    assert sqs.receive_message(QueueUrl=queue_url).get("Messages") is None
    assert sqs.receive_message(QueueUrl=dlq_url).get("Messages") is None


def test_poison_message_lands_in_dlq_after_max_receive_count(clients):
    sqs, _ = clients
    max_receives = 3
    # Visibility timeout 0 so a failed message is visible again at once (tests only).
    queue_url, dlq_url = sqs_dlq.create_queue_with_dlq(
        sqs, "orders", max_receive_count=max_receives, visibility_timeout=0
    )
    sqs_dlq.send(sqs, queue_url, {"order_id": "bad"})
    attempts = []

    def always_fails(body):
        attempts.append(body)
        raise ValueError("cannot process")

    for _ in range(max_receives):
        assert sqs_dlq.consume_once(sqs, queue_url, always_fails) == 0
    assert len(attempts) == max_receives

    # The next receive finds nothing: SQS moved the message to the DLQ instead.
    assert sqs_dlq.consume_once(sqs, queue_url, always_fails) == 0
    assert len(attempts) == max_receives
    dead = sqs.receive_message(QueueUrl=dlq_url, AttributeNames=["ApproximateReceiveCount"])["Messages"]
    assert [json.loads(m["Body"]) for m in dead] == [{"order_id": "bad"}]


def test_queue_policy_is_scoped_to_the_topic():
    policy = sns_fanout.queue_policy(
        "arn:aws:sqs:us-east-1:123456789012:billing",
        "arn:aws:sns:us-east-1:123456789012:orders",
    )
    (statement,) = policy["Statement"]
    assert policy["Version"] == "2012-10-17"
    assert statement["Principal"] == {"Service": "sns.amazonaws.com"}
    assert statement["Action"] == "sqs:SendMessage"
    assert statement["Condition"]["ArnEquals"]["aws:SourceArn"].endswith(":orders")


def test_fanout_delivers_to_every_queue(clients):
    sqs, sns = clients
    topic_arn, queues = sns_fanout.create_fanout(sns, sqs, "orders", ["billing", "shipping"])
    for url in queues.values():
        policy = json.loads(_attributes(sqs, url)["Policy"])
        assert policy["Statement"][0]["Condition"]["ArnEquals"]["aws:SourceArn"] == topic_arn
    assert len(sns.list_subscriptions_by_topic(TopicArn=topic_arn)["Subscriptions"]) == 2

    sns_fanout.publish(sns, topic_arn, {"order_id": "o1"}, event_type="OrderPlaced")

    for name, url in queues.items():
        received = _drain(sqs, url)
        assert len(received) == 1, name
        # Raw message delivery: the body is the original message, not the SNS envelope.
        assert json.loads(received[0]["Body"]) == {"order_id": "o1"}
