"""Create an OU and attach a service control policy (SCP) to it with boto3.

Run it in the organization's management account (or a delegated administrator for policies).
The SCP then caps what IAM users and roles in every account under the OU may do.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SCP_FILE = Path(__file__).resolve().parent.parent / "iam" / "scp-deny-leave-organization.json"


def root_id(org) -> str:
    """The ID of the organization's single root (r-xxxx)."""
    return org.list_roots()["Roots"][0]["Id"]


def enable_scps(org, root: str) -> None:
    """SCPs are off in a new organization; enable the policy type on the root once."""
    root_info = org.list_roots()["Roots"][0]
    enabled = {p["Type"] for p in root_info.get("PolicyTypes", []) if p["Status"] == "ENABLED"}
    if "SERVICE_CONTROL_POLICY" not in enabled:
        org.enable_policy_type(RootId=root, PolicyType="SERVICE_CONTROL_POLICY")  # (1)!


def create_ou_with_scp(org, ou_name: str, policy_name: str, document: dict[str, Any]) -> tuple[str, str]:
    """Create OU ``ou_name`` under the root and attach a new SCP to it. Returns (ou_id, policy_id)."""
    root = root_id(org)
    enable_scps(org, root)
    ou_id = org.create_organizational_unit(ParentId=root, Name=ou_name)["OrganizationalUnit"]["Id"]
    policy_id = org.create_policy(
        Name=policy_name,
        Description="Guardrail managed by guardrails.py",
        Type="SERVICE_CONTROL_POLICY",
        Content=json.dumps(document),
    )["Policy"]["PolicySummary"]["Id"]
    org.attach_policy(PolicyId=policy_id, TargetId=ou_id)  # (2)!
    return ou_id, policy_id


if __name__ == "__main__":
    import boto3

    client = boto3.client("organizations")
    scp = json.loads(SCP_FILE.read_text(encoding="utf-8"))
    print(create_ou_with_scp(client, "Workloads", "deny-leave-organization", scp))
