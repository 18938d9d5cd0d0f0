"""Alarms for one Lambda function: a metric filter, two metric alarms and a composite alarm.

- A metric filter turns log lines with "level": "ERROR" into a custom metric.
- Alarm 1 uses metric math: the error rate in percent (Errors / Invocations), 3 of 5 minutes.
- Alarm 2 watches the custom metric from the metric filter.
- The composite alarm is the only one with an action, so one incident sends one notification.
"""

from __future__ import annotations

NAMESPACE = "FieldGuide/Orders"


def create_log_metric_filter(logs, function_name: str, retention_days: int = 30) -> str:
    """Create the function's log group with a retention and an error-count metric filter."""
    group = f"/aws/lambda/{function_name}"
    logs.create_log_group(logGroupName=group)
    logs.put_retention_policy(logGroupName=group, retentionInDays=retention_days)  # default: never expire
    logs.put_metric_filter(
        logGroupName=group,
        filterName="error-lines",
        filterPattern='{ $.level = "ERROR" }',  # JSON log lines only
        metricTransformations=[
            {
                "metricName": "ErrorLogLines",
                "metricNamespace": NAMESPACE,
                "metricValue": "1",
                "defaultValue": 0.0,  # publish 0 when nothing matches, so the alarm sees data
                "unit": "Count",
            }
        ],
    )
    return group


def lambda_sum(query_id: str, metric_name: str, function_name: str) -> dict:
    """A metric data query: the per-minute Sum of one AWS/Lambda metric of one function."""
    metric = {
        "Namespace": "AWS/Lambda",
        "MetricName": metric_name,
        "Dimensions": [{"Name": "FunctionName", "Value": function_name}],
    }
    return {"Id": query_id, "MetricStat": {"Metric": metric, "Period": 60, "Stat": "Sum"}, "ReturnData": False}


def create_alarms(cloudwatch, function_name: str, topic_arn: str) -> dict[str, str]:
    """Create the two metric alarms and the composite alarm; return their names."""
    names = {
        "rate": f"{function_name}-error-rate",
        "logs": f"{function_name}-error-logs",
        "composite": f"{function_name}-unhealthy",
    }
    cloudwatch.put_metric_alarm(
        AlarmName=names["rate"],
        AlarmDescription="Error rate above 5 % in 3 of the last 5 minutes",
        Metrics=[
            lambda_sum("errors", "Errors", function_name),
            lambda_sum("invocations", "Invocations", function_name),
            {"Id": "rate", "Expression": "100 * errors / invocations", "Label": "Error rate (%)", "ReturnData": True},
        ],
        ComparisonOperator="GreaterThanThreshold",
        Threshold=5.0,
        EvaluationPeriods=5,  # N: the evaluation range, in periods
        DatapointsToAlarm=3,  # M: breaching datapoints needed ("3 out of 5")
        TreatMissingData="notBreaching",  # no invocations is not an incident
    )
    cloudwatch.put_metric_alarm(
        AlarmName=names["logs"],
        Namespace=NAMESPACE,
        MetricName="ErrorLogLines",
        Statistic="Sum",
        Period=60,
        EvaluationPeriods=1,
        Threshold=10.0,
        ComparisonOperator="GreaterThanOrEqualToThreshold",
        TreatMissingData="notBreaching",
    )
    cloudwatch.put_composite_alarm(
        AlarmName=names["composite"],
        AlarmRule=f'ALARM("{names["rate"]}") OR ALARM("{names["logs"]}")',
        AlarmActions=[topic_arn],  # only the composite notifies
    )
    return names
