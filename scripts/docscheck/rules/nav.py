"""The nav: every page is in it (or deliberately left out), and every nav entry is a page."""

from __future__ import annotations

from ..config import Config
from ..index import Index
from ..problems import Problem


def check(config: Config, index: Index) -> list[Problem]:
    if not index.whole_site:
        return []
    problems = []
    config_rel = config.rel(config.config_file)
    in_nav = {path for path, _ in config.nav or ()}
    for path, line in config.nav or ():
        if path not in config.files:
            problems.append(Problem(config_rel, line, 1, "N002", f"nav entry {path} is not a file in the docs"))
    if config.nav is not None:
        for page in config.pages:
            if page not in in_nav and page not in config.not_in_nav and page not in config.mkdocs_not_in_nav:
                problems.append(Problem(config.rel(config.files[page]), 1, 1, "N001",
                                        "page is not in the nav: add it, or list it in not_in_nav (MkDocs' own "
                                        "setting, or extra.check_docs.not_in_nav with a reason)"))
    for page in config.not_in_nav:
        if page not in config.files or page in in_nav:
            why = "is in the nav" if page in in_nav else "is not a page"
            problems.append(Problem(config_rel, config.line_of(page), 1, "N003",
                                    f"not_in_nav entry {page} {why}: remove it"))
    return problems
