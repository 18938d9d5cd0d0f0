"""Structural checks for an Amazon States Language (ASL) definition, before you deploy it.

Step Functions validates a definition when you create the state machine; these checks run
offline in a unit test and explain the problem in plain words: a Next that points nowhere,
a state nothing reaches, a state with neither Next nor End, a retrier that can never run.
"""

from __future__ import annotations

from collections.abc import Iterator

TERMINAL = {"Succeed", "Fail"}
CAN_RETRY = {"Task", "Parallel", "Map"}
JITTER = {"FULL", "NONE"}


def _targets(state: dict) -> Iterator[str]:
    """Every state name this state can move to."""
    if "Next" in state:
        yield state["Next"]
    if "Default" in state:
        yield state["Default"]
    for choice in state.get("Choices", []):
        yield choice["Next"]
    for catcher in state.get("Catch", []):
        yield catcher["Next"]


def _error_lists(name: str, kind: str, entries: list[dict]) -> list[str]:
    problems = []
    for n, entry in enumerate(entries):
        errors = entry.get("ErrorEquals") or []
        if not errors:
            problems.append(f"{name}: {kind}[{n}] has an empty ErrorEquals")
        if "States.ALL" in errors and (len(errors) > 1 or n != len(entries) - 1):
            problems.append(f"{name}: States.ALL must be alone and in the last {kind} entry")
    return problems


def _retriers(name: str, retriers: list[dict]) -> list[str]:
    problems = _error_lists(name, "Retry", retriers)
    for n, r in enumerate(retriers):
        where = f"{name}: Retry[{n}]"
        interval, attempts = r.get("IntervalSeconds", 1), r.get("MaxAttempts", 3)
        if not isinstance(attempts, int) or attempts < 0:
            problems.append(f"{where} MaxAttempts must be an integer >= 0 (0 means never retry)")
        if not isinstance(interval, int) or interval < 1:
            problems.append(f"{where} IntervalSeconds must be an integer >= 1")
        if r.get("BackoffRate", 2.0) < 1.0:
            problems.append(f"{where} BackoffRate must be >= 1.0")
        if "MaxDelaySeconds" in r and isinstance(interval, int) and r["MaxDelaySeconds"] < interval:
            problems.append(f"{where} MaxDelaySeconds is below IntervalSeconds")
        if r.get("JitterStrategy", "NONE") not in JITTER:
            problems.append(f"{where} JitterStrategy must be FULL or NONE")
    return problems


def problems(machine: dict, path: str = "") -> list[str]:
    """All problems found in a state machine (or a Map/Parallel branch); empty means it looks sound."""
    states: dict[str, dict] = machine.get("States", {})
    found: list[str] = []
    start = machine.get("StartAt")
    if start not in states:
        return [f"{path}StartAt {start!r} is not a state"]

    for name, state in states.items():
        label, kind = f"{path}{name}", state.get("Type")
        for target in _targets(state):
            if target not in states:
                found.append(f"{label}: transition to missing state {target!r}")
        ends = state.get("End") is True
        if kind in TERMINAL or kind == "Choice":
            if "Next" in state or ends:
                found.append(f"{label}: a {kind} state takes no Next or End")
        elif ends == ("Next" in state):
            found.append(f"{label}: needs exactly one of Next or End")
        if kind == "Choice" and not state.get("Choices"):
            found.append(f"{label}: a Choice state needs at least one rule")
        if ("Retry" in state or "Catch" in state) and kind not in CAN_RETRY:
            found.append(f"{label}: only Task, Parallel and Map states take Retry or Catch")
        found += _retriers(label, state.get("Retry", []))
        found += _error_lists(label, "Catch", state.get("Catch", []))
        for n, branch in enumerate(state.get("Branches", [])):
            found += problems(branch, f"{label}/Branches[{n}]/")
        processor = state.get("ItemProcessor") or state.get("Iterator")
        if processor:
            found += problems(processor, f"{label}/ItemProcessor/")

    reachable, todo = set(), [start]
    while todo:
        name = todo.pop()
        if name in reachable or name not in states:
            continue
        reachable.add(name)
        todo.extend(_targets(states[name]))
    found += [f"{path}{name}: not reachable from StartAt" for name in states if name not in reachable]
    if not any(s.get("Type") in TERMINAL or s.get("End") is True for s in states.values()):
        found.append(f"{path}(machine): no terminal state (Succeed, Fail or End: true)")
    return found
