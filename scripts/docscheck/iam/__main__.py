"""python -m docscheck.iam [--policy-type T] [--resource-type R] FILE.json... : check IAM policy files.

Prints PATH:LINE:COL: CODE severity: message per finding. Exit status 0 when no finding is an error
or a security warning, 1 otherwise or when a file cannot be read, 2 on bad usage.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .codes import BY_CODE
from .policy import check_policy
from .reference import POLICY_TYPES, RESOURCE_TYPES


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m docscheck.iam", description=__doc__.splitlines()[0])
    parser.add_argument("--policy-type", choices=POLICY_TYPES, help="default: inferred from each document")
    parser.add_argument(
        "--resource-type",
        choices=sorted(RESOURCE_TYPES),
        metavar="RESOURCE_TYPE",
        help="with --policy-type resource, e.g. AWS::S3::Bucket",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE.json")
    args = parser.parse_args(argv)
    failed = False
    for path in args.files:
        try:
            data = path.read_bytes()
        except OSError as exc:
            print(f"{path}:1:1: IAM000 error: cannot read file: {exc.strerror or exc}")
            failed = True
            continue
        try:
            if b"\0" in data:
                raise UnicodeDecodeError("utf-8", data, data.index(b"\0"), data.index(b"\0") + 1, "NUL byte")
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            print(f"{path}:1:1: IAM000 error: not a UTF-8 text file ({exc.reason} at byte {exc.start})")
            failed = True
            continue
        policy_type = args.policy_type or ("resource" if args.resource_type else None)
        for f in check_policy(text, policy_type=policy_type, resource_type=args.resource_type):
            severity = BY_CODE[f.code].severity
            print(f"{path}:{f.line}:{f.col}: {f.code} {severity.value}: {f.message}")
            failed = failed or severity.fails
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
