"""Run the cost and resilience samples in examples/cost/ against moto."""

from __future__ import annotations

import boto3
import pytest
from botocore.stub import Stubber
from conftest import load_example

budget_alert = load_example("examples/cost/budget_alert.py")
backup_plan = load_example("examples/cost/backup_plan.py")

ACCOUNT = "123456789012"


@pytest.fixture
def budgets(aws):
    return aws("budgets")


@pytest.fixture
def backup(aws):
    return aws("backup")


def test_budget_is_monthly_cost_in_usd(budgets):
    budget_alert.create_monthly_budget(budgets, ACCOUNT, "team-a", "500", "finops@example.com")
    budget = budgets.describe_budget(AccountId=ACCOUNT, BudgetName="team-a")["Budget"]
    assert budget["BudgetType"] == "COST"
    assert budget["TimeUnit"] == "MONTHLY"
    assert float(budget["BudgetLimit"]["Amount"]) == 500
    assert budget["BudgetLimit"]["Unit"] == "USD"


def test_budget_warns_on_forecast_before_actual(budgets):
    budget_alert.create_monthly_budget(budgets, ACCOUNT, "team-a", "500", "finops@example.com")
    assert budget_alert.thresholds(budgets, ACCOUNT, "team-a") == [("ACTUAL", 100.0), ("FORECASTED", 80.0)]


def test_notifications_are_greater_than_percentages(budgets):
    budget_alert.create_monthly_budget(budgets, ACCOUNT, "team-a", "500", "finops@example.com")
    notes = budgets.describe_notifications_for_budget(AccountId=ACCOUNT, BudgetName="team-a")["Notifications"]
    assert {n["ComparisonOperator"] for n in notes} == {"GREATER_THAN"}
    assert {n["ThresholdType"] for n in notes} == {"PERCENTAGE"}


def test_request_is_valid_for_the_budgets_api():
    """moto doesn't read subscribers back, so check the whole request against the service model."""
    client = boto3.client("budgets", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
    with Stubber(client) as stub:
        stub.add_response("create_budget", {})
        budget_alert.create_monthly_budget(client, ACCOUNT, "team-a", "500", "finops@example.com")
        stub.assert_no_pending_responses()


def test_second_budget_with_same_name_is_rejected(budgets):
    budget_alert.create_monthly_budget(budgets, ACCOUNT, "team-a", "500", "finops@example.com")
    with pytest.raises(budgets.exceptions.DuplicateRecordException):
        budget_alert.create_monthly_budget(budgets, ACCOUNT, "team-a", "900", "finops@example.com")


def test_backup_plan_rule_keeps_35_days_and_copies_to_other_region(backup):
    copy_arn = "arn:aws:backup:us-west-2:123456789012:backup-vault:dr-copy"
    plan_id = backup_plan.create_daily_plan(backup, "primary", copy_arn)
    (rule,) = backup.get_backup_plan(BackupPlanId=plan_id)["BackupPlan"]["Rules"]
    assert rule["TargetBackupVaultName"] == "primary"
    assert rule["ScheduleExpression"] == "cron(0 5 * * ? *)"
    assert rule["Lifecycle"]["DeleteAfterDays"] == 35
    assert rule["CopyActions"][0]["DestinationBackupVaultArn"] == copy_arn
    vaults = [v["BackupVaultName"] for v in backup.list_backup_vaults()["BackupVaultList"]]
    assert vaults == ["primary"]


def test_tag_selection_request_matches_the_backup_api():
    """moto has no CreateBackupSelection; the Stubber validates the request against the model."""
    client = boto3.client("backup", region_name="us-east-1", aws_access_key_id="x", aws_secret_access_key="x")
    role = "arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole"
    expected = {
        "BackupPlanId": "plan-1",
        "BackupSelection": {
            "SelectionName": "tagged-backup-daily",
            "IamRoleArn": role,
            "ListOfTags": [{"ConditionType": "STRINGEQUALS", "ConditionKey": "backup", "ConditionValue": "daily"}],
        },
    }
    with Stubber(client) as stub:
        stub.add_response("create_backup_selection", {"SelectionId": "sel-1"}, expected)
        assert backup_plan.assign_by_tag(client, "plan-1", role) == "sel-1"
