"""The layers of docs/architecture.md, held: every import in the package (at the top of a
module or inside a function) goes down the layers or stays in its package, and no two
modules import each other, however indirectly."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "ogpctl"

#: Top to bottom. Packages on one line are peers: neither imports the other.
LAYERS: list[set[str]] = [
    {"__main__"},
    {"cli"},
    {"workflow"},
    {"review"},
    {"site"},
    {"importers"},
    {"render", "translate"},
    {"check"},
    {"rules"},
    {"scaffold"},
    {"edit", "domain"},
    {"record"},
    {"source"},
    {"base"},
]

#: The package's face: its version is read from everywhere; the names it exports are
#: imported lazily by it, so it sits at the top with `cli`.
FACE = "ogpctl"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports_of(path: Path) -> list[tuple[str, int, list[str]]]:
    """(module imported, line, names imported from it) for every import in `path`."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(alias.name, node.lineno, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            found.append((base, node.lineno, [alias.name for alias in node.names]))
    return [item for item in found if item[0] == FACE or item[0].startswith(FACE + ".")]


def all_modules() -> dict[str, Path]:
    return {module_name(path): path for path in PACKAGE.rglob("*.py")}


def resolve(target: str, names: list[str], modules: dict[str, Path]) -> list[str]:
    """The modules an import loads: `from a import b` loads `a.b` when that is a module."""
    loaded = [name for name in (f"{target}.{n}" for n in names) if name in modules]
    return loaded or [target]


def layer_of(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1:
        return 0
    for index, layer in enumerate(LAYERS):
        if parts[1] in layer:
            return index
    raise AssertionError(f"{module} is in no layer of tests/test_architecture.py: "
                         f"add its package to LAYERS and docs/architecture.md")


def package_of(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def graph() -> dict[str, set[tuple[str, int]]]:
    modules = all_modules()
    edges: dict[str, set[tuple[str, int]]] = defaultdict(set)
    for name, path in modules.items():
        for target, line, names in imports_of(path):
            if target == FACE and names == ["__version__"]:
                continue
            for loaded in resolve(target, names, modules):
                edges[name].add((loaded, line))
    return edges


def test_every_package_is_in_a_layer() -> None:
    tops = {p.name for p in PACKAGE.iterdir() if p.is_dir() and (p / "__init__.py").exists()}
    placed = set().union(*LAYERS)
    assert tops - placed == set(), "packages missing from LAYERS"
    assert placed - tops - {"__main__"} == set(), "LAYERS names packages that do not exist"


def test_only_the_face_and_entry_point_sit_at_the_top() -> None:
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py"]


def test_imports_go_down_the_layers() -> None:
    upward = []
    for source, targets in graph().items():
        for target, line in targets:
            if package_of(source) == package_of(target) or package_of(source) == "":
                continue
            if layer_of(target) <= layer_of(source):
                upward.append(f"{source}:{line} imports {target}")
    assert upward == []


def test_no_import_cycles() -> None:
    edges = {source: {target for target, _ in targets} for source, targets in graph().items()}
    cycles = []
    state: dict[str, int] = {}

    def visit(node: str, trail: list[str]) -> None:
        state[node] = 1
        for target in sorted(edges.get(node, ())):
            if target == node or target == FACE:
                continue
            if state.get(target) == 1:
                cycles.append(" -> ".join(trail[trail.index(target):] + [node, target])
                              if target in trail else f"{node} -> {target}")
            elif target not in state:
                visit(target, trail + [node])
        state[node] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module, [])
    assert cycles == []


def test_the_graph_holds_imports_inside_functions() -> None:
    """A guard for the guard: every import made inside a function is in the graph."""
    edges = graph()
    nested = []
    for module, path in all_modules().items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nested += [(module, node.lineno) for fn in ast.walk(tree)
                   if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))
                   for node in ast.walk(fn) if isinstance(node, ast.ImportFrom)
                   and (node.module or "").startswith("ogpctl.")]
    assert nested, "no import inside a function at all: the guard guards nothing"
    missing = [f"{m}:{line}" for m, line in nested if line not in {ln for _, ln in edges[m]}]
    assert missing == []
