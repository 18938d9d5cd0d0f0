"""Minimal Python Lambda function: the handler is `lambda_function.lambda_handler`."""

from __future__ import annotations

import json
import logging
import os

# Module-level code runs once per execution environment (the INIT phase),
# so create SDK clients and read configuration here, not in the handler.
logger = logging.getLogger()
logger.setLevel(os.environ.get("LOG_LEVEL", "INFO"))
GREETING = os.environ.get("GREETING", "Hello")


def lambda_handler(event, context):
    """Called once per invocation with the event (usually a dict) and the context object."""
    logger.info("request %s, %d ms left", context.aws_request_id, context.get_remaining_time_in_millis())
    name = event.get("name") if isinstance(event, dict) else None
    if not name:
        return {"statusCode": 400, "body": json.dumps({"error": "missing 'name'"})}
    return {"statusCode": 200, "body": json.dumps({"message": f"{GREETING}, {name}!"})}
