"""AWS Lambda handler: start EC2 instances when an SNS message arrives.

Chain: CloudWatch alarm -> SNS topic -> this function -> ec2:StartInstances.
Use it only when you need custom logic; a fixed schedule needs no code
(EventBridge Scheduler can call ec2:StartInstances directly).

Instance ids come from the SNS message (a CloudWatch alarm notification names
the instance in Trigger.Dimensions; a custom message can carry "instance_ids"),
otherwise from the INSTANCE_IDS environment variable (comma-separated).
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Mapping

import boto3

logger = logging.getLogger()
logger.setLevel(logging.INFO)

_ec2 = None  # created on first use and reused by later invocations of this environment


def get_client():
    global _ec2
    if _ec2 is None:
        _ec2 = boto3.client("ec2")
    return _ec2


def ids_from_message(message: Mapping) -> list[str]:
    """Instance ids named in one decoded SNS message."""
    if "instance_ids" in message:
        return [str(i) for i in message["instance_ids"]]
    dimensions = message.get("Trigger", {}).get("Dimensions", [])
    return [d["value"] for d in dimensions if d.get("name") == "InstanceId"]


def instance_ids_from_event(event: Mapping, env: Mapping[str, str] | None = None) -> list[str]:
    """Collect ids from every SNS record; fall back to INSTANCE_IDS."""
    env = os.environ if env is None else env
    ids: list[str] = []
    for record in event.get("Records", []):
        raw = record.get("Sns", {}).get("Message", "")
        try:
            message = json.loads(raw)
        except (TypeError, ValueError):
            continue  # plain-text message: nothing to read
        if message.get("NewStateValue", "ALARM") != "ALARM":
            logger.info("Alarm state is %s, nothing to do", message["NewStateValue"])
            continue
        ids.extend(ids_from_message(message))
    if not ids:
        ids = [i.strip() for i in env.get("INSTANCE_IDS", "").split(",") if i.strip()]
    return list(dict.fromkeys(ids))  # de-duplicate, keep order


def wait_until_running(client, instance_ids: list[str], delay: int = 5, max_attempts: int = 24) -> None:
    """Block until every instance is running (keep delay * attempts below the function timeout)."""
    client.get_waiter("instance_running").wait(
        InstanceIds=instance_ids,
        WaiterConfig={"Delay": delay, "MaxAttempts": max_attempts},
    )


def lambda_handler(event, context):
    ids = instance_ids_from_event(event)
    if not ids:
        logger.info("No instance ids in the event or INSTANCE_IDS")
        return {"started": [], "waited": False}
    client = get_client()
    response = client.start_instances(InstanceIds=ids)
    started = [i["InstanceId"] for i in response["StartingInstances"]]
    logger.info("StartInstances accepted for %s", started)
    waited = os.environ.get("WAIT_FOR_RUNNING", "false").lower() == "true"
    if waited:
        wait_until_running(client, started)
    return {"started": started, "waited": waited}
