"""The site layer installs with --no-deps, so requirements.txt must name its whole dependency
closure (minus what it leaves out on purpose), and constraints.txt must pin every name."""

from __future__ import annotations

import re
from importlib import metadata

from conftest import ROOT
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

# Left out of the site layer on purpose; requirements.txt says why.
LEFT_OUT = {"babel"}


def _requirements(path) -> list[Requirement]:
    reqs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            reqs.append(Requirement(line))
    return reqs


def _names(path) -> list[str]:
    return [canonicalize_name(req.name) for req in _requirements(path)]


def _pins() -> dict[str, str]:
    pins = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        m = re.fullmatch(r"([A-Za-z0-9_.\-\[\],]+)==(\S+)", line.strip())
        if m:
            pins[canonicalize_name(m.group(1).split("[")[0])] = m.group(2)
    return pins


def test_site_layer_names_its_whole_dependency_closure():
    site = set(_names(ROOT / "requirements.txt"))
    missing = {}
    for name in sorted(site):
        for spec in metadata.requires(name) or []:
            req = Requirement(spec)
            if req.marker and not req.marker.evaluate({"extra": ""}):
                continue
            dep = canonicalize_name(req.name)
            if dep not in site and dep not in LEFT_OUT:
                missing.setdefault(name, []).append(dep)
    assert not missing, f"requirements.txt lacks dependencies (installed with --no-deps): {missing}"


def test_left_out_packages_are_really_dependencies_and_are_not_listed():
    site = set(_names(ROOT / "requirements.txt"))
    declared = {canonicalize_name(Requirement(s).name) for n in site for s in metadata.requires(n) or []}
    assert LEFT_OUT <= declared, "a left-out package is no longer a dependency: drop it from LEFT_OUT"
    assert not LEFT_OUT & site


def test_every_requirement_is_pinned_once_in_constraints():
    pins = _pins()
    for path in ("requirements.txt", "requirements-dev.txt"):
        unpinned = [canonicalize_name(req.name) for req in _requirements(ROOT / path)
                    if canonicalize_name(req.name) not in pins and not str(req.specifier).startswith("==")]
        assert not unpinned, f"{path}: not pinned in constraints.txt: {unpinned}"


def test_installed_site_packages_match_the_pins():
    pins = _pins()
    wrong = {n: (metadata.version(n), pins[n]) for n in _names(ROOT / "requirements.txt")
             if metadata.version(n) != pins[n]}
    assert not wrong, f"installed version differs from constraints.txt: {wrong}"

