"""Invoke a Lambda function synchronously (RequestResponse) or asynchronously (Event) with boto3."""

from __future__ import annotations

import json
from typing import Any


# --8<-- [start:sync]
def invoke_sync(client: Any, name: str, payload: Any) -> dict[str, Any]:
    """Run the function and wait for its result.

    Returns the HTTP status code (200 on success), the decoded JSON result, and
    FunctionError, which is set (e.g. "Unhandled") when the function raised:
    a function error still comes back with status 200.
    """
    response = client.invoke(
        FunctionName=name,
        InvocationType="RequestResponse",
        Payload=json.dumps(payload).encode("utf-8"),  # the API takes bytes
    )
    body = response["Payload"].read()
    return {
        "status_code": response["StatusCode"],
        "function_error": response.get("FunctionError"),
        "executed_version": response.get("ExecutedVersion"),
        "result": json.loads(body) if body else None,
    }


# --8<-- [end:sync]


# --8<-- [start:async]
def invoke_async(client: Any, name: str, payload: Any) -> int:
    """Hand the event to Lambda's internal queue and return at once.

    Lambda answers 202 (Accepted) with no function result; retries, maximum
    event age and destinations decide what happens if the function fails.
    """
    response = client.invoke(
        FunctionName=name,
        InvocationType="Event",
        Payload=json.dumps(payload).encode("utf-8"),  # the API takes bytes
    )
    return response["StatusCode"]


# --8<-- [end:async]


if __name__ == "__main__":
    import boto3

    lambda_client = boto3.client("lambda")
    print(invoke_sync(lambda_client, "my-function", {"first_name": "Ada", "last_name": "Lovelace"}))
    print(invoke_async(lambda_client, "my-function", {"first_name": "Ada", "last_name": "Lovelace"}))
