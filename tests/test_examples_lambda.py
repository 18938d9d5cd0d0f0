"""Tests for examples/lambda: the handler with a fake context, and invoke helpers
against moto (no Docker) and botocore's Stubber."""

from __future__ import annotations

import io
import json
import zipfile
from types import SimpleNamespace

import boto3
import pytest
from botocore.response import StreamingBody
from botocore.stub import Stubber
from conftest import ROOT, load_example
from moto import mock_aws

EXAMPLES = ROOT / "examples" / "lambda"

hello = load_example("examples/lambda/hello_handler.py")
invoke = load_example("examples/lambda/invoke.py")


class FakeContext:
    """Carries every property the Python runtime documents, plus the method."""

    function_name = "my-function"
    function_version = "$LATEST"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:my-function"
    memory_limit_in_mb = "128"  # the runtime passes a string
    aws_request_id = "c6af9ac6-7b61-11e6-9a41-93e812345678"
    log_group_name = "/aws/lambda/my-function"
    log_stream_name = "2026/11/26/[$LATEST]abcdef0123456789"
    tenant_id = None

    def __init__(self, with_mobile: bool = False, remaining_ms: int = 2_500):
        self._remaining_ms = remaining_ms
        if with_mobile:
            self.identity = SimpleNamespace(
                cognito_identity_id="us-east-1:11111111-2222-3333-4444-555555555555",
                cognito_identity_pool_id="us-east-1:66666666-7777-8888-9999-000000000000",
            )
            self.client_context = SimpleNamespace(
                client=SimpleNamespace(
                    installation_id="install-1",
                    app_title="Field Guide",
                    app_version_name="1.2.0",
                    app_version_code="120",
                    app_package_name="com.example.fieldguide",
                ),
                custom={"theme": "dark"},
                env={"platform": "Android"},
            )
        else:
            self.identity = None
            self.client_context = None

    def get_remaining_time_in_millis(self) -> int:
        return self._remaining_ms


# ---- handler -------------------------------------------------------------


def test_handler_greets():
    result = hello.lambda_handler({"first_name": "Ada", "last_name": "Lovelace"}, FakeContext())
    assert result == {
        "statusCode": 200,
        "message": "Hello Ada Lovelace!",
        "request_id": FakeContext.aws_request_id,
    }


def test_handler_strips_whitespace():
    result = hello.lambda_handler({"first_name": " Ada ", "last_name": "Lovelace\n"}, FakeContext())
    assert result["message"] == "Hello Ada Lovelace!"


@pytest.mark.parametrize(
    "event, field",
    [
        ({"last_name": "Lovelace"}, "first_name"),  # the notes' version raised KeyError here
        ({"first_name": "Ada"}, "last_name"),
        ({"first_name": "", "last_name": "Lovelace"}, "first_name"),
        ({"first_name": "Ada", "last_name": 42}, "last_name"),
    ],
)
def test_handler_rejects_bad_fields(event, field):
    result = hello.lambda_handler(event, FakeContext())
    assert result["statusCode"] == 400
    assert field in result["error"]


@pytest.mark.parametrize("event", [None, [], "Ada", 3, 1.5])
def test_handler_rejects_non_object_events(event):
    # The runtime may pass list, str, int, float or None as the event.
    result = hello.lambda_handler(event, FakeContext())
    assert result["statusCode"] == 400
    assert "JSON object" in result["error"]


def test_describe_context_without_mobile_data():
    info = hello.describe_context(FakeContext(remaining_ms=1234))
    assert info["function_name"] == "my-function"
    assert info["function_version"] == "$LATEST"
    assert info["invoked_function_arn"].endswith(":function:my-function")
    assert info["memory_limit_in_mb"] == 128
    assert info["log_group_name"] == "/aws/lambda/my-function"
    assert info["log_stream_name"].startswith("2026/11/26/")
    assert info["remaining_time_ms"] == 1234
    assert info["tenant_id"] is None
    assert info["cognito_identity_id"] is None
    assert info["client"] is None and info["custom"] is None and info["env"] is None


def test_describe_context_with_mobile_data():
    info = hello.describe_context(FakeContext(with_mobile=True))
    assert info["cognito_identity_id"].startswith("us-east-1:")
    assert info["cognito_identity_pool_id"].startswith("us-east-1:")
    assert info["client"] == {
        "installation_id": "install-1",
        "app_title": "Field Guide",
        "app_version_name": "1.2.0",
        "app_version_code": "120",
        "app_package_name": "com.example.fieldguide",
    }
    assert info["custom"] == {"theme": "dark"}
    assert info["env"] == {"platform": "Android"}


def test_describe_context_reads_tenant_id():
    context = FakeContext()
    context.tenant_id = "tenant-a"
    assert hello.describe_context(context)["tenant_id"] == "tenant-a"


# ---- invoke helpers against moto -----------------------------------------


def _zip(source: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello_handler.py", source)
    return buffer.getvalue()


@pytest.fixture
def lambda_client(aws_env):
    # Without Docker, moto does not run the code: a sync invoke echoes the payload.
    with mock_aws(config={"lambda": {"use_docker": False}}):
        iam = boto3.client("iam", region_name="us-east-1")
        trust = {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Effect": "Allow",
                    "Principal": {"Service": "lambda.amazonaws.com"},
                    "Action": "sts:AssumeRole",
                }
            ],
        }
        role_arn = iam.create_role(RoleName="my-function-role", AssumeRolePolicyDocument=json.dumps(trust))["Role"][
            "Arn"
        ]
        client = boto3.client("lambda", region_name="us-east-1")
        client.create_function(
            FunctionName="my-function",
            Runtime="python3.13",
            Role=role_arn,
            Handler="hello_handler.lambda_handler",
            Code={"ZipFile": _zip((EXAMPLES / "hello_handler.py").read_text())},
        )
        yield client


def test_invoke_sync_with_moto(lambda_client):
    payload = {"first_name": "Ada", "last_name": "Lovelace"}
    result = invoke.invoke_sync(lambda_client, "my-function", payload)
    assert result["status_code"] == 200
    assert result["function_error"] is None
    assert result["result"] == payload  # moto's no-Docker echo


def test_invoke_async_with_moto(lambda_client):
    assert invoke.invoke_async(lambda_client, "my-function", {"first_name": "Ada", "last_name": "Lovelace"}) == 202


def test_moto_sees_the_deployed_handler(lambda_client):
    config = lambda_client.get_function_configuration(FunctionName="my-function")
    assert config["Handler"] == "hello_handler.lambda_handler"
    assert config["Timeout"] == 3  # the default timeout
    assert config["MemorySize"] == 128  # the default memory


# ---- invoke helpers against Stubber: exact request and real-shaped replies --


def _body(data: bytes) -> StreamingBody:
    return StreamingBody(io.BytesIO(data), len(data))


@pytest.fixture
def stubbed(aws_env):
    client = boto3.client("lambda", region_name="us-east-1")
    with Stubber(client) as stubber:
        yield client, stubber
        stubber.assert_no_pending_responses()


def test_invoke_sync_request_and_result(stubbed):
    client, stubber = stubbed
    event = {"first_name": "Ada", "last_name": "Lovelace"}
    handler_result = hello.lambda_handler(event, FakeContext())
    stubber.add_response(
        "invoke",
        {
            "StatusCode": 200,
            "ExecutedVersion": "$LATEST",
            "Payload": _body(json.dumps(handler_result).encode()),
        },
        {
            "FunctionName": "my-function",
            "InvocationType": "RequestResponse",
            "Payload": json.dumps(event).encode(),
        },
    )
    result = invoke.invoke_sync(client, "my-function", event)
    assert result == {
        "status_code": 200,
        "function_error": None,
        "executed_version": "$LATEST",
        "result": handler_result,
    }


def test_invoke_sync_reports_function_error(stubbed):
    client, stubber = stubbed
    error = {"errorMessage": "boom", "errorType": "RuntimeError"}
    stubber.add_response(
        "invoke",
        {"StatusCode": 200, "FunctionError": "Unhandled", "Payload": _body(json.dumps(error).encode())},
        {"FunctionName": "my-function", "InvocationType": "RequestResponse", "Payload": b"{}"},
    )
    result = invoke.invoke_sync(client, "my-function", {})
    assert result["status_code"] == 200
    assert result["function_error"] == "Unhandled"
    assert result["result"] == error


def test_invoke_async_request_uses_event_type(stubbed):
    client, stubber = stubbed
    stubber.add_response(
        "invoke",
        {"StatusCode": 202, "Payload": _body(b"")},
        {"FunctionName": "my-function", "InvocationType": "Event", "Payload": b'{"key": "value"}'},
    )
    assert invoke.invoke_async(client, "my-function", {"key": "value"}) == 202


def test_invoke_missing_function_raises(stubbed):
    client, stubber = stubbed
    stubber.add_client_error("invoke", service_error_code="ResourceNotFoundException", http_status_code=404)
    with pytest.raises(client.exceptions.ResourceNotFoundException):
        invoke.invoke_sync(client, "no-such-function", {})


# ---- cost formula (worked example on performance.md) ----------------------

cost = load_example("examples/lambda/cost.py")


def test_gb_seconds():
    assert cost.gb_seconds(3_000_000, 120, 512) == pytest.approx(180_000)
    assert cost.gb_seconds(1, 1000, 1024) == pytest.approx(1)


def test_worked_example_more_memory_can_cost_more():
    baseline = cost.monthly_cost(3_000_000, 120, 512)
    faster_but_dearer = cost.monthly_cost(3_000_000, 70, 1024)
    faster_and_cheaper = cost.monthly_cost(3_000_000, 55, 1024)
    assert baseline == 3.60
    assert faster_but_dearer == 4.10
    assert faster_and_cheaper == 3.35
    assert faster_but_dearer > baseline > faster_and_cheaper


def test_break_even_duration():
    # Doubling memory pays off only if duration at least halves.
    assert cost.break_even_duration_ms(120, 512, 1024) == pytest.approx(60)
    at_break_even = cost.monthly_cost(3_000_000, 60, 1024)
    assert at_break_even == cost.monthly_cost(3_000_000, 120, 512)


# ---- client reuse (performance.md) ----------------------------------------


def test_reuse_client_handler_uses_one_module_level_client(aws_env, monkeypatch):
    monkeypatch.setenv("BUCKET_NAME", "amzn-s3-demo-bucket")
    with mock_aws():
        module = load_example("examples/lambda/reuse_client.py")
        boto3.client("s3", region_name="us-east-1").create_bucket(Bucket="amzn-s3-demo-bucket")
        module.s3.put_object(Bucket="amzn-s3-demo-bucket", Key="report.csv", Body=b"a,b\n1,2\n")
        client_before = module.s3
        first = module.lambda_handler({"key": "report.csv"}, FakeContext())
        second = module.lambda_handler({"key": "report.csv"}, FakeContext())
        assert first == second == {"key": "report.csv", "size": 8}
        assert module.s3 is client_before  # the handler did not create a new client
