"""Map a function over items in forked worker processes, when the machine has idle CPUs to spare.

Workers inherit `state` through fork (nothing big is pickled); only the results travel back. On a
busy machine (load average at or above the CPU count) forking only adds work, so the map runs here.
"""

from __future__ import annotations

import multiprocessing
import os

_STATE = None  # what the forked workers see


def spare_workers(limit: int = 4) -> int:
    cpus = os.cpu_count() or 1
    try:
        idle = cpus - int(os.getloadavg()[0])
    except OSError:
        idle = cpus
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(limit, cpus, idle))


def _call(job):
    func, item = job
    return func(_STATE, item)


def map_forked(func, state, items: list, limit: int = 4, chunksize: int = 1) -> list:
    """[func(state, item) for item in items], in forked workers when there are idle CPUs."""
    global _STATE
    workers = min(spare_workers(limit), len(items))
    if workers < 2:
        return [func(state, item) for item in items]
    _STATE = state
    try:
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            return pool.map(_call, [(func, item) for item in items], chunksize=chunksize)
    finally:
        _STATE = None
