"""Shared fixtures: one strict build of the site per test session, a local HTTP
server for it, and a headless Chromium driven by Playwright; plus load_example()
and fake AWS credentials (aws_env) for the tests that run examples/ and scripts/."""

from __future__ import annotations

import functools
import http.server
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path
from types import ModuleType

import pytest
from chromium_settings import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent


# The long browser tests start first: spread over pytest-xdist's workers (make test runs
# `-n auto --dist load`), they then run beside the short tests instead of after them.
LONG_FIRST = ("test_readability.py", "test_linking.py", "test_search_quality.py",
              "test_reader_experience.py", "test_no_external_requests.py", "test_offline_search.py")


def pytest_collection_modifyitems(items):
    items.sort(key=lambda item: LONG_FIRST.index(item.path.name) if item.path.name in LONG_FIRST
               else len(LONG_FIRST))


def load_example(relative: str, name: str | None = None) -> ModuleType:
    """Import ROOT / relative (e.g. "examples/dynamodb/transaction.py") by file path.

    examples/ and scripts/ are not installed packages, so the tests load their files this way.
    The module name defaults to one derived from the whole path ("examples_dynamodb_transaction"),
    so two files with the same stem do not clash. The module is put in sys.modules before it runs,
    because dataclasses look their module up there.
    """
    path = ROOT / relative
    if name is None:
        name = re.sub(r"\W", "_", Path(relative).with_suffix("").as_posix())
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot load {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    return module


@pytest.fixture
def aws_env(monkeypatch):
    """Fake AWS credentials and region, so nothing can reach a real account."""
    for key, value in {
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SECURITY_TOKEN": "testing",  # botocore reads this before AWS_SESSION_TOKEN
        "AWS_SESSION_TOKEN": "testing",
        "AWS_DEFAULT_REGION": "us-east-1",
    }.items():
        monkeypatch.setenv(key, value)
    monkeypatch.delenv("AWS_PROFILE", raising=False)


def build_site(dest: Path) -> subprocess.CompletedProcess:
    """Run a strict MkDocs build of the real site into dest."""
    env = dict(os.environ, DISABLE_MKDOCS_2_WARNING="true", NO_MKDOCS_2_WARNING="1")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(dest)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


@pytest.fixture(scope="session")
def build_result(tmp_path_factory):
    dest = tmp_path_factory.mktemp("site")
    return dest, build_site(dest)


@pytest.fixture(scope="session")
def site_dir(build_result) -> Path:
    dest, result = build_result
    assert result.returncode == 0, result.stdout + result.stderr
    return dest


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # keep pytest output readable
        pass


@pytest.fixture(scope="session")
def site_url(site_dir):
    """Serve the built site on 127.0.0.1 (random port) for the test session."""
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Debian's Chromium through Playwright. Missing Chromium is a failure, not a skip."""
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.fail(
            f"Chromium not found at {CHROMIUM}. Run `make test` (it installs Debian's chromium) "
            "or set CHROMIUM=/path/to/chromium."
        )
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(profile),
            executable_path=CHROMIUM,
            headless=True,
            args=CHROMIUM_ARGS,
        )
        yield context
        context.close()


@pytest.fixture
def aws(aws_env):
    """boto3 clients on moto, all in one mocked account for the test: aws("ec2")."""
    import boto3
    from moto import mock_aws

    with mock_aws():
        yield lambda service: boto3.client(service, region_name="us-east-1")


@pytest.fixture
def s3_bucket(aws):
    """An S3 client on moto with the bucket amzn-s3-demo-bucket created."""
    client = aws("s3")
    client.create_bucket(Bucket="amzn-s3-demo-bucket")
    return client
