"""Fan-out: one SNS topic delivers every message to several SQS queues.

Each queue needs a queue policy that lets the SNS service send to it, limited to this
topic with aws:SourceArn. Raw message delivery puts the original body in the queue
instead of the SNS JSON envelope.
"""

from __future__ import annotations

import json


def queue_policy(queue_arn: str, topic_arn: str) -> dict:
    """Queue policy: only this topic, through the SNS service principal, may send messages."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Sid": "AllowTopicToSend",
                "Effect": "Allow",
                "Principal": {"Service": "sns.amazonaws.com"},
                "Action": "sqs:SendMessage",
                "Resource": queue_arn,
                "Condition": {"ArnEquals": {"aws:SourceArn": topic_arn}},
            }
        ],
    }


def create_fanout(sns, sqs, topic_name: str, queue_names: list[str]) -> tuple[str, dict[str, str]]:
    """Create the topic and one subscribed queue per name; return (topic_arn, {name: queue_url})."""
    topic_arn = sns.create_topic(Name=topic_name)["TopicArn"]
    queue_urls: dict[str, str] = {}
    for name in queue_names:
        queue_url = sqs.create_queue(QueueName=name)["QueueUrl"]
        queue_arn = sqs.get_queue_attributes(QueueUrl=queue_url, AttributeNames=["QueueArn"])["Attributes"][
            "QueueArn"
        ]
        sqs.set_queue_attributes(
            QueueUrl=queue_url,
            Attributes={"Policy": json.dumps(queue_policy(queue_arn, topic_arn))},
        )
        sns.subscribe(
            TopicArn=topic_arn,
            Protocol="sqs",
            Endpoint=queue_arn,
            Attributes={"RawMessageDelivery": "true"},
            ReturnSubscriptionArn=True,
        )
        queue_urls[name] = queue_url
    return topic_arn, queue_urls


def publish(sns, topic_arn: str, body: dict, event_type: str) -> str:
    """Publish once; every subscribed queue gets its own copy."""
    return sns.publish(
        TopicArn=topic_arn,
        Message=json.dumps(body),
        MessageAttributes={"event_type": {"DataType": "String", "StringValue": event_type}},
    )["MessageId"]
