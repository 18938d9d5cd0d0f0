"""Fan I/O-bound work out to threads and collect the results before a deadline.

Python cannot kill a thread from outside, so the only safe way to handle a
"stuck" worker is to stop waiting for it: give the whole batch a deadline,
report what did not finish, and let the request return in time.
"""

from __future__ import annotations

import concurrent.futures
from collections.abc import Callable, Hashable, Iterable
from typing import Any


def run_with_deadline(
    func: Callable[[Any], Any],
    items: Iterable[Hashable],
    *,
    max_workers: int = 8,
    timeout: float = 5.0,
) -> tuple[dict[Hashable, Any], dict[Hashable, BaseException]]:
    """Call func(item) for every item in a thread pool; wait at most `timeout` seconds.

    Returns (results, errors). An item whose call raised maps to that exception
    in errors; an item still running at the deadline maps to a TimeoutError.
    """
    results: dict[Hashable, Any] = {}
    errors: dict[Hashable, BaseException] = {}
    executor = concurrent.futures.ThreadPoolExecutor(max_workers=max_workers)
    try:
        futures = {executor.submit(func, item): item for item in items}
        done, not_done = concurrent.futures.wait(futures, timeout=timeout)
        for future in done:
            item = futures[future]
            error = future.exception()
            if error is None:
                results[item] = future.result()
            else:
                errors[item] = error
        for future in not_done:
            future.cancel()  # only stops work that has not started yet
            errors[futures[future]] = TimeoutError(f"no result within {timeout} s")
    finally:
        # Do not block on stuck threads; they finish (or hang) in the background.
        executor.shutdown(wait=False, cancel_futures=True)
    return results, errors
