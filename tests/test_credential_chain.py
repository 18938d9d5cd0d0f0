"""What docs/sdk/boto3.md says about the credential chain when a profile is named."""

from __future__ import annotations

import boto3
import pytest

ENV_KEY = "AKIAIOSFODNN7EXAMPLE"
PROFILE_KEY = "AKIAI44QH8DHBEXAMPLE"


@pytest.fixture
def profile_and_env(tmp_path, monkeypatch):
    credentials = tmp_path / "credentials"
    credentials.write_text(f"[dev]\naws_access_key_id = {PROFILE_KEY}\naws_secret_access_key = profile-secret\n",
                           encoding="utf-8")
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(credentials))
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "config"))
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", ENV_KEY)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "env-secret")
    for name in ("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_PROFILE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    return monkeypatch


def test_environment_keys_win_without_a_profile(profile_and_env):
    assert boto3.Session().get_credentials().access_key == ENV_KEY


def test_a_profile_named_in_code_skips_the_environment_keys(profile_and_env):
    assert boto3.Session(profile_name="dev").get_credentials().access_key == PROFILE_KEY


def test_a_profile_named_in_aws_profile_does_not(profile_and_env):
    profile_and_env.setenv("AWS_PROFILE", "dev")
    assert boto3.Session().get_credentials().access_key == ENV_KEY
