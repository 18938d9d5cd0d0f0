#!/usr/bin/env python3
"""Time the IAM policy checker: a fresh interpreter imports scripts/iam_policy.py and checks
100 policies (the valid corpus under tests/iam_corpus/valid, cycled). Prints the timings.

Budget: "100 policies check in under a second, import included". Not a pytest test on purpose:
wall-clock assertions are flaky on shared CI machines.

    .venv/bin/python scripts/bench_iam.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "iam_corpus" / "valid"

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
sys.path.insert(0, sys.argv[1])
import iam_policy
t1 = time.perf_counter()
texts = json.loads(sys.stdin.read())
findings = sum(len(iam_policy.check_json(t)) for t in texts)
t2 = time.perf_counter()
print(json.dumps({"import": t1 - t0, "check": t2 - t1, "total": t2 - t0, "findings": findings}))
"""


def policies(count: int = 100) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.json"))]
    if not texts:
        sys.exit(f"no policies in {CORPUS}")
    return [texts[i % len(texts)] for i in range(count)]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    payload = json.dumps(policies())
    results = []
    for _ in range(args.runs):
        start = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(ROOT / "scripts")],
            input=payload,
            capture_output=True,
            text=True,
            check=True,
        )
        wall = time.perf_counter() - start
        result = json.loads(out.stdout)
        result["process"] = wall
        results.append(result)
        print(
            f"import {result['import'] * 1000:6.1f} ms   check 100 policies {result['check'] * 1000:6.1f} ms"
            f"   import+check {result['total'] * 1000:6.1f} ms   whole process {wall * 1000:6.1f} ms"
            f"   findings {result['findings']}"
        )
    best = min(r["total"] for r in results)
    worst = max(r["process"] for r in results)
    print(f"best import+check: {best * 1000:.1f} ms; slowest whole process: {worst * 1000:.1f} ms")
    return 0 if worst < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
