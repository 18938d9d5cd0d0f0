"""The Step Functions samples in examples/stepfunctions/: the ASL definition
order_workflow.asl.json passes the structural checks of asl_check.py (which are themselves
tested on broken definitions), and run_workflow.py creates and runs it on moto, which executes
the states (Choice, Map, the DynamoDB Task with its Catch) for real."""

from __future__ import annotations

import copy
import json

import boto3
import pytest
from conftest import ROOT, load_example
from moto import mock_aws

asl_check = load_example("examples/stepfunctions/asl_check.py")
run_workflow = load_example("examples/stepfunctions/run_workflow.py")
DEFINITION = json.loads((ROOT / "examples" / "stepfunctions" / "order_workflow.asl.json").read_text(encoding="utf-8"))
ROLE = "arn:aws:iam::123456789012:role/order-workflow"


def test_sample_definition_is_sound():
    assert asl_check.problems(DEFINITION) == []


def test_sample_uses_choice_map_retry_and_catch():
    states = DEFINITION["States"]
    assert {s["Type"] for s in states.values()} >= {"Choice", "Map", "Task", "Succeed", "Fail"}
    save = states["SaveOrder"]
    assert save["Retry"][0]["JitterStrategy"] == "FULL"
    assert save["Catch"][-1]["ErrorEquals"] == ["States.ALL"]
    assert states["PrepareLines"]["ItemProcessor"]["ProcessorConfig"]["Mode"] == "INLINE"


def broken(**changes) -> dict:
    """A copy of the sample with some states replaced (None deletes a state)."""
    definition = copy.deepcopy(DEFINITION)
    for name, state in changes.items():
        if state is None:
            del definition["States"][name]
        else:
            definition["States"][name] = state
    return definition


@pytest.mark.parametrize(
    ("definition", "expected"),
    [
        (broken(Accepted=None), "SaveOrder: transition to missing state 'Accepted'"),
        (broken(Orphan={"Type": "Pass", "End": True}), "Orphan: not reachable from StartAt"),
        (broken(Accepted={"Type": "Succeed", "Next": "HasItems"}), "Accepted: a Succeed state takes no Next or End"),
        (
            broken(SaveOrder={**DEFINITION["States"]["SaveOrder"], "End": True}),
            "SaveOrder: needs exactly one of Next or End",
        ),
        (broken(RejectOrder={"Type": "Fail", "Retry": []}), "RejectOrder: only Task, Parallel and Map"),
        ({**DEFINITION, "StartAt": "Nowhere"}, "StartAt 'Nowhere' is not a state"),
    ],
)
def test_structural_problems_are_found(definition, expected):
    assert any(expected in problem for problem in asl_check.problems(definition)), asl_check.problems(definition)


@pytest.mark.parametrize(
    ("retrier", "expected"),
    [
        ({"ErrorEquals": ["States.ALL", "States.Timeout"]}, "States.ALL must be alone"),
        ({"ErrorEquals": []}, "empty ErrorEquals"),
        ({"ErrorEquals": ["States.TaskFailed"], "BackoffRate": 0.5}, "BackoffRate must be >= 1.0"),
        ({"ErrorEquals": ["States.TaskFailed"], "MaxAttempts": -1}, "MaxAttempts must be an integer >= 0"),
        ({"ErrorEquals": ["States.TaskFailed"], "IntervalSeconds": 0}, "IntervalSeconds must be an integer >= 1"),
        ({"ErrorEquals": ["States.TaskFailed"], "IntervalSeconds": 5, "MaxDelaySeconds": 2}, "MaxDelaySeconds"),
        ({"ErrorEquals": ["States.TaskFailed"], "JitterStrategy": "HALF"}, "JitterStrategy must be FULL or NONE"),
    ],
)
def test_insane_retriers_are_found(retrier, expected):
    save = copy.deepcopy(DEFINITION["States"]["SaveOrder"])
    save["Retry"] = [retrier]
    found = asl_check.problems(broken(SaveOrder=save))
    assert any(expected in problem for problem in found), found


def test_states_all_must_be_the_last_catcher():
    save = copy.deepcopy(DEFINITION["States"]["SaveOrder"])
    save["Catch"].append({"ErrorEquals": ["States.TaskFailed"], "Next": "OrderNotSaved"})
    assert any("last Catch entry" in p for p in asl_check.problems(broken(SaveOrder=save)))


def test_problems_inside_a_map_branch_are_found():
    mapped = copy.deepcopy(DEFINITION["States"]["PrepareLines"])
    mapped["ItemProcessor"]["States"]["PrepareLine"] = {"Type": "Pass", "Next": "Gone"}
    found = asl_check.problems(broken(PrepareLines=mapped))
    assert "PrepareLines/ItemProcessor/PrepareLine: transition to missing state 'Gone'" in found


@pytest.fixture
def aws(aws_env):
    with mock_aws(config={"stepfunctions": {"execute_state_machine": True}}):
        yield boto3.client("stepfunctions", region_name="us-east-1"), boto3.client("dynamodb", region_name="us-east-1")


def _create_table(dynamodb):
    dynamodb.create_table(
        TableName="orders",
        KeySchema=[{"AttributeName": "pk", "KeyType": "HASH"}],
        AttributeDefinitions=[{"AttributeName": "pk", "AttributeType": "S"}],
        BillingMode="PAY_PER_REQUEST",
    )


def test_state_machine_is_created_as_standard(aws):
    sfn, _ = aws
    arn = run_workflow.create_state_machine(sfn, "orders", ROLE)
    described = sfn.describe_state_machine(stateMachineArn=arn)
    assert described["type"] == "STANDARD"
    assert json.loads(described["definition"]) == DEFINITION


def test_order_with_items_is_saved(aws):
    sfn, dynamodb = aws
    _create_table(dynamodb)
    arn = run_workflow.create_state_machine(sfn, "orders", ROLE)
    order = {"order_id": "o-1", "items": [{"sku": "A", "quantity": 2}, {"sku": "B", "quantity": 1}]}
    execution = run_workflow.run(sfn, arn, order)
    assert execution["status"] == "SUCCEEDED"
    output = json.loads(execution["output"])
    assert output["lines"] == [  # the Map state ran once per item
        {"sku": "A", "quantity": 2, "status": "READY"},
        {"sku": "B", "quantity": 1, "status": "READY"},
    ]
    item = dynamodb.get_item(TableName="orders", Key={"pk": {"S": "o-1"}})["Item"]
    assert item["status"] == {"S": "ACCEPTED"}


def test_empty_order_is_rejected_by_the_choice_state(aws):
    sfn, dynamodb = aws
    _create_table(dynamodb)
    arn = run_workflow.create_state_machine(sfn, "orders", ROLE)
    execution = run_workflow.run(sfn, arn, {"order_id": "o-2", "items": []})
    assert execution["status"] == "FAILED"
    assert execution["error"] == "EmptyOrder"
    assert "Item" not in dynamodb.get_item(TableName="orders", Key={"pk": {"S": "o-2"}})


def test_failed_save_is_caught(aws):
    sfn, _ = aws  # no table: the DynamoDB task fails, no retrier matches, Catch takes over
    arn = run_workflow.create_state_machine(sfn, "orders", ROLE)
    execution = run_workflow.run(sfn, arn, {"order_id": "o-3", "items": [{"sku": "A", "quantity": 1}]})
    assert execution["status"] == "FAILED"
    assert execution["error"] == "OrderNotSaved"
