"""An SQS queue with a dead-letter queue (DLQ), and a consumer that deletes only what it processed.

A message that is received `max_receive_count` times without being deleted moves to the DLQ
on the next receive attempt, so one bad message cannot block or loop forever.
"""

from __future__ import annotations

import json
from collections.abc import Callable


def create_queue_with_dlq(
    sqs,
    name: str,
    max_receive_count: int = 5,
    visibility_timeout: int = 30,
) -> tuple[str, str]:
    """Create `<name>-dlq` and `<name>`; return (queue_url, dlq_url)."""
    dlq_url = sqs.create_queue(
        QueueName=f"{name}-dlq",
        Attributes={"MessageRetentionPeriod": str(14 * 24 * 3600)},  # keep failures as long as possible
    )["QueueUrl"]
    dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq_url, AttributeNames=["QueueArn"])["Attributes"][
        "QueueArn"
    ]

    queue_url = sqs.create_queue(
        QueueName=name,
        Attributes={
            "VisibilityTimeout": str(visibility_timeout),
            "RedrivePolicy": json.dumps(
                {"deadLetterTargetArn": dlq_arn, "maxReceiveCount": str(max_receive_count)}
            ),
        },
    )["QueueUrl"]
    return queue_url, dlq_url


def send(sqs, queue_url: str, body: dict) -> str:
    return sqs.send_message(QueueUrl=queue_url, MessageBody=json.dumps(body))["MessageId"]


def consume_once(sqs, queue_url: str, handler: Callable[[dict], None], wait_seconds: int = 0) -> int:
    """Receive up to 10 messages; delete each one the handler processed. Return how many were deleted.

    A message whose handler raises is not deleted: it becomes visible again after the
    visibility timeout and counts one more receive towards maxReceiveCount.
    """
    response = sqs.receive_message(
        QueueUrl=queue_url,
        MaxNumberOfMessages=10,
        WaitTimeSeconds=wait_seconds,  # 1-20 in production: long polling
    )
    deleted = 0
    for message in response.get("Messages", []):
        try:
            handler(json.loads(message["Body"]))
        except Exception:  # leave it in the queue; the redrive policy decides
            continue
        sqs.delete_message(QueueUrl=queue_url, ReceiptHandle=message["ReceiptHandle"])
        deleted += 1
    return deleted
