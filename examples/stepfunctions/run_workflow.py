"""Create the order workflow from its ASL file, start an execution and wait for the result."""

from __future__ import annotations

import json
import time
from pathlib import Path

DEFINITION = Path(__file__).with_name("order_workflow.asl.json")


def create_state_machine(sfn, name: str, role_arn: str, workflow_type: str = "STANDARD") -> str:
    """Create the state machine (Standard by default) and return its ARN."""
    response = sfn.create_state_machine(
        name=name,
        definition=DEFINITION.read_text(encoding="utf-8"),
        roleArn=role_arn,  # the role Step Functions assumes to call DynamoDB
        type=workflow_type,
    )
    return response["stateMachineArn"]


def run(sfn, state_machine_arn: str, order: dict, timeout: float = 30.0) -> dict:
    """Start one execution named after the order (idempotent for Standard) and wait until it ends."""
    execution_arn = sfn.start_execution(
        stateMachineArn=state_machine_arn,
        name=f"order-{order['order_id']}",
        input=json.dumps(order),
    )["executionArn"]
    deadline = time.monotonic() + timeout
    while True:
        execution = sfn.describe_execution(executionArn=execution_arn)
        if execution["status"] != "RUNNING" or time.monotonic() > deadline:
            return execution
        time.sleep(0.1)
