"""Run the CloudWatch samples in examples/monitoring/: the EMF builder (pure Python) and the
alarm script (boto3 against moto)."""

from __future__ import annotations

import json
import re

import boto3
import pytest
from conftest import load_example
from moto import mock_aws
from moto.cloudwatch.responses import CloudWatchResponse

emf = load_example("examples/monitoring/emf.py")
alarms = load_example("examples/monitoring/alarms.py")


def test_emf_line_has_metadata_namespace_dimensions_and_values():
    line = emf.emf_line(
        "FieldGuide/Orders",
        {"Latency": (41.5, "Milliseconds"), "OrdersPlaced": (3, "Count")},
        {"Service": "checkout", "Stage": "prod"},
        properties={"requestId": "5f1d-example"},
        high_resolution=frozenset({"Latency"}),
        timestamp_ms=1_764_400_000_000,
    )
    assert "\n" not in line  # one log event per line
    doc = json.loads(line)
    meta = doc["_aws"]
    assert meta["Timestamp"] == 1_764_400_000_000
    (directive,) = meta["CloudWatchMetrics"]
    assert directive["Namespace"] == "FieldGuide/Orders"
    assert directive["Dimensions"] == [["Service", "Stage"]]
    assert directive["Metrics"] == [
        {"Name": "Latency", "Unit": "Milliseconds", "StorageResolution": 1},
        {"Name": "OrdersPlaced", "Unit": "Count"},
    ]
    # Every dimension and metric named in the directive must be a member of the root node.
    for key in directive["Dimensions"][0]:
        assert isinstance(doc[key], str)
    assert doc["Latency"] == 41.5 and doc["OrdersPlaced"] == 3
    assert doc["requestId"] == "5f1d-example"  # a property: logged, not a dimension
    assert "requestId" not in directive["Dimensions"][0]


def test_emf_timestamp_defaults_to_now_in_milliseconds():
    doc = json.loads(emf.emf_line("N", {"M": (1, "Count")}, {"D": "x"}))
    assert doc["_aws"]["Timestamp"] > 1_700_000_000_000


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"metrics": {}}, "at least one metric"),
        ({"dimensions": {f"d{i}": "v" for i in range(31)}}, "31 dimensions"),
        ({"dimensions": {"Latency": "x"}}, "names used twice"),
        ({"high_resolution": frozenset({"Nope"})}, "not metrics"),
    ],
)
def test_emf_rejects_documents_cloudwatch_would_not_extract(kwargs, message):
    args = {"namespace": "N", "metrics": {"Latency": (1.0, "Milliseconds")}, "dimensions": {"Service": "a"}}
    with pytest.raises(ValueError, match=message):
        emf.emf_line(**(args | kwargs))


@pytest.fixture
def clients(aws_env, monkeypatch):
    # moto 5.2.5 stores composite alarms (an alarm with an AlarmRule) and returns them from
    # DescribeAlarms, but does not route PutCompositeAlarm to that code: route it here.
    if not hasattr(CloudWatchResponse, "put_composite_alarm"):
        route = CloudWatchResponse.put_metric_alarm
        monkeypatch.setattr(CloudWatchResponse, "put_composite_alarm", route, raising=False)
    with mock_aws():
        yield (
            boto3.client("cloudwatch", region_name="us-east-1"),
            boto3.client("logs", region_name="us-east-1"),
            boto3.client("sns", region_name="us-east-1"),
        )


def test_metric_filter_and_retention(clients):
    _, logs, _ = clients
    group = alarms.create_log_metric_filter(logs, "orders")
    (described,) = logs.describe_log_groups(logGroupNamePrefix=group)["logGroups"]
    assert described["retentionInDays"] == 30
    (metric_filter,) = logs.describe_metric_filters(logGroupName=group)["metricFilters"]
    assert metric_filter["filterPattern"] == '{ $.level = "ERROR" }'
    (transformation,) = metric_filter["metricTransformations"]
    assert transformation["metricNamespace"] == alarms.NAMESPACE
    assert transformation["metricName"] == "ErrorLogLines"
    assert transformation["defaultValue"] == 0


def test_metric_math_alarm_is_three_out_of_five(clients):
    cloudwatch, _, sns = clients
    topic = sns.create_topic(Name="oncall")["TopicArn"]
    names = alarms.create_alarms(cloudwatch, "orders", topic)
    (rate,) = cloudwatch.describe_alarms(AlarmNames=[names["rate"]])["MetricAlarms"]
    assert (rate["EvaluationPeriods"], rate["DatapointsToAlarm"]) == (5, 3)
    assert rate["TreatMissingData"] == "notBreaching"
    returned = [m for m in rate["Metrics"] if m["ReturnData"]]
    assert [m["Id"] for m in returned] == ["rate"]  # an alarm evaluates exactly one series
    ids = {m["Id"] for m in rate["Metrics"] if "MetricStat" in m}
    assert set(re.findall(r"[a-z]+", returned[0]["Expression"])) == ids  # the expression uses both inputs
    assert rate["AlarmActions"] == []  # children stay quiet


def test_composite_alarm_references_existing_children_and_notifies(clients):
    cloudwatch, _, sns = clients
    topic = sns.create_topic(Name="oncall")["TopicArn"]
    names = alarms.create_alarms(cloudwatch, "orders", topic)
    (composite,) = cloudwatch.describe_alarms(AlarmNames=[names["composite"]], AlarmTypes=["CompositeAlarm"])[
        "CompositeAlarms"
    ]
    assert composite["AlarmActions"] == [topic]
    children = set(re.findall(r'ALARM\("([^"]+)"\)', composite["AlarmRule"]))
    metric_alarms = {a["AlarmName"] for a in cloudwatch.describe_alarms(AlarmTypes=["MetricAlarm"])["MetricAlarms"]}
    assert children == {names["rate"], names["logs"]}
    assert children <= metric_alarms


def test_child_alarm_changes_state(clients):
    cloudwatch, _, sns = clients
    names = alarms.create_alarms(cloudwatch, "orders", sns.create_topic(Name="oncall")["TopicArn"])
    cloudwatch.set_alarm_state(AlarmName=names["logs"], StateValue="ALARM", StateReason="test")
    (child,) = cloudwatch.describe_alarms(AlarmNames=[names["logs"]])["MetricAlarms"]
    assert child["StateValue"] == "ALARM"
