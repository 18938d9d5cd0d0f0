"""What every rule works on: the parsed document, its policy type, the findings so far, and helpers
to read values and to report a finding at a node."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

from . import data as iamdata
from .findings import IamFinding
from .parse import Member, Node, Parser
from .reference import TRUST_POLICY

__all__ = ["Context", "Statement", "kind", "show", "VARIABLE"]

# A well-formed policy variable: ${prefix:key}, optionally with a default value, or ${*} ${?} ${$}.
VARIABLE = re.compile(r"\$\{(?:[*?$]|[A-Za-z0-9.-]+:[A-Za-z0-9_/.:+=,@-]+(?:, ?'[^']*')?)\}")


def kind(node: Node) -> str:
    return {"object": "an object", "array": "a list", "string": "a string", "number": "a number",
            "bool": "a boolean", "null": "null"}[node.kind]  # fmt: skip


def show(node: Node) -> str:
    return json.dumps(node.value) if node.kind in ("string", "number", "bool", "null") else kind(node)


@dataclass
class Statement:
    node: Node
    path: str
    members: dict[str, Member]

    @property
    def effect(self) -> str | None:
        m = self.members.get("Effect")
        return m.node.value if m is not None and m.node.kind == "string" else None  # type: ignore[return-value]

    def has(self, *names: str) -> bool:
        return any(n in self.members for n in names)


class Context:
    def __init__(self, parser: Parser, root: Node, policy_type: str, resource_type: str | None):
        self.parser = parser
        self.root = root
        self.policy_type = policy_type  # identity | resource | service-control | resource-control
        self.resource_type = resource_type
        self.findings = parser.findings
        self.statements: list[Statement] = []
        self.version: str | None = None
        self._data: iamdata.IamData | None = None
        self._data_error: str | None = None

    @property
    def is_trust(self) -> bool:
        return self.resource_type == TRUST_POLICY

    def add(self, where: Node | Member, code: str, path: str, message: str) -> None:
        line, col = self.parser.pos(where.start)
        self.findings.append(IamFinding(line, col, code, f"{path}: {message}", path))

    def add_at(self, offset: int, code: str, path: str, message: str) -> None:
        line, col = self.parser.pos(offset)
        self.findings.append(IamFinding(line, col, code, f"{path}: {message}", path))

    def data(self, where: Node, path: str) -> iamdata.IamData | None:
        """AWS's data, or None (reported once as IAM009) when it cannot be loaded."""
        if self._data is None and self._data_error is None:
            try:
                self._data = iamdata.load()
            except iamdata.DataUnavailable as exc:
                self._data_error = str(exc)
                self.add(where, "IAM009", path, f"cannot check actions and keys: {exc}")
        return self._data

    def strings(self, member: Member, path: str) -> list[tuple[str, Node, str]]:
        """A string or a non-empty list of strings, as (value, node, path) items; else IAM113."""
        node = member.node
        if node.kind == "string":
            return [(node.value, node, path)]  # type: ignore[list-item]
        if node.kind == "array":
            if not node.value:
                self.add(node, "IAM113", path, "must not be an empty list")
            out = []
            for n, item in enumerate(node.value):  # type: ignore[arg-type]
                if item.kind == "string":
                    out.append((item.value, item, f"{path}[{n}]"))
                else:
                    self.add(item, "IAM113", f"{path}[{n}]", f"expected a string, found {kind(item)}")
            return out
        self.add(node, "IAM113", path, f"expected a string or a list of strings, found {kind(node)}")
        return []

    def distinct_strings(self, member: Member, path: str, fold=lambda value: value) -> list[tuple[str, Node, str]]:
        """strings(), with IAM901 for a value listed twice (compared after `fold`); each value once."""
        seen: set[str] = set()
        out = []
        for value, node, item_path in self.strings(member, path):
            if fold(value) in seen:
                self.add(node, "IAM901", item_path, f"{value!r} is listed twice")
                continue
            seen.add(fold(value))
            out.append((value, node, item_path))
        return out

    def values(self, statement: Statement, name: str) -> list[str]:
        """The string values of an element, without reporting anything (for cross-element rules)."""
        member = statement.members.get(name)
        if member is None:
            return []
        node = member.node
        items = node.value if node.kind == "array" else [node]
        return [i.value for i in items if i.kind == "string"]  # type: ignore[union-attr, misc]

