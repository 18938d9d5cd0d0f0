"""The notes' "Hello first last" handler, with input validation and context use.

Configure the function's handler as ``hello_handler.lambda_handler`` (file.function).
"""

from __future__ import annotations

import json
import logging
from typing import Any

# Module-level code runs once per execution environment, in the INIT phase.
# Put clients, configuration and other reusable setup here, not in the handler.
logger = logging.getLogger(__name__)
logger.setLevel(logging.INFO)

REQUIRED_FIELDS = ("first_name", "last_name")


class InvalidEventError(ValueError):
    """The event is missing a field or a field has the wrong type."""


def validate(event: Any) -> tuple[str, str]:
    """Return (first_name, last_name) or raise InvalidEventError."""
    if not isinstance(event, dict):
        raise InvalidEventError(f"event must be a JSON object, got {type(event).__name__}")
    values = []
    for field in REQUIRED_FIELDS:
        value = event.get(field)
        if not isinstance(value, str) or not value.strip():
            raise InvalidEventError(f"'{field}' must be a non-empty string")
        values.append(value.strip())
    return values[0], values[1]


def describe_context(context: Any) -> dict[str, Any]:
    """Collect every documented property of the Python context object.

    identity and client_context are None unless a mobile SDK sent them;
    tenant_id is set only for tenant-isolation functions.
    """
    identity = getattr(context, "identity", None)
    client_context = getattr(context, "client_context", None)
    client = getattr(client_context, "client", None)
    return {
        "function_name": context.function_name,
        "function_version": context.function_version,
        "invoked_function_arn": context.invoked_function_arn,
        "memory_limit_in_mb": int(context.memory_limit_in_mb),
        "aws_request_id": context.aws_request_id,
        "log_group_name": context.log_group_name,
        "log_stream_name": context.log_stream_name,
        "remaining_time_ms": context.get_remaining_time_in_millis(),
        "tenant_id": getattr(context, "tenant_id", None),
        "cognito_identity_id": getattr(identity, "cognito_identity_id", None),
        "cognito_identity_pool_id": getattr(identity, "cognito_identity_pool_id", None),
        "client": None
        if client is None
        else {
            "installation_id": client.installation_id,
            "app_title": client.app_title,
            "app_version_name": client.app_version_name,
            "app_version_code": client.app_version_code,
            "app_package_name": client.app_package_name,
        },
        "custom": getattr(client_context, "custom", None),
        "env": getattr(client_context, "env", None),
    }


def lambda_handler(event: Any, context: Any) -> dict[str, Any]:
    """Greet the caller; return a 400-style result instead of crashing on bad input."""
    info = describe_context(context)
    logger.info(json.dumps({"request_id": info["aws_request_id"], "remaining_ms": info["remaining_time_ms"]}))
    try:
        first_name, last_name = validate(event)
    except InvalidEventError as err:
        return {"statusCode": 400, "error": str(err), "request_id": info["aws_request_id"]}
    return {
        "statusCode": 200,
        "message": f"Hello {first_name} {last_name}!",
        "request_id": info["aws_request_id"],
    }
