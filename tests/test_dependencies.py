"""Every third-party module ogpctl imports comes from a distribution pyproject.toml declares:
a dependency, or an optional extra that ogpctl imports only inside a function (so that
`import ogpctl` and every command that does not need the extra work without it).
markupsafe was imported by seven modules and installed only because Jinja2 needs it."""

from __future__ import annotations

import ast
import sys
import tomllib
from collections.abc import Iterator
from importlib.metadata import packages_distributions
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from tests.conftest import ROOT

PACKAGE = ROOT / "ogpctl"


def _declared() -> tuple[set[str], set[str]]:
    """(dependencies, distributions of the optional extras), by canonical name."""
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    required = {canonicalize_name(Requirement(r).name) for r in project["dependencies"]}
    extras = {canonicalize_name(Requirement(r).name)
              for group in project.get("optional-dependencies", {}).values() for r in group}
    return required, extras


def _imports(source: str) -> Iterator[tuple[str, int, bool]]:
    """(top-level module, line, imported inside a function) of every absolute import."""
    tree = ast.parse(source)
    lazy = {id(node) for function in ast.walk(tree)
            if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef))
            for node in ast.walk(function)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            yield name.partition(".")[0], node.lineno, id(node) in lazy


def _third_party(module: str) -> bool:
    return module not in sys.stdlib_module_names and module not in {"ogpctl", "__future__"}


def undeclared_imports(package: Path, required: set[str], extras: set[str]) -> list[str]:
    """`file:line: module (distributions)` for each import of a third-party module that is
    neither a dependency nor an extra imported lazily."""
    owners = packages_distributions()
    found = []
    for path in sorted(package.rglob("*.py")):
        for module, line, lazy in _imports(path.read_text(encoding="utf-8")):
            if not _third_party(module):
                continue
            names = {canonicalize_name(d) for d in owners.get(module, [])}
            if names & required or (lazy and names & extras):
                continue
            where = f"{path.relative_to(package.parent).as_posix()}:{line}"
            found.append(f"{where}: {module} ({', '.join(sorted(names)) or 'not installed'})")
    return found


def test_every_third_party_import_is_declared() -> None:
    required, extras = _declared()
    assert undeclared_imports(PACKAGE, required, extras) == []


def test_an_undeclared_import_is_found(tmp_path: Path) -> None:
    """The test above can fail: a module importing what no declared distribution provides,
    and an extra imported when the module is loaded, are both reported."""
    package = tmp_path / "ogpctl"
    package.mkdir()
    (package / "views.py").write_text(
        "import json\nfrom markupsafe import Markup\nfrom ogpctl.base import errors\n\n"
        "def page():\n    import pytest\n    return Markup, pytest\n", encoding="utf-8")
    (package / "eager.py").write_text("import pytest\n", encoding="utf-8")
    required, _ = _declared()
    assert undeclared_imports(package, required - {"markupsafe"}, {"pytest"}) == [
        "ogpctl/eager.py:1: pytest (pytest)",
        "ogpctl/views.py:2: markupsafe (markupsafe)",
    ]
