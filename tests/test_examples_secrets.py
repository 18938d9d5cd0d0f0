"""The Secrets Manager sample on docs/security/secrets-manager.md, run against moto."""

from __future__ import annotations

import json

import pytest
from botocore.exceptions import ClientError
from conftest import load_example

_mod = load_example("examples/secrets/get_secret.py")
SecretNotFoundError = _mod.SecretNotFoundError
get_secret = _mod.get_secret

SECRET_NAME = "prod/app/db"


@pytest.fixture
def client(aws):
    return aws("secretsmanager")


def test_returns_parsed_json(client):
    value = {"username": "app_user", "password": "example-only", "port": 5432}
    client.create_secret(Name=SECRET_NAME, SecretString=json.dumps(value))
    assert get_secret(client, SECRET_NAME) == value


def test_accepts_the_arn(client):
    arn = client.create_secret(Name=SECRET_NAME, SecretString='{"k": "v"}')["ARN"]
    assert arn.startswith("arn:aws:secretsmanager:us-east-1:")
    assert get_secret(client, arn) == {"k": "v"}


def test_missing_secret_raises_secret_not_found(client):
    with pytest.raises(SecretNotFoundError) as info:
        get_secret(client, "prod/app/missing")
    assert isinstance(info.value.__cause__, ClientError)
    assert info.value.__cause__.response["Error"]["Code"] == "ResourceNotFoundException"


def test_other_client_errors_are_reraised(client):
    client.create_secret(Name=SECRET_NAME, SecretString='{"k": "v"}')
    client.delete_secret(SecretId=SECRET_NAME, RecoveryWindowInDays=7)
    with pytest.raises(ClientError) as info:
        get_secret(client, SECRET_NAME)
    assert not isinstance(info.value, SecretNotFoundError)
    assert info.value.response["Error"]["Code"] == "InvalidRequestException"


def test_binary_secret_is_rejected(client):
    client.create_secret(Name="prod/app/blob", SecretBinary=b"\x00\x01")
    with pytest.raises(ValueError, match="binary"):
        get_secret(client, "prod/app/blob")
