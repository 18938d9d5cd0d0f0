"""Check `aws ...` commands against the service models in botocore, as the AWS CLI v2 parser would.

The AWS CLI v2 is not on PyPI, so instead of running it we check what its parser would check:
service, operation (or waiter), options, required parameters, enum values, the outfile
positional of streaming operations, and the v2 rule that a blob parameter given as text needs
`--cli-binary-format raw-in-base64-out`.

A `…` (or `...`) token marks a shortened command, and a value containing one a shortened value:
options are still checked, but missing parameters, positional arguments and shortened values are
not. An inline code span in prose is a mention (`aws s3 sync`, `--timeout`): its service,
operation, option names and given values are checked, not its completeness. A `<placeholder>`
service or operation (`aws <service> <operation>`) marks a syntax template and is not checked.
"""

from __future__ import annotations

import base64
import binascii
import difflib
import functools
import re
import shlex
from dataclasses import dataclass, field

from botocore import xform_name
from botocore.exceptions import DataNotFoundError
from botocore.loaders import create_loader
from botocore.model import ServiceModel

from .source import Fence, SourceLine

SHELL_LANGS = {"bash", "sh", "shell", "zsh"}
CONSOLE_LANGS = {"console"}  # only lines starting with `$ ` are commands
ELLIPSES = {"…", "..."}
UNPARSABLE = "\0unparsable"
SHELL_PREFIXES = {"do", "then", "else", "time", "sudo", "exec", "!", "if", "while", "until"}
SEPARATOR = re.compile(r"^(?:&&|\|\||\||;|;;|&|\(|\))$")
PLACEHOLDER = re.compile(r"<([A-Za-z][\w.-]*)>")
REDIRECT = re.compile(r"^(?:[<>]{1,2}|>&|&>|<&)$")

LOADER = create_loader()  # botocore's model files, without a session (a session imports much more)
# CLI command names that differ from botocore's service names.
CLI_SERVICES = {"s3api": "s3", "configservice": "config", "deploy": "codedeploy"}


@dataclass(frozen=True)
class Param:
    kind: str = "one"  # "flag", "one" (one value), "many" (values up to the next option), "opt"
    enum: tuple[str, ...] = ()  # allowed values, exactly as the model spells them
    blob: bool = False  # non-streaming blob: base64 by default in CLI v2
    member: str = ""  # the model member it sets, for the required check


@dataclass(frozen=True)
class Spec:
    params: dict[str, Param]
    required: frozenset[str] = frozenset()  # member names
    positionals: tuple[int, int] = (0, 0)  # (min, max)
    outfile: bool = False


def _opts(flags: str = "", values: str = "", lists: str = "", **enums: tuple[str, ...]) -> dict[str, Param]:
    params = {n: Param("flag", member=n) for n in flags.split()}
    params |= {n: Param("one", member=n) for n in values.split()}
    params |= {n: Param("many", member=n) for n in lists.split()}
    params |= {n.replace("_", "-"): Param("one", enum=e, member=n.replace("_", "-")) for n, e in enums.items()}
    return params


GLOBALS = _opts(
    flags="debug no-verify-ssl no-paginate no-sign-request no-cli-pager cli-auto-prompt no-cli-auto-prompt",
    values="region profile query endpoint-url page-size max-items starting-token cli-input-json "
    "cli-input-yaml cli-read-timeout cli-connect-timeout ca-bundle cli-error-format",
    output=("json", "text", "table", "yaml", "yaml-stream"),
    cli_binary_format=("base64", "raw-in-base64-out"),
    color=("on", "off", "auto"),
) | {"generate-cli-skeleton": Param("opt", enum=("input", "output", "yaml-input"))}
NO_REQUIRED_CHECK = {"cli-input-json", "cli-input-yaml", "generate-cli-skeleton"}


@functools.cache
def available_services() -> list[str]:
    return LOADER.list_available_services("service-2")


def service_exists(service: str) -> bool:
    """Whether botocore has a model for the service (one lookup, not a listing of all ~400)."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", service):
        return False
    try:
        service_model(service)
    except DataNotFoundError:
        return False
    return True


@functools.cache
def service_model(service: str) -> ServiceModel:
    return ServiceModel(LOADER.load_service_model(service, "service-2"), service_name=service)


@functools.cache
def operations(service: str) -> dict[str, str]:
    """Every CLI operation name of a service (slow for big services: used for hints only)."""
    return {xform_name(name, "-"): name for name in service_model(service).operation_names}


def operation(service: str, command: str) -> str | None:
    """The model's operation for a CLI command name, comparing the few names that can match."""
    key = command.replace("-", "")
    return next((op for op in service_model(service).operation_names
                 if op.lower() == key and xform_name(op, "-") == command), None)


@functools.cache
def waiter_configs(service: str) -> dict[str, dict]:
    try:
        return LOADER.load_service_model(service, "waiters-2")["waiters"]
    except DataNotFoundError:  # the service has no waiters
        return {}


@functools.cache
def waiters(service: str) -> dict[str, str]:
    return {xform_name(name, "-"): name for name in waiter_configs(service)}


def _enum(service: str, shape: str) -> tuple[str, ...]:
    return tuple(service_model(service).shape_for(shape).enum)


def _param(name: str, shape) -> Param:
    if shape.type_name == "boolean":
        return Param("flag", member=name)
    if shape.type_name == "list":
        return Param("many", enum=tuple(getattr(shape.member, "enum", ())), member=name)
    blob = shape.type_name == "blob" and not shape.serialization.get("streaming")  # streaming = a file path
    return Param("one", enum=tuple(getattr(shape, "enum", ())), blob=blob, member=name)


# CLI customizations that rename a model parameter (awscli's own argument table changes).
RENAMED = {
    ("lambda", "create-function"): {"zip-file": Param("one", blob=True, member="Code")},
    ("lambda", "publish-layer-version"): {"zip-file": Param("one", blob=True, member="Content")},
}


@functools.cache
def model_spec(service: str, operation: str, waiter: bool = False) -> Spec:
    op = service_model(service).operation_model(operation)
    shape = op.input_shape
    members = shape.members if shape else {}
    params = {xform_name(name, "-"): _param(name, m) for name, m in members.items()}
    params |= RENAMED.get((service, xform_name(operation, "-")), {})
    required = frozenset(
        n for n in (shape.required_members if shape else []) if not members[n].metadata.get("idempotencyToken")
    )
    outfile = op.has_streaming_output and not waiter  # e.g. `lambda invoke ... outfile`
    return Spec(params, required, (int(outfile), int(outfile)), outfile)


def _custom(positionals=(0, 0), required: str = "", **opts) -> Spec:
    return Spec(_opts(**opts), frozenset(required.split()), positionals)


@functools.cache
def custom_commands() -> dict[tuple[str, str | None], Spec]:
    """High-level commands that are not in any service model (the explicit allow-list).

    Keys are (service, command); command None is the bare `aws configure`. Add an entry, with
    the options the AWS CLI v2 reference lists for it, when a page needs a new one.
    """
    storage = _enum("s3", "StorageClass")
    transfer = dict(
        flags="dryrun quiet follow-symlinks no-follow-symlinks no-guess-mime-type only-show-errors no-progress "
        "ignore-glacier-warnings force-glacier-transfer no-overwrite",
        values="include exclude acl sse sse-c sse-c-key sse-kms-key-id sse-c-copy-source sse-c-copy-source-key "
        "website-redirect content-type cache-control content-disposition content-encoding content-language "
        "expires source-region page-size request-payer metadata copy-props metadata-directive "
        "checksum-mode checksum-algorithm",
        lists="grants",
        storage_class=storage,
    )

    def transfer_with(flags: str) -> Spec:
        return _custom((2, 2), **{**transfer, "flags": transfer["flags"] + " " + flags})

    return {
        ("s3", "ls"): _custom((0, 1), flags="recursive human-readable summarize", values="page-size request-payer"),
        ("s3", "cp"): transfer_with("recursive"),
        ("s3", "mv"): transfer_with("recursive validate-same-s3-paths"),
        ("s3", "sync"): transfer_with("delete exact-timestamps size-only"),
        ("s3", "rm"): _custom(
            (1, 1), flags="dryrun quiet recursive only-show-errors", values="include exclude request-payer page-size"
        ),
        ("s3", "mb"): _custom((1, 1)),
        ("s3", "rb"): _custom((1, 1), flags="force"),
        ("s3", "presign"): _custom((1, 1), values="expires-in"),
        ("s3", "website"): _custom((1, 1), values="index-document error-document"),
        ("configure", None): _custom(),
        ("configure", "list"): _custom(),
        ("configure", "list-profiles"): _custom(),
        ("configure", "get"): _custom((1, 1)),
        ("configure", "set"): _custom((2, 2)),
        ("configure", "sso"): _custom(flags="no-browser use-device-code"),
        ("configure", "sso-session"): _custom(),
        ("configure", "export-credentials"): _custom(values="format"),
        ("sso", "login"): _custom(flags="no-browser use-device-code", values="sso-session"),
        ("sso", "logout"): _custom(),
        ("login", None): _custom(flags="remote", values="redirect-port"),  # console credentials, CLI 2.32+
        ("logout", None): _custom(),
        ("cloudformation", "deploy"): Spec(
            _opts(
                flags="force-upload no-execute-changeset fail-on-empty-changeset no-fail-on-empty-changeset "
                "disable-rollback no-disable-rollback use-json resolve-s3",
                values="template-file stack-name s3-bucket s3-prefix kms-key-id role-arn",
                lists="parameter-overrides notification-arns tags",
            )
            | {"capabilities": Param("many", enum=_enum("cloudformation", "Capability"), member="capabilities")},
            frozenset({"template-file", "stack-name"}),
        ),
        ("cloudformation", "package"): _custom(
            required="template-file s3-bucket",
            flags="use-json force-upload",
            values="template-file s3-bucket s3-prefix kms-key-id output-template-file metadata",
        ),
        ("ecr", "get-login-password"): _custom(),
        ("logs", "tail"): _custom(
            (1, 1),
            flags="follow",
            values="since filter-pattern log-stream-name-prefix",
            lists="log-stream-names",
            format=("detailed", "short", "json"),
        ),
    }


def _is_base64(value: str) -> bool:
    if len(value) % 4 or not re.fullmatch(r"[A-Za-z0-9+/]+={0,2}", value):
        return False
    try:
        base64.b64decode(value, validate=True)
    except binascii.Error:
        return False
    return True


def _check_args(spec: Spec, args: list[str], mention: bool = False) -> list[tuple[str, str]]:
    table = GLOBALS | spec.params
    problems: list[tuple[str, str]] = []
    given: dict[str, list[str]] = {}
    positionals: list[str] = []
    elided = False
    raw_text = _binary_format_raw(args)
    i = 0
    while i < len(args):
        token = args[i]
        i += 1
        if token in ELLIPSES:
            elided = True
            continue
        if not token.startswith("--"):
            positionals.append(token)
            continue
        name, has_value, value = token[2:].partition("=")
        param = table.get(name)
        if param is None and name.startswith("no-") and table.get(name[3:], Param()).kind == "flag":
            param = table[name[3:]]
        if param is None:
            hint = difflib.get_close_matches(name, table, n=1)
            problems.append(("K002", f"unknown option --{name}" + (f" (did you mean --{hint[0]}?)" if hint else "")))
            continue
        values = [value] if has_value else []
        if param.kind == "opt" and not has_value and i < len(args) and args[i] in param.enum:
            values, i = [args[i]], i + 1
        elif param.kind in ("one", "many") and not has_value:
            while i < len(args) and not args[i].startswith("--") and (param.kind == "many" or not values):
                values.append(args[i])
                i += 1
            if not values and not mention:
                problems.append(("K004", f"--{name} needs a value"))
        given[name] = values
        for v in values:
            if "…" in v or "..." in v:
                continue
            if param.enum and v not in param.enum and not v.startswith("$"):  # $VAR: set elsewhere
                problems.append(("K004", f"--{name} {v!r} is not one of {', '.join(param.enum)}"))
            if param.blob and not raw_text and not (v.startswith("fileb://") or _is_base64(v)):
                problems.append((
                    "K004", f"--{name} is a blob: CLI v2 reads {v!r} as base64; "
                    "add --cli-binary-format raw-in-base64-out or pass fileb://"
                ))
    if mention or elided or NO_REQUIRED_CHECK & given.keys():
        return problems
    members = {p.member for n, p in spec.params.items() if n in given}
    for member in sorted(spec.required - members):
        names = [n for n, p in spec.params.items() if p.member == member]
        problems.append(("K003", "missing required " + " or ".join(f"--{n}" for n in names)))
    low, high = spec.positionals
    if len(positionals) > high:
        problems.append(("K003", f"unexpected argument(s): {' '.join(positionals[high:])}"))
    elif len(positionals) < low:
        problems.append(("K003", "missing the outfile argument" if spec.outfile else f"needs {low} path argument(s)"))
    return problems


def _binary_format_raw(args: list[str]) -> bool:
    for k, a in enumerate(args):
        if a == "--cli-binary-format=raw-in-base64-out":
            return True
        if a == "--cli-binary-format" and args[k + 1 : k + 2] == ["raw-in-base64-out"]:
            return True
    return False


def check(tokens: list[str], mention: bool = False) -> list[tuple[str, str]]:
    """(code, message) problems with one `aws ...` command (tokens as the shell would pass them), [] if none.

    `mention`: the command is named in prose, so required parts may be left out.
    """
    if UNPARSABLE in tokens:
        return [("K005", f"the shell cannot parse this command: {tokens[-1]}")]
    args = list(tokens[1:])
    leading: list[str] = []
    while args and args[0].startswith("--"):  # global options before the service
        option = args.pop(0)
        if option == "--version":
            return [] if not args else [("K003", f"unexpected argument(s) after --version: {' '.join(args)}")]
        leading.append(option)
        param = GLOBALS.get(option[2:].partition("=")[0])
        if param and param.kind == "one" and "=" not in option and args:
            leading.append(args.pop(0))
    if not args:
        return [("K001", "no service given")]
    service, rest = args[0], args[1:] + leading
    command = rest[0] if rest and not rest[0].startswith("--") else None
    if service.startswith("<") or (command or "").startswith("<"):
        return []  # a syntax template such as `aws <service> <operation>`
    custom = custom_commands()
    if (service, command) in custom:
        return _check_args(custom[(service, command)], rest[1:], mention)
    if (service, None) in custom and command is None:
        return _check_args(custom[(service, None)], rest, mention)
    if command is None:
        return [] if mention else [("K001", f"no command given for {service}")]
    if service == "s3":
        return [("K001", f"`aws s3 {command}` is not a high-level s3 command (the S3 API is `aws s3api ...`)")]
    name = CLI_SERVICES.get(service, service)
    if not service_exists(name):
        hint = difflib.get_close_matches(name, available_services(), n=1)
        return [("K001", f"unknown service {service!r}" + (f" (did you mean {hint[0]!r}?)" if hint else ""))]
    if command == "wait":
        waiter = rest[1] if len(rest) > 1 else ""
        if waiter not in waiters(name):
            return [("K001", f"unknown waiter {service} wait {waiter!r}; known: {', '.join(sorted(waiters(name)))}")]
        waited = waiter_configs(name)[waiters(name)[waiter]]["operation"]
        return _check_args(model_spec(name, waited, waiter=True), rest[2:], mention)
    found = operation(name, command)
    if found is None:
        hint = difflib.get_close_matches(command, operations(name), n=1)
        return [("K001", f"unknown operation {service} {command}" + (f" (did you mean {hint[0]}?)" if hint else ""))]
    return _check_args(model_spec(name, found), rest[1:], mention)


# --- finding the commands -------------------------------------------------------------------


@dataclass(frozen=True)
class Command:
    line: SourceLine  # where the command starts
    text: str = field(compare=False)
    tokens: tuple[str, ...] = ()
    mention: bool = False  # an inline code span in prose

    @property
    def where(self) -> str:
        return self.line.where


def aws_commands(text: str) -> list[list[str]]:
    """Each `aws ...` simple command in one shell command line (split on && | ; and subshells)."""
    text = PLACEHOLDER.sub("\ue000\\1\ue001", text)  # keep `<name>` from reading as redirections
    lexer = shlex.shlex(text, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    try:
        tokens = [t.replace("\ue000", "<").replace("\ue001", ">") for t in lexer]
    except ValueError as error:  # unbalanced quotes
        return [["aws", UNPARSABLE, str(error)]] if "aws " in text else []
    parts: list[list[str]] = [[]]
    skip = False
    for token in tokens:
        if skip:
            skip = False
        elif SEPARATOR.match(token):
            parts.append([])
        elif REDIRECT.match(token):
            if parts[-1] and parts[-1][-1].isdigit():
                parts[-1].pop()  # the file descriptor of `2>`
            skip = True
        else:
            parts[-1].append(token)
    commands = []
    for part in parts:
        while part and (part[0] in SHELL_PREFIXES or re.match(r"^[A-Za-z_]\w*=", part[0])):
            part.pop(0)  # `do aws ...`, `AWS_PROFILE=dev aws ...`
        if part and part[0] == "aws":
            commands.append(part)
    return commands


def _open_quote(text: str) -> bool:
    try:
        shlex.split(text, comments=True)
    except ValueError:
        return True
    return False


def block_commands(block: Fence) -> list[Command]:
    """The `aws` commands of a shell or console fence, each at the line where it starts."""
    if block.lang not in SHELL_LANGS | CONSOLE_LANGS:
        return []
    found: list[Command] = []
    start, text = None, ""
    for line in block.body:
        body = line.text
        if start is None:
            if block.lang in CONSOLE_LANGS:
                if not body.lstrip().startswith("$ "):
                    continue
                body = body.lstrip()[2:]
            start, text = line, ""
        if body.rstrip().endswith("\\"):
            text += body.rstrip()[:-1] + " "
            continue
        text += body
        if _open_quote(text):  # a quoted value (JSON) that goes on over the next lines
            text += "\n"
            continue
        found += [Command(start, text.strip(), tuple(c)) for c in aws_commands(text)]
        start = None
    if start is not None:
        found += [Command(start, text.strip(), tuple(c)) for c in aws_commands(text)]
    return found
