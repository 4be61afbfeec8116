"""ogpctl works from an installed wheel, without the source tree: schemas and templates
ship inside the package and are found through one resolver, and the wheel declares every
library the package imports.

The fresh environment borrows the test environment's libraries (a `.pth` line) instead of
installing them again from the index: the wheel itself is installed for real, and what a
fresh install would catch (a library imported but not declared) is checked from the wheel's
own metadata against every import in the installed package."""

from __future__ import annotations

import ast
import importlib.metadata
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE

pytestmark = pytest.mark.slow


def _run(*args: object, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True,
                          text=True, check=False, timeout=900)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, dict[str, str]]:
    """(wheel, environment, process environment): the wheel built from the source tree and
    installed into a new virtual environment outside it."""
    tmp_path = tmp_path_factory.mktemp("wheel")
    env = dict(os.environ)
    # pip's download cache lives in the project's .venv, never in the real home directory.
    env["PIP_CACHE_DIR"] = str(Path(sys.prefix) / ".pip-cache")
    env.pop("PYTHONPATH", None)
    dist = tmp_path / "dist"
    built = _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, ROOT,
                 cwd=tmp_path, env=env)
    assert built.returncode == 0, built.stderr
    [wheel] = dist.glob("ogpctl-*.whl")

    venv = tmp_path / "venv"
    made = _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path, env=env)
    assert made.returncode == 0, made.stderr
    python = venv / "bin" / "python"
    site = _run(python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))",
                cwd=tmp_path, env=env).stdout.strip()
    # After the new environment's own folder: ogpctl resolves to the wheel's copy, and the
    # test environment's editable ogpctl (its own .pth file) is never read.
    Path(site, "borrowed-libraries.pth").write_text(sysconfig.get_path("purelib") + "\n")
    installed = _run(python, "-m", "pip", "install", "--no-deps", "--no-index", "--quiet",
                     wheel, cwd=tmp_path, env=env)
    assert installed.returncode == 0, installed.stderr
    return wheel, venv, env


def test_wheel_in_a_fresh_environment(installed: tuple[Path, Path, dict[str, str]],
                                      tmp_path: Path) -> None:
    _, venv, env = installed
    python = venv / "bin" / "python"
    record = tmp_path / "elsewhere" / "sample-country"
    shutil.copytree(SAMPLE, record, ignore=shutil.ignore_patterns(".ogpctl-cache"))
    where = _run(python, "-c", "import ogpctl, ogpctl.base.resources as r; "
                 "print(ogpctl.__file__); print(r.data_dir('schemas'))", cwd=tmp_path, env=env)
    assert where.returncode == 0, where.stderr
    for line in where.stdout.split():
        assert Path(line).is_relative_to(venv), where.stdout
    checked = _run(venv / "bin" / "ogpctl", "check", record, "--today", "2026-11-23",
                   cwd=tmp_path, env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "no problems found" in checked.stdout
    module = _run(python, "-m", "ogpctl", "explain", "S240", cwd=tmp_path, env=env)
    assert module.returncode == 0 and "S240" in module.stdout
    scaffold = tmp_path / "new-record"
    ogpctl = venv / "bin" / "ogpctl"
    for args in (("init", scaffold, "--country", "Testland", "--languages", "en,fr"),
                 ("new-plan", "-C", scaffold, "--window", "june", "--due-year", "2027",
                  "--length", "2"),
                 ("new-commitment", "-C", scaffold, "2027-2029", "Open contracting"),
                 ("check", scaffold, "--today", "2026-12-02")):
        done = _run(ogpctl, *args, cwd=tmp_path, env=env)
        assert done.returncode == 0, f"{args}: {done.stdout}{done.stderr}"
    assert "F105" in done.stdout and "S201" in done.stdout


def declared(wheel: Path) -> list[str]:
    """The wheel's requirements (Requires-Dist), as pip reads them."""
    with zipfile.ZipFile(wheel) as archive:
        [name] = [n for n in archive.namelist() if n.endswith(".dist-info/METADATA")]
        metadata = archive.read(name).decode("utf-8")
    return [line.split(":", 1)[1].strip() for line in metadata.splitlines()
            if line.startswith("Requires-Dist:")]


def installed_with(requirements: list[str]) -> set[str]:
    """What pip installs for `requirements` without extras: each distribution and, for the
    extras asked of it, what it requires in turn (names as pip compares them)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    found: set[tuple[str, str]] = set()
    todo = [(Requirement(text), "") for text in requirements]
    while todo:
        requirement, extra = todo.pop()
        if requirement.marker is not None and not requirement.marker.evaluate({"extra": extra}):
            continue
        name = canonicalize_name(requirement.name)
        for wanted in {"", *requirement.extras} - {e for n, e in found if n == name}:
            found.add((name, wanted))
            todo += [(Requirement(text), wanted)
                     for text in importlib.metadata.requires(name) or []]
    return {name for name, _ in found}


def imported(package: Path) -> set[str]:
    """Top-level names of every module the package imports, at its top or in a function."""
    names = set()
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
            if isinstance(node, ast.Import):
                names |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"ogpctl", "__future__"}


def test_the_wheel_brings_every_library_it_imports(
        installed: tuple[Path, Path, dict[str, str]]) -> None:
    """What a fresh `pip install ogpctl` would miss: a library imported, at the top or in a
    function, that no requirement of the wheel brings (itself or through another one)."""
    from packaging.utils import canonicalize_name

    wheel, venv, _ = installed
    [package] = venv.glob("lib/python*/site-packages/ogpctl")
    brought = installed_with(declared(wheel))
    assert {"typer", "typst", "python-docx", "jinja2", "markupsafe"} <= brought, brought
    assert not {"pytest", "hypothesis", "playwright"} & brought, "test extras are not installed"
    providers = importlib.metadata.packages_distributions()
    missing = {module: providers.get(module) for module in imported(package)
               if not {canonicalize_name(d) for d in providers.get(module, [])} & brought}
    assert missing == {}, f"imported but brought by no requirement of the wheel: {missing}"
