"""Run the EC2 start/stop samples against moto (no real AWS)."""

from __future__ import annotations

import json

import boto3
import pytest
from conftest import ROOT, load_example
from moto import mock_aws

POLICY = ROOT / "examples" / "iam" / "start-ec2-policy.json"

start_stop = load_example("examples/ec2/start_stop.py")
handler = load_example("examples/ec2/start_instance_handler.py")


class FakeContext:
    function_name = "my-function"
    aws_request_id = "c0ffee00-0000-4000-8000-000000000000"

    def get_remaining_time_in_millis(self) -> int:
        return 60_000


@pytest.fixture
def aws_env(aws_env, monkeypatch):
    """conftest's aws_env (fake credentials) plus a mocked EC2 client, which the tests use."""
    monkeypatch.delenv("INSTANCE_IDS", raising=False)
    monkeypatch.delenv("WAIT_FOR_RUNNING", raising=False)
    with mock_aws():
        monkeypatch.setattr(handler, "_ec2", None)
        yield boto3.client("ec2", region_name="us-east-1")


def _stopped_instances(client, count: int = 1) -> list[str]:
    image_id = client.describe_images(Owners=["amazon"])["Images"][0]["ImageId"]
    reservation = client.run_instances(
        ImageId=image_id, InstanceType="t3.micro", MinCount=count, MaxCount=count
    )
    ids = [i["InstanceId"] for i in reservation["Instances"]]
    start_stop.stop_and_wait(client, ids, delay=1, max_attempts=5)
    return ids


def _state(client, instance_id: str) -> str:
    reservations = client.describe_instances(InstanceIds=[instance_id])["Reservations"]
    return reservations[0]["Instances"][0]["State"]["Name"]


def _sns_event(message: dict | str) -> dict:
    body = message if isinstance(message, str) else json.dumps(message)
    return {"Records": [{"EventSource": "aws:sns", "Sns": {"Message": body}}]}


def test_stop_and_wait_reaches_stopped(aws_env):
    ids = _stopped_instances(aws_env, count=2)
    assert all(_state(aws_env, i) == "stopped" for i in ids)


def test_start_and_wait_reaches_running(aws_env):
    ids = _stopped_instances(aws_env, count=2)
    states = start_stop.start_and_wait(aws_env, ids, delay=1, max_attempts=5)
    assert states == {i: "running" for i in ids}


def test_handler_starts_instance_named_by_alarm_notification(aws_env, monkeypatch):
    (instance_id,) = _stopped_instances(aws_env)
    monkeypatch.setenv("WAIT_FOR_RUNNING", "true")
    alarm_message = {
        "AlarmName": "queue-backlog-high",
        "NewStateValue": "ALARM",
        "Trigger": {"Dimensions": [{"name": "InstanceId", "value": instance_id}]},
    }
    result = handler.lambda_handler(_sns_event(alarm_message), FakeContext())
    assert result == {"started": [instance_id], "waited": True}
    assert _state(aws_env, instance_id) == "running"


def test_handler_falls_back_to_env_ids(aws_env, monkeypatch):
    ids = _stopped_instances(aws_env, count=2)
    monkeypatch.setenv("INSTANCE_IDS", ",".join(ids))
    result = handler.lambda_handler(_sns_event("plain text, no ids"), FakeContext())
    assert sorted(result["started"]) == sorted(ids)
    assert result["waited"] is False
    assert {_state(aws_env, i) for i in ids} <= {"pending", "running"}


def test_handler_reads_custom_message_ids(aws_env):
    (instance_id,) = _stopped_instances(aws_env)
    result = handler.lambda_handler(_sns_event({"instance_ids": [instance_id]}), FakeContext())
    assert result["started"] == [instance_id]
    assert _state(aws_env, instance_id) in {"pending", "running"}


def test_handler_ignores_ok_state(aws_env):
    (instance_id,) = _stopped_instances(aws_env)
    message = {
        "NewStateValue": "OK",
        "Trigger": {"Dimensions": [{"name": "InstanceId", "value": instance_id}]},
    }
    assert handler.lambda_handler(_sns_event(message), FakeContext()) == {"started": [], "waited": False}
    assert _state(aws_env, instance_id) == "stopped"


def test_instance_ids_deduplicated_in_order():
    event = _sns_event({"instance_ids": ["i-0b", "i-0a", "i-0b"]})
    assert handler.instance_ids_from_event(event, env={}) == ["i-0b", "i-0a"]
    assert handler.instance_ids_from_event({}, env={"INSTANCE_IDS": " i-01 , i-02 "}) == ["i-01", "i-02"]


def test_execution_role_policy_is_scoped():
    policy = json.loads(POLICY.read_text())
    assert policy["Version"] == "2012-10-17"
    by_sid = {s["Sid"]: s for s in policy["Statement"]}
    start = by_sid["StartOnlyTaggedInstances"]
    assert start["Action"] == "ec2:StartInstances"
    assert start["Resource"] == "arn:aws:ec2:us-east-1:123456789012:instance/*"
    assert start["Condition"] == {"StringEquals": {"aws:ResourceTag/AutoStart": "true"}}
    # The only "*" resource is the read-only DescribeInstances the waiter needs.
    star = [s for s in policy["Statement"] if s["Resource"] == "*"]
    assert [s["Action"] for s in star] == ["ec2:DescribeInstances"]
