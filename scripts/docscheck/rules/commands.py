"""AWS CLI commands: every `aws ...` in shell and console fences and in inline code spans matches botocore."""

from __future__ import annotations

import re

from ..config import Config
from ..index import Index
from ..problems import Problem
from ..source import Document


def commands(docs) -> list:
    """Every command found in the documents, once per place (an included file counts once)."""
    from ..awscli import Command, aws_commands, block_commands

    found = []
    for doc in docs:
        for fence in doc.fences:
            found += block_commands(fence)
        for span in doc.spans:
            code = re.sub(r"^#!(?:bash|sh|shell|console)\s+", "", span.code)
            if code.startswith("aws "):
                found += [Command(span.line, code, tuple(c), mention=True) for c in aws_commands(code)]
    unique = {(c.line.path, c.line.lineno, c.tokens): c for c in found}
    return sorted(unique.values(), key=lambda c: (c.line.path, c.line.lineno))


def check(config: Config, index: Index) -> list[Problem]:
    return check_documents(index.targets)


def check_documents(docs: tuple[Document, ...]) -> list[Problem]:
    from ..awscli import check as check_command

    problems = []
    for command in commands(docs):
        for code, message in check_command(list(command.tokens), command.mention):
            problems.append(command.line.problem(1 + command.line.col0, code, f"{message}: {command.text[:80]}"))
    return problems
