"""Tests for scripts/iam_policy.py: the hand-written corpus in tests/iam_corpus, the CLI and a
property test that no input makes the checker raise.

Every file under iam_corpus/invalid/ carries exactly one defect; its expected finding (code, line,
column, JSON path) is written by hand in EXPECTED below, from the defect that was put in the file.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import iam_policy  # noqa: E402
from iam_policy import Finding, check_json  # noqa: E402

CORPUS = Path(__file__).resolve().parent / "iam_corpus"
VALID = sorted((CORPUS / "valid").glob("*.json"))
INVALID = sorted((CORPUS / "invalid").glob("*.json"))

# filename: (code, line, col, JSON path)
EXPECTED = {
    # strict JSON
    "j001_missing_comma.json": ("J001", 7, 7, "Statement[0].Action"),
    "j002_duplicate_key.json": ("J002", 6, 7, "Statement[0].Effect"),
    "j003_comment.json": ("J003", 6, 33, "Statement[0]"),
    "j003_marker_without_bang.json": ("J003", 6, 33, "Statement[0]"),
    "j004_trailing_comma.json": ("J004", 7, 55, "Statement[0].Resource"),
    "j005_single_quotes.json": ("J005", 5, 17, "Statement[0].Effect"),
    "j006_nan.json": ("J006", 3, 12, "ratio"),
    # grammar
    "p002_missing_version.json": ("P002", 1, 1, "Version"),
    "p003_bad_version.json": ("P003", 2, 14, "Version"),
    "p004_unknown_top_key.json": ("P004", 3, 3, "Description"),
    "p004_unknown_statement_key.json": ("P004", 5, 7, "Statement[0].Comment"),
    "p005_empty_statement.json": ("P005", 3, 16, "Statement"),
    "p006_statement_not_object.json": ("P006", 4, 5, "Statement[0]"),
    "p007_effect_lowercase.json": ("P007", 5, 17, "Statement[0].Effect"),
    "p008_action_and_not_action.json": ("P008", 7, 7, "Statement[0].NotAction"),
    "p008_no_action.json": ("P008", 4, 5, "Statement[0]"),
    "p009_resource_and_not_resource.json": ("P009", 8, 7, "Statement[0].NotResource"),
    "p010_missing_resource.json": ("P010", 4, 5, "Statement[0]"),
    "p011_duplicate_sid.json": ("P011", 11, 14, "Statement[1].Sid"),
    "p012_sid_not_alphanumeric.json": ("P012", 5, 14, "Statement[0].Sid"),
    "p013_action_not_string.json": ("P013", 6, 17, "Statement[0].Action"),
    "p013_empty_resource_list.json": ("P013", 7, 19, "Statement[0].Resource"),
    "p014_principal_bare_account.json": ("P014", 6, 20, "Statement[0].Principal"),
    "p014_unknown_principal_type.json": ("P014", 6, 21, "Statement[0].Principal.Account"),
    "p015_missing_principal.json": ("P015", 10, 5, "Statement[1]"),
    "p016_en_dash.json": ("P016", 7, 59, "Statement[0].Resource"),
    # actions
    "a001_malformed_action.json": ("A001", 6, 17, "Statement[0].Action"),
    "a002_unknown_service.json": ("A002", 6, 17, "Statement[0].Action"),
    "a003_unknown_action.json": ("A003", 6, 17, "Statement[0].Action"),
    "a004_wildcard_matches_nothing.json": ("A004", 6, 17, "Statement[0].Action"),
    # ARNs and principals
    "r001_malformed_arn.json": ("R001", 7, 19, "Statement[0].Resource"),
    "r001_condition_arn_value.json": ("R001", 9, 38, "Statement[0].Condition.ArnLike.aws:SourceArn"),
    "r002_unknown_partition.json": ("R002", 7, 19, "Statement[0].Resource"),
    "r003_short_account_id.json": ("R003", 7, 19, "Statement[0].Resource"),
    "r004_group_principal.json": ("R004", 6, 28, "Statement[0].Principal.AWS"),
    "r005_bad_service_principal.json": ("R005", 6, 32, "Statement[0].Principal.Service"),
    "r006_federated_role_arn.json": ("R006", 6, 34, "Statement[0].Principal.Federated"),
    "r007_bad_region.json": ("R007", 7, 19, "Statement[0].Resource"),
    # conditions
    "c001_unknown_operator.json": ("C001", 9, 9, "Statement[0].Condition.StringEqual"),
    "c002_null_if_exists.json": ("C002", 9, 9, "Statement[0].Condition.NullIfExists"),
    "c003_key_without_prefix.json": ("C003", 9, 26, "Statement[0].Condition.StringEquals.SourceAccount"),
    "c004_unknown_global_key.json": ("C004", 9, 26, "Statement[0].Condition.StringEquals.aws:SourceAccountId"),
    "c005_unknown_service_key.json": ("C005", 9, 26, "Statement[0].Condition.StringEquals.s3:x-amz-acls"),
    "c006_bad_date.json": ("C006", 9, 45, "Statement[0].Condition.DateLessThan.aws:CurrentTime"),
    "c007_bad_cidr.json": ("C007", 9, 39, "Statement[0].Condition.IpAddress.aws:SourceIp"),
    "c008_bad_bool.json": ("C008", 9, 41, "Statement[0].Condition.Bool.aws:SecureTransport"),
    "c009_bad_number.json": ("C009", 9, 50, "Statement[0].Condition.NumericLessThanEquals.s3:max-keys"),
    "c010_bad_account_value.json": ("C010", 10, 47, "Statement[0].Condition.StringEquals.aws:SourceAccount"),
    "c011_bad_base64.json": ("C011", 9, 43, "Statement[0].Condition.BinaryEquals.aws:UserAgent"),
    # size
    "s001_identity_policy_too_large.json": ("S001", 1, 1, "(root)"),
    "s002_resource_policy_too_large.json": ("S002", 1, 1, "(root)"),
}

# Codes that only appear outside the corpus (CLI, forced policy mode, missing database).
CODES_TESTED_ELSEWHERE = {"P001", "A000", "F001", "F002"}


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


# --------------------------------------------------------------------------------------------------
# Corpus
# --------------------------------------------------------------------------------------------------


def test_corpus_size_and_table_match_the_files():
    assert len(VALID) >= 25
    assert len(INVALID) >= 30
    assert {p.name for p in INVALID} == set(EXPECTED)


def test_every_documented_code_is_exercised():
    documented = set(__import__("re").findall(r"\b([JPARCSF]\d{3})\b", iam_policy.__doc__))
    covered = {code for code, *_ in EXPECTED.values()} | CODES_TESTED_ELSEWHERE
    assert documented == covered


@pytest.mark.parametrize("path", VALID, ids=lambda p: p.name)
def test_valid_policy_has_no_findings(path):
    assert check_json(_read(path)) == []


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.name)
def test_invalid_policy_has_exactly_the_expected_finding(path):
    code, line, col, json_path = EXPECTED[path.name]
    findings = check_json(_read(path))
    assert len(findings) == 1, findings
    (finding,) = findings
    assert (finding.code, finding.line, finding.col) == (code, line, col), finding
    assert finding.message.startswith(f"{json_path}: "), finding.message


# --------------------------------------------------------------------------------------------------
# API details
# --------------------------------------------------------------------------------------------------

POLICY = """{
  "Version": "2012-10-17",
  "Statement": {"Effect": "Allow", "Action": "s3:GetObject", "Resource": "*"}
}"""


def test_policy_true_requires_an_object():
    assert check_json("[1, 2]", policy=True) == [
        Finding(1, 1, "P001", "(root): an IAM policy must be a JSON object, found a list")
    ]


def test_policy_none_only_checks_documents_with_a_statement():
    assert check_json('{"Version": "2012-10-18"}') == []
    assert sorted(f.code for f in check_json('{"Version": "2012-10-18"}', policy=True)) == ["P003", "P005"]


def test_policy_false_is_json_only():
    text = POLICY.replace("s3:GetObject", "s3:NoSuchAction")
    assert check_json(text, policy=False) == []
    assert [f.code for f in check_json(text)] == ["A003"]


def test_annotation_markers_keep_lines_and_columns():
    text = '{\n  "a": 1, // (1)!\n  "b": [1,]\n}'
    assert check_json(text) == [Finding(3, 10, "J004", "b[0]: trailing comma before ']'")]


def test_annotation_marker_inside_a_string_is_kept():
    text = '{"Sid": "x // (1)!"}'
    assert check_json(text, policy=False) == []
    assert check_json('{"a": "b"} # (1)!') == []


@pytest.mark.parametrize(
    ("text", "code", "col"),
    [
        ("", "J001", 1),
        ('{"a": "unterminated}', "J001", 7),
        ('{"a": 01}', "J001", 8),
        ('{"a": tru}', "J001", 7),
        ('{"a": "\\x"}', "J001", 8),
        ('{"a": 1} x', "J001", 10),
        ("{a: 1}", "J001", 2),
        ('{"a": Infinity}', "J006", 7),
        ('{"a": -Infinity}', "J006", 7),
        ('{"a": 1 /* c */}', "J003", 9),
        ("\ufeff{}", "J001", 1),
    ],
)
def test_json_errors(text, code, col):
    findings = check_json(text)
    assert findings and findings[0].code == code and findings[0].col == col, findings


def test_duplicate_key_names_the_first_occurrence():
    (finding,) = check_json('{\n"a": 1,\n"a": 2\n}')
    assert finding == Finding(3, 1, "J002", "a: duplicate key (first at line 2)")


def test_resource_policy_sid_may_contain_punctuation_but_must_be_unique():
    text = """{"Version": "2012-10-17", "Statement": [
      {"Sid": "a-1", "Effect": "Allow", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*"},
      {"Sid": "a-1", "Effect": "Deny", "Principal": "*", "Action": "sqs:SendMessage", "Resource": "*"}]}"""
    assert [f.code for f in check_json(text)] == ["P011"]


def test_operator_case_hint():
    text = POLICY.replace('"Resource": "*"', '"Resource": "*", "Condition": {"stringequals": {"aws:username": "a"}}')
    (finding,) = check_json(text)
    assert finding.code == "C001" and "did you mean 'StringEquals'" in finding.message


def test_account_keys_are_case_insensitive_and_accept_variables():
    condition = '"Condition": {"StringEquals": {"AWS:SOURCEACCOUNT": "%s"}}'
    bad = POLICY.replace('"Resource": "*"', '"Resource": "*", ' + condition % "1234")
    good = POLICY.replace('"Resource": "*"', '"Resource": "*", ' + condition % "${aws:PrincipalAccount}")
    assert [f.code for f in check_json(bad)] == ["C010"]
    assert check_json(good) == []


def test_missing_database_is_reported_once(monkeypatch):
    monkeypatch.setattr(iam_policy, "_DB", None)
    monkeypatch.setattr(iam_policy, "_DB_ERROR", None)
    monkeypatch.setattr(iam_policy, "_definition_path", lambda: None)
    text = POLICY.replace('"s3:GetObject"', '["s3:GetObject", "s3:PutObject"]')
    findings = check_json(text)
    assert [f.code for f in findings] == ["A000"]
    assert "policy_sentry is not installed" in findings[0].message


# --------------------------------------------------------------------------------------------------
# CLI
# --------------------------------------------------------------------------------------------------


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "iam_policy.py"), *args],
        capture_output=True,
        text=True,
    )


def test_cli_clean_file_exits_0():
    result = run_cli(str(VALID[0]))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_cli_prints_path_line_col_code_message():
    path = CORPUS / "invalid" / "a003_unknown_action.json"
    result = run_cli(str(path))
    assert result.returncode == 1
    assert result.stdout.startswith(f"{path}:6:17: A003 Statement[0].Action: ")


def test_cli_usage_exits_2():
    assert run_cli().returncode == 2
    assert run_cli("--bogus", "x.json").returncode == 2


def test_cli_unreadable_and_binary_files(tmp_path):
    binary = tmp_path / "blob.json"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes(b'{"a": "caf\xe9"}')
    result = run_cli(str(tmp_path / "missing.json"), str(tmp_path), str(binary), str(latin1))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert [line.split()[1] for line in lines] == ["F001", "F001", "F002", "F002"]


# --------------------------------------------------------------------------------------------------
# Property tests: the checker never raises
# --------------------------------------------------------------------------------------------------

JSON_ALPHABET = st.sampled_from(list("{}[]:,\"'\\/ \n\t*#!()0123456789-+.eEaArnNsSftlu") + ["\u2013", "\x00"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.text(alphabet=JSON_ALPHABET)), st.sampled_from([None, True, False]))
def test_random_text_never_raises(text, policy):
    result = check_json(text, policy)
    assert isinstance(result, list)
    assert all(isinstance(f, Finding) and f.line >= 1 and f.col >= 1 for f in result)


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.sampled_from(["*", "Allow", "Deny", "s3:Get*", "arn:aws:s3:::b", "123456789012", "true", "", "a:b"]),
    st.text(max_size=8),
)
KEYS = st.sampled_from(
    ["Version", "Statement", "Effect", "Action", "NotAction", "Resource", "Principal", "NotPrincipal",
     "Condition", "Sid", "AWS", "Service", "StringEquals", "Null", "ForAllValues:Bool", "aws:SourceIp",
     "DateLessThanIfExists", "x"]
)  # fmt: skip
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(KEYS, inner, max_size=4))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(KEYS, VALUES, max_size=4))
def test_random_policy_shapes_never_raise(document):
    import json

    result = check_json(json.dumps(document), policy=True)
    assert isinstance(result, list)


def test_index_cache_is_written_reused_and_rebuilt_when_corrupt(monkeypatch, tmp_path):
    definition = iam_policy._definition_path()
    assert definition is not None
    cache = tmp_path / "__pycache__" / "iam_policy_index.test.json"
    monkeypatch.setattr(iam_policy, "_cache_file", lambda _definition: cache)
    fresh = iam_policy._load_index(definition)
    assert cache.is_file()
    assert "getobject" in fresh["actions"]["s3"]
    assert iam_policy._load_index(definition) == fresh
    cache.write_text("{not json", encoding="utf-8")
    assert iam_policy._load_index(definition) == fresh
    assert iam_policy._load_index(definition) == fresh


def test_index_cache_is_optional(monkeypatch, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setattr(iam_policy, "_cache_file", lambda _definition: blocker / "sub" / "index.json")
    index = iam_policy._load_index(iam_policy._definition_path())
    assert "s3" in index["actions"]
