"""Check the documentation site without building it: links, anchors, nav, published anchors,
JSON and IAM policies, AWS CLI commands and Python blocks.

    python scripts/check_docs.py [--config mkdocs.yml] [--update-anchors] [PATH ...]
    python scripts/check_docs.py --policy-type TYPE [--resource-type TYPE] FILE.json ...
    python scripts/check_docs.py --list-codes | --explain CODE

Without PATH the whole site configured by mkdocs.yml is checked. PATH may be .md files or folders
(only those are checked) or .json files (checked as IAM policies). Each finding is one line,
PATH:LINE:COL: CODE message, with PATH relative to the config file's folder (an included file is
named with the page that includes it); a summary line comes last. Exit status: 0 clean (warnings
and suggestions may be printed), 1 errors or security warnings, 2 usage or configuration error.
The work is done by the docscheck package (scripts/docscheck/): this file is arguments and output.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from docscheck import anchors, check, registry
from docscheck import config as configuration
from docscheck import index as indexing
from docscheck.rules.policies import POLICY_TYPES


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--config", default="mkdocs.yml", type=Path, help="mkdocs.yml to use")
    parser.add_argument("--update-anchors", action="store_true", help="add new published anchors")
    parser.add_argument("--list-codes", action="store_true", help="print every code: code, severity, title")
    parser.add_argument("--explain", metavar="CODE", help="print what a code means and how to fix it")
    parser.add_argument("--policy-type", choices=POLICY_TYPES, help="check the .json PATHs as this policy type")
    parser.add_argument("--resource-type", help="resource type of the policies, e.g. AWS::S3::Bucket")
    parser.add_argument("paths", nargs="*", type=Path, help=".md files, folders or .json files")
    return parser.parse_args(argv)


def list_codes() -> int:
    for entry in registry.CODES.values():
        print(f"{entry.code:8} {entry.severity.value:17} {entry.title}")
    return 0


def explain(code: str) -> int:
    entry = registry.CODES.get(code.upper())
    if entry is None:
        print(f"check_docs: no such code {code!r} (see --list-codes)")
        return 2
    print(f"{entry.code} ({entry.severity.value}): {entry.title}\n\n{entry.help}")
    return 0


def run(args: argparse.Namespace) -> tuple[check.Result, str]:
    bad = [str(p) for p in args.paths if not p.is_dir() and (p.suffix not in (".md", ".json") or not p.exists())]
    if bad:
        raise configuration.ConfigError(f"not an existing .md or .json file, nor a folder: {', '.join(bad)}")
    policies = [p for p in args.paths if p.suffix == ".json"]
    if (args.policy_type or args.resource_type) and len(policies) != len(args.paths or [None]):
        raise configuration.ConfigError("--policy-type and --resource-type need .json files only")
    if policies and len(policies) == len(args.paths):
        root = args.config.resolve().parent if args.config.is_file() else Path.cwd()
        return check.check_policy_files(policies, root, args.policy_type, args.resource_type), ""
    if policies:
        raise configuration.ConfigError("check .json files on their own, not with pages")
    config = configuration.load(args.config)
    if args.update_anchors and (args.paths or not config.anchors_file):
        raise configuration.ConfigError("--update-anchors needs the whole site and "
                                        "extra.check_docs.published_anchors in the config")
    index = indexing.build(config, args.paths or None)
    note = ""
    if args.update_anchors:
        note = f"{config.rel(config.anchors_file)}: added {anchors.update(config, index)} entries"
        index = indexing.build(config)
    return check.run(config, args.paths or None, index), note


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.list_codes:
        return list_codes()
    if args.explain:
        return explain(args.explain)
    started = time.perf_counter()
    try:
        result, note = run(args)
    except configuration.ConfigError as exc:
        print(f"{args.config}:1:1: C001 {' '.join(str(exc).split())}")
        print("check_docs: configuration error, nothing checked")
        return 2
    if note:
        print(note)
    for problem in result.problems:
        print(problem)
    failing = [p for p in result.problems if registry.severity(p.code).fails]
    files = len({p.path for p in result.problems})
    verdict = f"{len(result.problems)} problems in {files} files" if result.problems else "no problems"
    if result.problems and not failing:
        verdict += " (none fails the check)"
    elapsed = time.perf_counter() - started
    print(f"check_docs: {verdict} ({result.files} files checked in {elapsed:.2f} s)")
    return 1 if failing else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as exc:  # last resort: one line, never a traceback
        print(f"check_docs: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(2)
