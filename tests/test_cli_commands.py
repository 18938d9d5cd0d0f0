"""Every `aws ...` command shown on the site matches the service models in botocore.

The checker itself is docscheck.awscli (run by scripts/check_docs.py as codes K001-K005); the
commands are found by docscheck's reader (fenced shell and console blocks, inline code spans,
included files). These tests run it on the real site and on made-up commands.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from docscheck import config
from docscheck.awscli import aws_commands, block_commands, check
from docscheck.reader import Reader
from docscheck.rules.commands import commands
from docscheck.source import Fence, SourceLine

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "cli"
CONFIG = config.load(ROOT / "mkdocs.yml")
READER = Reader(CONFIG)

# Raise this as pages gain commands; it stops the scanner from silently finding nothing.
MIN_COMMANDS = 86  # commands found on 2026-11-26 (blocks, spans and includes)


def site_commands(files: list[Path] | None = None):
    paths = files if files is not None else [CONFIG.files[p] for p in CONFIG.pages]
    return commands([READER.read(path) for path in paths])


COMMANDS = site_commands()


# --- tests ----------------------------------------------------------------------------------


@pytest.mark.parametrize("command", COMMANDS, ids=[f"{c.where}:{' '.join(c.tokens[1:3])}" for c in COMMANDS])
def test_site_command_matches_service_model(command):
    problems = check(list(command.tokens), command.mention)
    assert not problems, f"{command.where}: {command.text}\n  " + "\n  ".join(m for _, m in problems)


def test_scanner_finds_the_site_commands():
    assert len(COMMANDS) >= MIN_COMMANDS, f"found only {len(COMMANDS)} aws commands in docs/"


def test_scanner_reads_blocks_spans_console_and_includes():
    page = FIXTURES / "page.md"
    found = {(c.where, " ".join(c.tokens)) for c in site_commands([page])}
    fixture = "tests/fixtures/cli/"
    assert found == {
        (fixture + "page.md:10", "aws sts get-caller-identity"),
        (
            fixture + "page.md:11",
            "aws lambda invoke --function-name my-function --invocation-type Event "
            '--cli-binary-format raw-in-base64-out --payload { "key": "value" } response.json',
        ),
        (fixture + "page.md:17", "aws s3 ls s3://amzn-s3-demo-bucket/"),
        (fixture + "page.md:26", "aws iam get-role --role-name demo --query Role.Arn --output text"),
        (fixture + "page.md:26", "aws s3 cp ./out s3://amzn-s3-demo-bucket/out --recursive"),
        (fixture + "page.md:29", "aws configure sso"),
        (fixture + "page.md:29", "aws <service> <operation>"),
        (fixture + "page.md:30", "aws lambda get-function --function-name f"),
        (fixture + "commands.sh:3", "aws lambda wait function-active-v2 --function-name my-function"),
        (fixture + "commands.sh:4", "aws s3api get-object --bucket amzn-s3-demo-bucket --key a.txt a.txt"),
        (fixture + "commands.sh:7", "aws s3 rm s3://amzn-s3-demo-bucket/a.txt"),
    }


def _check(command: str) -> list[str]:
    [tokens] = aws_commands(command)
    return [message for _, message in check(tokens)]


@pytest.mark.parametrize(
    "command, expected",
    [
        ("aws lambda invoke --function-nme my-function out.json", "--function-nme"),
        ("aws lambda invokee --function-name my-function out.json", "unknown operation lambda invokee"),
        ("aws lamda invoke --function-name my-function out.json", "unknown service 'lamda'"),
        ("aws lambda invoke --function-name f --invocation-type Async out.json", "'Async' is not one of"),
        ("aws lambda invoke --invocation-type Event out.json", "missing required --function-name"),
        ("aws lambda invoke --function-name my-function", "missing the outfile argument"),
        ("aws lambda publish-layer-version --layer-name deps", "missing required --content or --zip-file"),
        ("aws lambda update-function-code --function-name f --zip-file function.zip", "add --cli-binary-format"),
        ("aws s3api get-object --bucket b --key k", "missing the outfile argument"),
        ("aws sts get-caller-identity extra", "unexpected argument(s): extra"),
        ("aws lambda wait function-ready --function-name f", "unknown waiter"),
        ("aws s3 copy a s3://b/a", "not a high-level s3 command"),
        ("aws s3 cp a s3://b/a --storage-class COLD", "'COLD' is not one of"),
        ("aws s3 cp a", "needs 2 path argument(s)"),
        ("aws cloudformation deploy --template-file t.yaml", "missing required --stack-name"),
        ("aws lambda create-function --function-name f --role r", "missing required --code or --zip-file"),
        ("aws sts get-caller-identity --output jsn", "'jsn' is not one of"),
        (  # the notes' synchronous example: raw JSON is read as base64 by CLI v2
            'aws lambda invoke --function-name my-function --payload \'{ "key": "value" }\' response.json',
            "--cli-binary-format raw-in-base64-out",
        ),
        (
            "aws lambda invoke --function-name f --payload file://event.json --cli-binary-format base64 r.json",
            "add --cli-binary-format raw-in-base64-out",
        ),
    ],
)
def test_checker_catches(command: str, expected: str):
    problems = _check(command)
    assert any(expected in p for p in problems), problems


@pytest.mark.parametrize(
    "command",
    [
        # The notes' commands, corrected for CLI v2 (errata L-21).
        "aws lambda invoke --function-name my-function --cli-binary-format raw-in-base64-out "
        '--payload \'{ "key": "value" }\' response.json',
        "aws lambda invoke --function-name my-function --payload fileb://event.json response.json",
        "aws lambda invoke --function-name my-function --invocation-type Event --cli-binary-format "
        'raw-in-base64-out --payload \'{ "key": "value" }\' response.json',
        "aws lambda invoke --function-name my-function --payload eyJrZXkiOiAidmFsdWUifQ== response.json",
        "aws lambda create-function --function-name f --runtime python3.13 --role arn:aws:iam::123456789012:"
        "role/r --handler app.handler --zip-file fileb://function.zip",
        "aws lambda create-function … --zip-file fileb://function.zip",
        "aws lambda update-function-code --function-name f --zip-file fileb://function.zip --publish",
        "aws lambda publish-layer-version --layer-name deps --zip-file fileb://layer.zip",
        "aws lambda invoke --function-name f --cli-binary-format raw-in-base64-out --payload file://e.json r.json",
        "aws --region us-east-1 sts get-caller-identity --query Account --output text",
        "aws s3api get-object --bucket amzn-s3-demo-bucket --key a.txt a.txt",
        "aws s3api put-object --bucket amzn-s3-demo-bucket --key a.txt --body a.txt",
        "aws s3api list-objects-v2 --bucket amzn-s3-demo-bucket --prefix fruit/ --delimiter / --no-paginate",
        "aws ec2 describe-instances --filters Name=tag:Env,Values=dev --instance-ids i-1 i-2 --no-dry-run",
        "aws ec2 wait instance-running --instance-ids i-1234567890abcdef0",
        "aws s3 sync s3://in/ ./in --delete --exclude '*.tmp'",
        "aws configure set region us-east-1 --profile dev",
        "aws sso login --profile dev",
        "aws cloudformation deploy --template-file t.yaml --stack-name s --capabilities CAPABILITY_IAM",
        "aws lambda invoke --function-name f --generate-cli-skeleton input",
        "aws --version",
    ],
)
def test_checker_accepts(command: str):
    assert _check(command) == []


@pytest.mark.parametrize(
    "mention",
    ["aws s3 sync", "aws lambda update-function-configuration --timeout", "aws lambda invoke … --payload '{…}'"],
)
def test_mentions_in_prose_need_not_be_complete(mention: str):
    [tokens] = aws_commands(mention)
    assert check(tokens, mention=True) == []
    assert check(tokens) != [] or "…" in mention


def test_mentions_are_still_checked():
    [tokens] = aws_commands("aws lambda update-function-configuration --time-out 900")
    assert check(tokens, mention=True) == [
        ("K002", "unknown option --time-out (did you mean --timeout?)"),
    ]


def test_multi_line_quotes_comments_and_bad_quoting():
    lines = [
        "aws lambda invoke --function-name f --cli-binary-format raw-in-base64-out \\",
        "  --payload '{",
        '  "k": 1',
        "}' out.json  # sync",
        "",
    ]
    body = tuple(SourceLine(text, "x.sh", n) for n, text in enumerate(lines, 1))
    [command] = block_commands(Fence(SourceLine("```bash", "x.sh", 0), 0, "bash", (), body))
    assert command.where.endswith("x.sh:1") and command.tokens[-2:] == ('{\n  "k": 1\n}', "out.json")
    assert check(list(command.tokens)) == []
    [tokens] = aws_commands("aws s3 ls 's3://unclosed")
    assert check(tokens) == [("K005", "the shell cannot parse this command: No closing quotation")]


def test_commands_are_split_on_shell_operators():
    line = "ARN=$(aws sts get-caller-identity --query Arn) && echo $ARN | aws s3 cp - s3://b/k 2>/dev/null"
    assert aws_commands(line) == [
        ["aws", "sts", "get-caller-identity", "--query", "Arn"],
        ["aws", "s3", "cp", "-", "s3://b/k"],
    ]
