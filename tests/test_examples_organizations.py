"""The Organizations sample on docs/security/organizations.md, run against moto."""

from __future__ import annotations

import json

import boto3
import pytest
from conftest import load_example
from moto import mock_aws

guardrails = load_example("examples/organizations/guardrails.py")


@pytest.fixture
def org(aws_env):
    with mock_aws():
        client = boto3.client("organizations", region_name="us-east-1")
        client.create_organization(FeatureSet="ALL")  # SCPs need all features, not billing only
        yield client


def _scp():
    return json.loads(guardrails.SCP_FILE.read_text(encoding="utf-8"))


def test_scp_is_attached_to_the_new_ou(org):
    ou_id, policy_id = guardrails.create_ou_with_scp(org, "Workloads", "deny-leave-organization", _scp())
    attached = org.list_policies_for_target(TargetId=ou_id, Filter="SERVICE_CONTROL_POLICY")["Policies"]
    assert policy_id in {p["Id"] for p in attached}
    targets = org.list_targets_for_policy(PolicyId=policy_id)["Targets"]
    assert [(t["TargetId"], t["Type"]) for t in targets] == [(ou_id, "ORGANIZATIONAL_UNIT")]


def test_ou_sits_under_the_root(org):
    ou_id, _ = guardrails.create_ou_with_scp(org, "Workloads", "deny-leave-organization", _scp())
    root = org.list_roots()["Roots"][0]["Id"]
    children = org.list_organizational_units_for_parent(ParentId=root)["OrganizationalUnits"]
    assert [(ou["Id"], ou["Name"]) for ou in children] == [(ou_id, "Workloads")]


def test_stored_policy_is_the_documented_json(org):
    _, policy_id = guardrails.create_ou_with_scp(org, "Workloads", "deny-leave-organization", _scp())
    policy = org.describe_policy(PolicyId=policy_id)["Policy"]
    assert policy["PolicySummary"]["Type"] == "SERVICE_CONTROL_POLICY"
    content = json.loads(policy["Content"])
    assert content == _scp()
    assert content["Statement"][0] == {
        "Sid": "DenyLeavingTheOrganization",
        "Effect": "Deny",
        "Action": "organizations:LeaveOrganization",
        "Resource": "*",
    }


def test_scp_policy_type_is_enabled_on_the_root(org):
    guardrails.create_ou_with_scp(org, "Workloads", "deny-leave-organization", _scp())
    types = {p["Type"]: p["Status"] for p in org.list_roots()["Roots"][0]["PolicyTypes"]}
    assert types.get("SERVICE_CONTROL_POLICY") == "ENABLED"


def test_second_ou_reuses_the_enabled_policy_type(org):
    guardrails.create_ou_with_scp(org, "Workloads", "deny-leave-organization", _scp())
    ou2, policy2 = guardrails.create_ou_with_scp(org, "Sandbox", "deny-leave-organization-2", _scp())
    root = org.list_roots()["Roots"][0]["Id"]
    names = sorted(ou["Name"] for ou in org.list_organizational_units_for_parent(ParentId=root)["OrganizationalUnits"])
    assert names == ["Sandbox", "Workloads"]
    attached = org.list_policies_for_target(TargetId=ou2, Filter="SERVICE_CONTROL_POLICY")["Policies"]
    assert policy2 in {p["Id"] for p in attached}


def _policy(name):
    return json.loads((guardrails.SCP_FILE.parent / name).read_text(encoding="utf-8"))


def test_documented_scps_have_no_principal_and_only_deny():
    # SCPs apply to the principals of the accounts they are attached to: no Principal element.
    for name in ("scp-deny-leave-organization.json", "scp-deny-outside-regions.json"):
        for statement in _policy(name)["Statement"]:
            assert "Principal" not in statement and "NotPrincipal" not in statement, name
            assert statement["Effect"] == "Deny", name


def test_documented_rcp_denies_for_every_principal():
    # Custom RCPs are deny statements for "Principal": "*" (RCPFullAWSAccess supplies the Allow).
    statements = _policy("rcp-s3-tls-and-org-only.json")["Statement"]
    assert {(s["Effect"], json.dumps(s["Principal"])) for s in statements} == {("Deny", '"*"')}
    conditions = [s["Condition"] for s in statements]
    assert {"BoolIfExists": {"aws:SecureTransport": "false"}} in conditions


def test_region_scp_exempts_global_services():
    statement = _policy("scp-deny-outside-regions.json")["Statement"][0]
    assert {"iam:*", "sts:*", "organizations:*", "cloudfront:*", "route53:*"} <= set(statement["NotAction"])
    assert "aws:RequestedRegion" in statement["Condition"]["StringNotEquals"]
