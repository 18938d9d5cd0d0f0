"""Start or stop EC2 instances and block until they reach the target state.

Both helpers take a boto3 EC2 client, so a test (or another module) can pass
in a client it built itself, for example one pointed at moto.
"""

from __future__ import annotations

from collections.abc import Sequence


def _states(client, instance_ids: Sequence[str]) -> dict[str, str]:
    """Return {instance_id: state_name} for the given instances."""
    states: dict[str, str] = {}
    paginator = client.get_paginator("describe_instances")
    for page in paginator.paginate(InstanceIds=list(instance_ids)):
        for reservation in page["Reservations"]:
            for instance in reservation["Instances"]:
                states[instance["InstanceId"]] = instance["State"]["Name"]
    return states


def start_and_wait(
    client, instance_ids: Sequence[str], delay: int = 15, max_attempts: int = 40
) -> dict[str, str]:
    """Start the instances, wait until all are running, return their states."""
    client.start_instances(InstanceIds=list(instance_ids))
    waiter = client.get_waiter("instance_running")  # polls DescribeInstances
    waiter.wait(
        InstanceIds=list(instance_ids),
        WaiterConfig={"Delay": delay, "MaxAttempts": max_attempts},
    )
    return _states(client, instance_ids)


def stop_and_wait(
    client, instance_ids: Sequence[str], delay: int = 15, max_attempts: int = 40
) -> dict[str, str]:
    """Stop the instances, wait until all are stopped, return their states."""
    client.stop_instances(InstanceIds=list(instance_ids))
    waiter = client.get_waiter("instance_stopped")
    waiter.wait(
        InstanceIds=list(instance_ids),
        WaiterConfig={"Delay": delay, "MaxAttempts": max_attempts},
    )
    return _states(client, instance_ids)


if __name__ == "__main__":
    import sys

    import boto3

    action, *ids = sys.argv[1:]
    ec2 = boto3.client("ec2")
    result = start_and_wait(ec2, ids) if action == "start" else stop_and_wait(ec2, ids)
    print(result)
