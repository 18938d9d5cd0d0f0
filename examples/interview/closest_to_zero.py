"""Three readings of "find the two numbers closest to zero".

A. pair_sum_closest_to_zero: the pair (i != j) whose sum is closest to 0.
B. two_smallest_abs: the two elements with the smallest absolute value.
C. nearest_each_side: the largest negative and the smallest positive number.

Every function accepts a sequence of int or float values and raises ValueError
with a clear message on bad input (too few items, bool, NaN, infinity, text ...).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

Number = int | float


def _validate(nums: Sequence[Number], minimum: int) -> list[Number]:
    """Return nums as a list, or raise ValueError saying what is wrong."""
    if isinstance(nums, (str, bytes)) or not isinstance(nums, Sequence):
        raise ValueError(f"expected a list of numbers, got {type(nums).__name__}")
    values = list(nums)
    if len(values) < minimum:
        raise ValueError(f"need at least {minimum} numbers, got {len(values)}")
    for position, value in enumerate(values):
        # bool is a subclass of int; True + False is not a meaningful input here.
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise ValueError(f"item {position} is not a number: {value!r}")
        if isinstance(value, float) and not math.isfinite(value):
            raise ValueError(f"item {position} is not a finite number: {value!r}")
    return values


def pair_sum_closest_to_zero(nums: Sequence[Number]) -> tuple[Number, Number]:
    """Reading A: two elements (different positions) whose sum is closest to zero.

    Sort, then move two pointers towards each other: a negative sum needs a
    bigger left value, a positive sum needs a smaller right value.
    Time O(n log n) for the sort, O(1) extra space besides the sorted copy.
    Ties: the first pair found wins; the pair comes back in ascending order.
    """
    values = sorted(_validate(nums, 2))
    left, right = 0, len(values) - 1
    best = (values[left], values[right])
    while left < right:
        total = values[left] + values[right]
        if abs(total) < abs(best[0] + best[1]):
            best = (values[left], values[right])
        if total == 0:
            break  # cannot do better than an exact zero
        if total < 0:
            left += 1
        else:
            right -= 1
    return best


def two_smallest_abs(nums: Sequence[Number]) -> tuple[Number, Number]:
    """Reading B: the two elements with the smallest absolute values.

    One pass that keeps the best two seen so far. Time O(n), space O(1).
    The result is ordered by absolute value; on equal absolute values the
    element that appears first in the input comes first.
    """
    values = _validate(nums, 2)
    first, second = values[0], values[1]
    if abs(second) < abs(first):
        first, second = second, first
    for value in values[2:]:
        if abs(value) < abs(first):
            first, second = value, first
        elif abs(value) < abs(second):
            second = value
    return first, second


def nearest_each_side(nums: Sequence[Number]) -> tuple[Number | None, Number | None]:
    """Reading C: (largest negative number, smallest positive number).

    Zero is on neither side and is skipped. A side with no number gives None.
    One pass. Time O(n), space O(1).
    """
    values = _validate(nums, 1)
    below: Number | None = None
    above: Number | None = None
    for value in values:
        if value < 0 and (below is None or value > below):
            below = value
        elif value > 0 and (above is None or value < above):
            above = value
    return below, above


if __name__ == "__main__":
    example = [-8, 1, 5, 7, -6]
    print("A pair with sum closest to 0:", pair_sum_closest_to_zero(example))
    print("B two smallest |x|:", two_smallest_abs(example))
    print("C nearest on each side:", nearest_each_side(example))
