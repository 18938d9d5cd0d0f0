"""Read a JSON secret from AWS Secrets Manager."""

from __future__ import annotations

import json
from typing import Any

from botocore.exceptions import ClientError


class SecretNotFoundError(LookupError):
    """The secret does not exist (or the caller may not see that it exists)."""


def get_secret(client, secret_id: str) -> dict[str, Any]:
    """Return the SecretString of ``secret_id`` parsed as JSON.

    ``client`` is a ``boto3.client("secretsmanager")``; ``secret_id`` is a name or ARN.
    """
    try:
        response = client.get_secret_value(SecretId=secret_id)  # (1)!
    except ClientError as err:
        if err.response["Error"]["Code"] == "ResourceNotFoundException":
            raise SecretNotFoundError(secret_id) from err
        raise  # (2)!
    if "SecretString" not in response:
        raise ValueError(f"{secret_id} holds a binary secret, not a JSON string")
    return json.loads(response["SecretString"])


if __name__ == "__main__":
    import boto3

    creds = get_secret(boto3.client("secretsmanager"), "prod/app/db")
    print(sorted(creds))  # print the field names, never the values
