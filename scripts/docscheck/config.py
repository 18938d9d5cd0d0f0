"""Read mkdocs.yml with MkDocs' own loader into an immutable Config; the only module that does."""

from __future__ import annotations

import fnmatch
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from urllib.parse import urlsplit

# What MkDocs' Files.add_files_from_theme leaves out (mkdocs 1.6).
THEME_SKIP = (".*", "*/.*", "*.py", "*.pyc", "*.html", "*readme*", "mkdocs_theme.yml", "locales/*",
              "*.md", "*.markdown", "*.mdown", "*.mkdn", "*.mkd")


class ConfigError(Exception):
    """A usage or configuration error: reported as C001, exit status 2."""


@dataclass(frozen=True)
class Config:
    config_file: Path
    root: Path  # the config file's folder; paths in findings are relative to it
    docs: Path
    files: MappingProxyType  # docs-relative src path -> absolute path, for files that are part of the site
    dests: MappingProxyType  # docs-relative src path -> built path (dest_uri)
    theme_dirs: tuple[str, ...]  # the theme's folders (custom_dir first), whose static files are copied
    nav: tuple[tuple[str, int], ...] | None  # (docs-relative path, line in the config file)
    not_in_nav: MappingProxyType  # extra.check_docs.not_in_nav: page -> reason
    mkdocs_not_in_nav: frozenset[str]  # pages matched by MkDocs' own not_in_nav setting
    config_text: str
    anchors_file: Path | None
    published_files: frozenset[str]  # extra.check_docs.published_files: built next to the site after the build
    redirects: MappingProxyType
    extensions: tuple
    extension_configs: MappingProxyType

    def rel(self, path: Path | str) -> str:
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()

    @property
    def pages(self) -> list[str]:
        return sorted(p for p in self.files if p.endswith(".md"))

    @property
    def docs_rel(self) -> str:
        return self.rel(self.docs)

    def theme_file(self, path: str) -> bool:
        """Whether the build copies `path` from the theme (favicon, bundles), as add_files_from_theme does."""
        if any(fnmatch.fnmatch(path.lower(), p) for p in THEME_SKIP) or path in self.files:
            return False
        return any(os.path.isfile(os.path.join(d, path)) for d in self.theme_dirs)

    def line_of(self, needle: str) -> int:
        """The config line where a path first appears on its own (not as the end of a longer path)."""
        m = re.search(rf"(?<![\w./-]){re.escape(needle)}(?![\w./-])", self.config_text)
        return self.config_text.count("\n", 0, m.start()) + 1 if m else 1


def load(config_file: Path) -> Config:
    """Load mkdocs.yml with mkdocs' own loader; raise ConfigError on any failure."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import InclusionLevel, get_files

    if not config_file.is_file():
        raise ConfigError(f"config file not found: {config_file}")
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append  # type: ignore[method-assign]
    logger = logging.getLogger("mkdocs")
    saved = logger.handlers, logger.propagate
    logger.handlers, logger.propagate = [handler], False
    try:
        cfg = load_config(str(config_file))
        files = get_files(cfg)
        included = [f for f in files if not f.inclusion.is_excluded()]
    except (Exception, SystemExit) as exc:
        errors = [r.getMessage() for r in records if r.levelno >= logging.ERROR]
        raise ConfigError("; ".join(errors) or str(exc) or type(exc).__name__) from None
    finally:
        logger.handlers, logger.propagate = saved
    root = config_file.resolve().parent
    settings = cfg["extra"].get("check_docs") or {}
    if not isinstance(settings, dict):
        raise ConfigError("extra.check_docs must be a mapping")
    not_in_nav = settings.get("not_in_nav") or {}
    if not isinstance(not_in_nav, dict) or not all(isinstance(v, str) and v.strip() for v in not_in_nav.values()):
        raise ConfigError("extra.check_docs.not_in_nav must map each page to a non-empty reason")
    anchors = settings.get("published_anchors")
    if anchors is not None and not isinstance(anchors, str):
        raise ConfigError("extra.check_docs.published_anchors must be a file name")
    published = settings.get("published_files") or []
    if not isinstance(published, list) or not all(isinstance(f, str) and f.strip() for f in published):
        raise ConfigError("extra.check_docs.published_files must be a list of file names")
    redirects = {}
    for name, plugin in cfg.plugins.items():
        if name.split("/")[-1] in ("redirects", "mkdocs-redirects"):
            redirects = dict(plugin.config.get("redirect_maps") or {})
    text = config_file.read_text(encoding="utf-8", errors="replace")
    return Config(
        config_file=config_file, root=root, docs=Path(cfg["docs_dir"]).resolve(),
        files=MappingProxyType({f.src_uri: Path(f.abs_src_path).resolve() for f in included}),
        dests=MappingProxyType({f.src_uri: f.dest_uri for f in included}),
        theme_dirs=tuple(cfg.theme.dirs),
        nav=None if cfg["nav"] is None else tuple(_nav_entries(cfg["nav"], text)),
        not_in_nav=MappingProxyType(dict(not_in_nav)),
        mkdocs_not_in_nav=frozenset(f.src_uri for f in included if f.inclusion == InclusionLevel.NOT_IN_NAV),
        config_text=text, anchors_file=root / anchors if anchors else None, published_files=frozenset(published),
        redirects=MappingProxyType(redirects), extensions=tuple(cfg["markdown_extensions"]),
        extension_configs=MappingProxyType(_extension_configs(cfg["mdx_configs"], root)),
    )


def _extension_configs(mdx: dict, root: Path) -> dict:
    """Extension settings, with snippet base paths pinned to the config folder (not the working directory)."""
    mdx = {name: dict(settings) for name, settings in mdx.items()}
    if "pymdownx.snippets" in mdx:
        snip = mdx["pymdownx.snippets"]
        bases = snip.get("base_path", ["."])
        snip["base_path"] = [str(root / b) for b in ([bases] if isinstance(bases, str) else bases)]
    return mdx


def _nav_entries(nav, config_text: str):
    """Yield (path, line) for every local file named in the nav."""
    for item in nav if isinstance(nav, list) else [nav]:
        values = item.values() if isinstance(item, dict) else [item]
        for value in values:
            if isinstance(value, (list, dict)):
                yield from _nav_entries(value, config_text)
            elif isinstance(value, str) and not urlsplit(value).scheme and not value.startswith("/"):
                m = re.search(rf"(?<![\w./-]){re.escape(value)}(?![\w./-])", config_text)
                yield value, config_text.count("\n", 0, m.start()) + 1 if m else 1
