"""The docs checker behind scripts/check_docs.py: collect once, then check.

    config.py      mkdocs.yml through MkDocs' own loader -> an immutable Config
    textfile.py    read a text file (UTF-8, odd characters, front matter)
    snippets.py    expand --8<-- includes with pymdownx's own parser, keeping each line's origin
    source.py      what the reader produces: SourceLine, Fence, Link, RefUse, CodeSpan, Document
    reader.py      the one Markdown reader (checker and tests): fences, links, references, code spans
    render.py      Python-Markdown with the site's extensions: a page's ids
    index.py       every page read and rendered once into an immutable Index
    rules/         plain functions (config, index) -> problems: links, nav, published, policies,
                   commands (AWS CLI), python_blocks
    awscli.py      an `aws ...` command against botocore's service models
    anchors.py     the published anchors list (parse, update)
    codes.py       the docs codes; iam/codes.py the IAM ones; registry.py merges them
    problems.py    Severity, Code, Problem
    check.py       run every rule on an index; sorted, unique problems
    site_links.py  the built site: every internal href, src and #fragment resolves
"""
