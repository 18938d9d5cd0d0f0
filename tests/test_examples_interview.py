"""Tests for the interview-bank samples in examples/interview/ and examples/iam/s3-process-policy.json.

closest_to_zero.py is checked against O(n^2) / brute-force versions with hypothesis;
s3_process.py runs against moto (no real AWS, fake credentials).
"""

from __future__ import annotations

import concurrent.futures
import itertools
import json
import math
import multiprocessing
import sys
import threading
from collections import Counter
from pathlib import Path

import boto3
import pytest
from conftest import ROOT, load_example
from hypothesis import given, settings
from hypothesis import strategies as st
from moto import mock_aws

EXAMPLES = ROOT / "examples"

ctz = load_example("examples/interview/closest_to_zero.py")
s3p = load_example("examples/interview/s3_process.py")

# ---------------------------------------------------------------- closest to zero

ints = st.integers(min_value=-(10**6), max_value=10**6)
arrays = st.lists(ints, min_size=2, max_size=60)


def brute_pair_abs_sum(nums):
    """O(n^2): smallest |a[i] + a[j]| over all pairs of different positions."""
    return min(abs(a + b) for a, b in itertools.combinations(nums, 2))


def brute_two_smallest_abs(nums):
    return sorted(abs(x) for x in nums)[:2]


def is_sub_multiset(items, nums):
    return not Counter(items) - Counter(nums)


@settings(max_examples=500, deadline=None)
@given(arrays)
def test_pair_sum_matches_brute_force(nums):
    pair = ctz.pair_sum_closest_to_zero(nums)
    assert is_sub_multiset(pair, nums)
    assert abs(pair[0] + pair[1]) == brute_pair_abs_sum(nums)


@settings(max_examples=500, deadline=None)
@given(arrays)
def test_two_smallest_abs_matches_brute_force(nums):
    pair = ctz.two_smallest_abs(nums)
    assert is_sub_multiset(pair, nums)
    assert sorted(abs(x) for x in pair) == brute_two_smallest_abs(nums)
    assert abs(pair[0]) <= abs(pair[1])


@settings(max_examples=500, deadline=None)
@given(st.lists(ints, min_size=1, max_size=60))
def test_nearest_each_side_matches_brute_force(nums):
    negatives = [x for x in nums if x < 0]
    positives = [x for x in nums if x > 0]
    expected = (max(negatives) if negatives else None, min(positives) if positives else None)
    assert ctz.nearest_each_side(nums) == expected


def test_worked_example_readings_differ():
    nums = [-8, 1, 5, 7, -6]
    pair = ctz.pair_sum_closest_to_zero(nums)
    assert abs(sum(pair)) == 1  # (-8, 7), (5, -6) and (-6, 7) all tie
    assert pair == (-8, 7)  # the first pair the two pointers meet
    assert ctz.two_smallest_abs(nums) == (1, 5)
    assert ctz.nearest_each_side(nums) == (-6, 1)


@pytest.mark.parametrize(
    ("nums", "best_abs_sum"),
    [
        ([0, 0], 0),  # two zeros sum to exactly zero
        ([3, 7, 13, 19], 10),  # all positive: the two smallest
        ([-3, -7, -13], 10),  # all negative: the two largest
        ([5, 5, -5], 0),  # duplicates
        ([2, -2], 0),  # exactly two items
        ([10**18, -(10**18) + 1, 4], 1),  # big ints are exact in Python
    ],
)
def test_pair_sum_edge_cases(nums, best_abs_sum):
    pair = ctz.pair_sum_closest_to_zero(nums)
    assert abs(sum(pair)) == best_abs_sum


def test_two_smallest_abs_edge_cases():
    assert ctz.two_smallest_abs([3, 7, 13, 19]) == (3, 7)  # the notes' example
    assert sorted(ctz.two_smallest_abs([-1, 1, 2])) == [-1, 1]  # tie on |x|
    assert ctz.two_smallest_abs([0, 0, 4]) == (0, 0)


def test_nearest_each_side_edge_cases():
    assert ctz.nearest_each_side([0, 0]) == (None, None)  # zero is on neither side
    assert ctz.nearest_each_side([4, 2, 9]) == (None, 2)
    assert ctz.nearest_each_side([-4, -2]) == (-2, None)


def test_floats_are_accepted():
    assert ctz.pair_sum_closest_to_zero([0.5, -0.25, 3.0]) == (-0.25, 0.5)


@pytest.mark.parametrize("func", [ctz.pair_sum_closest_to_zero, ctz.two_smallest_abs])
@pytest.mark.parametrize("bad", [[], [1], None, "12", [1, "2"], [True, 1], [math.nan, 1], [math.inf, 1]])
def test_bad_input_raises_value_error(func, bad):
    with pytest.raises(ValueError):
        func(bad)


@pytest.mark.parametrize("bad", [[], None, [None], [1, math.nan]])
def test_nearest_each_side_bad_input(bad):
    with pytest.raises(ValueError):
        ctz.nearest_each_side(bad)


def test_error_message_is_clear():
    with pytest.raises(ValueError, match="at least 2 numbers, got 1"):
        ctz.pair_sum_closest_to_zero([4])


# ---------------------------------------------------------------- S3 process script

SRC = "amzn-s3-demo-bucket1"
DST = "amzn-s3-demo-bucket2"


@pytest.fixture
def s3(aws_env):
    with mock_aws():
        client = boto3.client("s3", region_name="us-east-1")
        client.create_bucket(Bucket=SRC)
        client.create_bucket(Bucket=DST)
        client.put_object(Bucket=SRC, Key="incoming/", Body=b"")  # folder marker
        client.put_object(Bucket=SRC, Key="incoming/a.txt", Body=b"hello")
        client.put_object(Bucket=SRC, Key="incoming/2026/b.txt", Body=b"world")
        client.put_object(Bucket=SRC, Key="other/c.txt", Body=b"not mine")
        yield client


def _body(client, bucket, key):
    return client.get_object(Bucket=bucket, Key=key)["Body"].read()


def _keys(client, bucket):
    return sorted(s3p.list_keys(client, bucket, ""))


def test_process_prefix_writes_transformed_objects(s3):
    written = s3p.process_prefix(s3, SRC, "incoming/", DST, "processed/", s3p.uppercase_text)
    assert sorted(written) == ["processed/2026/b.txt", "processed/a.txt"]
    assert _body(s3, DST, "processed/a.txt") == b"HELLO"
    assert _body(s3, DST, "processed/2026/b.txt") == b"WORLD"
    assert _keys(s3, DST) == ["processed/2026/b.txt", "processed/a.txt"]  # nothing else


def test_process_prefix_is_idempotent(s3):
    s3.put_object(Bucket=DST, Key="processed/a.txt", Body=b"done earlier")
    first = s3p.process_prefix(s3, SRC, "incoming/", DST, "processed/", s3p.uppercase_text)
    assert first == ["processed/2026/b.txt"]
    assert _body(s3, DST, "processed/a.txt") == b"done earlier"  # not overwritten
    second = s3p.process_prefix(s3, SRC, "incoming/", DST, "processed/", s3p.uppercase_text)
    assert second == []


def test_process_prefix_uses_custom_transform(s3):
    def reverse_bytes(source: Path, target: Path) -> None:
        target.write_bytes(source.read_bytes()[::-1])

    s3p.process_prefix(s3, SRC, "incoming/", DST, "out/", reverse_bytes)
    assert _body(s3, DST, "out/a.txt") == b"olleh"


def test_list_keys_follows_pagination(s3):
    for number in range(1005):
        s3.put_object(Bucket=SRC, Key=f"many/{number:04d}.txt", Body=b"x")
    assert len(list(s3p.list_keys(s3, SRC, "many/"))) == 1005


def test_main_uses_default_credential_chain(s3, capsys):
    assert s3p.main([SRC, "incoming/", DST, "processed/"]) == 0
    assert "2 object(s) written" in capsys.readouterr().out
    assert _body(s3, DST, "processed/a.txt") == b"HELLO"


def test_policy_matches_script_prefixes():
    policy = json.loads((EXAMPLES / "iam" / "s3-process-policy.json").read_text())
    assert policy["Version"] == "2012-10-17"
    by_sid = {statement["Sid"]: statement for statement in policy["Statement"]}
    assert by_sid["ReadSourceObjects"]["Resource"] == f"arn:aws:s3:::{SRC}/incoming/*"
    assert by_sid["WriteDestinationObjects"]["Resource"] == f"arn:aws:s3:::{DST}/processed/*"
    assert by_sid["ListSourcePrefix"]["Condition"]["StringLike"]["s3:prefix"] == "incoming/*"
    actions = {statement["Action"] for statement in policy["Statement"]}
    assert actions == {"s3:ListBucket", "s3:GetObject", "s3:PutObject"}  # nothing broader
    assert all(statement["Effect"] == "Allow" for statement in policy["Statement"])


# ---------------------------------------------------------------- parallel.py (Q2a.b, Q2a.c)

par = load_example("examples/interview/parallel.py")


def test_run_with_deadline_collects_results_errors_and_timeouts():
    release = threading.Event()

    def work(item):
        if item == "stuck":
            release.wait(10)  # simulates a hung network call
            return "late"
        if item == "bad":
            raise ValueError("bad item")
        return item.upper()

    try:
        results, errors = par.run_with_deadline(work, ["a", "b", "bad", "stuck"], max_workers=4, timeout=0.5)
    finally:
        release.set()  # let the background thread end
    assert results == {"a": "A", "b": "B"}
    assert isinstance(errors["bad"], ValueError)
    assert isinstance(errors["stuck"], TimeoutError)
    assert set(errors) == {"bad", "stuck"}


def test_timeout_exception_classes():
    if sys.version_info >= (3, 11):
        # Since 3.11 these are aliases of the built-in TimeoutError.
        assert concurrent.futures.TimeoutError is TimeoutError
    # multiprocessing's own TimeoutError (AsyncResult.get) is a different class.
    assert not issubclass(multiprocessing.TimeoutError, TimeoutError)


# ---------------------------------------------------------------- lambda_function.py (Q4a, Q4b)

lam = load_example("examples/interview/lambda_function.py")


class FakeContext:
    """The attributes and method of the Lambda context object that the handler uses."""

    function_name = "my-function"
    aws_request_id = "c6af9ac6-7b61-11e6-9a41-93e812345678"
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:my-function"

    def get_remaining_time_in_millis(self):
        return 3000


def test_lambda_handler_greets():
    response = lam.lambda_handler({"name": "Ada"}, FakeContext())
    assert response["statusCode"] == 200
    assert json.loads(response["body"]) == {"message": "Hello, Ada!"}


@pytest.mark.parametrize("event", [{}, {"name": ""}, None, ["Ada"]])
def test_lambda_handler_rejects_bad_event(event):
    response = lam.lambda_handler(event, FakeContext())
    assert response["statusCode"] == 400
    assert "name" in json.loads(response["body"])["error"]
