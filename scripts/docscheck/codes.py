"""The docs checker's own codes: each defined once, with its severity, title and help.

IAM policy codes live in docscheck.iam.codes; docscheck.registry merges both.
"""

from __future__ import annotations

from .problems import Code, Severity

E, SW, W = Severity.ERROR, Severity.SECURITY_WARNING, Severity.WARNING


def _code(code: str, severity: Severity, title: str, help: str) -> Code:
    return Code(code, severity, title, " ".join(help.split()))


CODES: list[Code] = [
    # links and anchors
    _code("L001", E, "link target missing", """A link points to a file that is not part of the site (missing,
        excluded, or outside the docs folder). Fix the path; it is relative to the page, also when the link
        is written in an included file."""),
    _code("L002", E, "anchor missing", """A link's #fragment is not an id on the target page. Ids come from
        headings ({ #id }), attribute lists, raw HTML, content tabs and blocks (attrs: {id: ...})."""),
    _code("L003", E, "wrong letter case", """The file or anchor exists with other letter case: it works on a
        case-insensitive disk and fails on the web server."""),
    _code("L004", E, "link to a folder", "A page links to a folder; link to a page inside it."),
    _code("L005", E, "undefined reference", """[text][label] names a label that no [label]: url definition on
        the page defines; it renders as plain text."""),
    _code("L006", E, "absolute path link", """A link starts with '/': it breaks when the site is not served
        from the root of its host, and in the offline copy. Use a path relative to the page."""),
    _code("L007", E, "empty link", "A link has no destination: [text]() or href=\"\"."),
    _code("L008", E, "raw HTML link to a source path", """MkDocs rewrites Markdown links but not href and src in
        raw HTML, so <a href="page.md"> is a 404 in the built site. Raw HTML links are resolved against the
        built site: link to page.html, or write a Markdown link."""),
    _code("L009", W, "shortcut reference not defined", """[label] looks like a shortcut reference link but no
        [label]: url defines it, so it renders as the literal text [label]. Define the label, or escape the
        bracket (\\[label]) if the brackets are meant as text."""),
    _code("X001", SW, "insecure http:// link", """A link uses http:// to another host: use https://. Loopback
        hosts (localhost, 127.0.0.1, [::1]) are allowed."""),
    _code("X002", E, "malformed URL", "A URL cannot be parsed, or an https:// URL has no host."),
    _code("X003", E, "unsupported URL scheme", "Only https://, http:// to loopback hosts and mailto: are allowed."),
    # includes and files
    _code("S001", E, "missing snippet", """A --8<-- include names a file, line range or section that does not
        exist (the build fails with check_paths)."""),
    _code("F001", E, "unreadable file", "A file cannot be read, is binary (NUL bytes) or is not UTF-8."),
    _code("F002", E, "bad front matter", "The YAML front matter is not closed, not valid YAML, or not a mapping."),
    _code("F003", E, "unclosed code fence", """A code fence is never closed, or not before the indentation of
        its block drops: superfences renders it as text, so the links after it are checked as prose."""),
    _code("F004", E, "odd Unicode character", "A control, bidi-override or invalid character hides in the text."),
    _code("F005", E, "page cannot be rendered", "Python-Markdown raised an error rendering the page."),
    _code("F006", E, "fence header rejected", """superfences does not accept the fence header, so the block
        renders as text. Use title="..." or the brace form { .lang title="..." }."""),
    # nav
    _code("N001", E, "page not in nav", """A page is in no nav entry. Add it, list it in mkdocs.yml's
        not_in_nav, or under extra.check_docs.not_in_nav with a reason."""),
    _code("N002", E, "nav entry missing file", "A nav entry names a file that is not a page of the docs."),
    _code("N003", E, "stale not_in_nav entry", "extra.check_docs.not_in_nav lists a page that is in the nav or gone."),
    # published anchors
    _code("A001", E, "published anchor removed", """A page#anchor in the published anchors list is gone: restore
        it, or keep an alias <a id="old-anchor"></a>."""),
    _code("A002", E, "published page removed", """A page in the published anchors list is gone: restore it or
        add a redirect (mkdocs-redirects redirect_maps)."""),
    _code("A003", E, "malformed anchors line", "A line of the anchors list is not 'page.md' or 'page.md#anchor'."),
    _code("A004", E, "anchors list missing", """The published anchors file named in extra.check_docs is missing:
        run scripts/check_docs.py --update-anchors and commit it."""),
    # JSON and IAM examples
    _code("D001", E, "expected finding missing", """A fence's data-expect names a code the policy checker did not
        report: the example is no longer bad the way the page says."""),
    _code("D002", E, "bad policy fence attribute", """data-policy-type is not identity, resource, service-control
        or resource-control, or data-expect names a code that is not in the registry."""),
    # AWS CLI commands
    _code("K001", E, "unknown AWS CLI command", "The service, operation, waiter or high-level command does not exist."),
    _code("K002", E, "unknown AWS CLI option", "An option is not one the command accepts."),
    _code("K003", E, "incomplete AWS CLI command", """A required parameter or positional argument is missing, or
        there are extra arguments. Mark a shortened command with an ellipsis (...)."""),
    _code("K004", E, "bad AWS CLI value", """A value is not one of the allowed enum values, an option lacks its
        value, or a blob is given as text without --cli-binary-format raw-in-base64-out."""),
    _code("K005", E, "unparsable shell command", "The shell cannot parse the command (an unclosed quote)."),
    # Python blocks
    _code("Y001", E, "Python block does not compile",
          "A python block that is not an examples/ include has a syntax error."),
    _code("Y002", E, "ruff finding in a Python block", """ruff, with the project's settings, reports a problem in a
        python block that is not an examples/ include (examples/ files are linted and tested on their own)."""),
    # the checker itself
    _code("C001", E, "usage or configuration error", """The command line or mkdocs.yml is wrong, or a rule's tool
        is missing: nothing is checked and the exit status is 2."""),
    _code("C002", E, "internal error in a rule", """A rule raised an exception; the other rules still ran. Please
        report it with the input that caused it."""),
]
