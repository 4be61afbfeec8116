"""The site's templates compiled once and kept in the record's store
(`ogpctl.site.compiled`): a rebuild compiles no template whose source is unchanged, and a
stored code object is never used for another source, Jinja or Python."""

from __future__ import annotations

import sqlite3

import jinja2
import pytest

from ogpctl.site import compiled
from ogpctl.site.store import Store

PAGE = "{% for x in items %}<li>{{ x }}</li>{% endfor %}"


def _store() -> Store:
    store = Store(sqlite3.connect(":memory:"))
    store._prepare()
    return store


def _environment(source: str = PAGE) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader({"page.html.j2": source}),
                              autoescape=True, bytecode_cache=compiled.StoredCode())


def _compiles(monkeypatch: pytest.MonkeyPatch, environment: jinja2.Environment) -> list[str]:
    names: list[str] = []
    compile_ = environment.compile

    def counting(source: str, name: str | None = None, *args: object, **kw: object) -> object:
        names.append(str(name))
        return compile_(source, name, *args, **kw)   # type: ignore[arg-type]

    monkeypatch.setattr(environment, "compile", counting)
    return names


def test_a_rebuild_takes_the_compiled_templates_from_the_store(
        monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store()
    first = _environment()
    made = _compiles(monkeypatch, first)
    compiled.load_templates(first, store)
    assert made == ["page.html.j2"]
    store.flush()
    again = _environment()
    names = _compiles(monkeypatch, again)
    compiled.load_templates(again, store)
    assert names == []
    assert again.get_template("page.html.j2").render(items=["<a>"]) == \
        first.get_template("page.html.j2").render(items=["<a>"]) == "<li>&lt;a&gt;</li>"


def test_a_changed_template_is_compiled_again(monkeypatch: pytest.MonkeyPatch) -> None:
    store = _store()
    compiled.load_templates(_environment(), store)
    store.flush()
    changed = _environment(PAGE.replace("<li>", "<p>").replace("</li>", "</p>"))
    names = _compiles(monkeypatch, changed)
    compiled.load_templates(changed, store)
    assert names == ["page.html.j2"]
    assert changed.get_template("page.html.j2").render(items=["x"]) == "<p>x</p>"


@pytest.mark.parametrize("version", ["jinja", "python"])
def test_code_of_another_jinja_or_python_is_not_used(monkeypatch: pytest.MonkeyPatch,
                                                     version: str) -> None:
    store = _store()
    compiled.load_templates(_environment(), store)
    store.flush()
    if version == "jinja":
        monkeypatch.setattr(compiled.jinja2, "__version__", "0.0")
    else:
        monkeypatch.setattr(compiled.sys, "version", "0.0")
    other = _environment()
    names = _compiles(monkeypatch, other)
    compiled.load_templates(other, store)
    assert names == ["page.html.j2"]


@pytest.mark.parametrize("damage", [b"", b"\x00garbage", None])
def test_a_damaged_entry_is_compiled_again(monkeypatch: pytest.MonkeyPatch,
                                           damage: bytes | None) -> None:
    import marshal

    store = _store()
    compiled.load_templates(_environment(), store)
    key = store.new[0][0]
    store.new = []
    store.put(key, marshal.dumps("not code") if damage is None else damage)
    store.flush()
    again = _environment()
    names = _compiles(monkeypatch, again)
    compiled.load_templates(again, store)
    assert names == ["page.html.j2"]
    assert again.get_template("page.html.j2").render(items=[1]) == "<li>1</li>"


def test_without_a_store_nothing_is_kept() -> None:
    environment = _environment()
    compiled.load_templates(environment, None)
    assert environment.bytecode_cache.store is None   # type: ignore[union-attr]
    assert environment.get_template("page.html.j2").render(items=[2]) == "<li>2</li>"


def test_code_of_another_ogpctl_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    """The environment's options (autoescaping, trimming) are ogpctl's code: a template
    compiled by another ogpctl is compiled again."""
    store = _store()
    compiled.load_templates(_environment(), store)
    store.flush()
    monkeypatch.setattr(compiled, "code_digest", lambda: b"another ogpctl")
    other = _environment()
    names = _compiles(monkeypatch, other)
    compiled.load_templates(other, store)
    assert names == ["page.html.j2"]
