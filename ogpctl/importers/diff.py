"""The edits that bring a record file's data to what a source says, field by field: a text
in one language, a date, a status, a milestone or a progress update added. Nothing the
source does not give is touched, and nothing is removed: an update only adds and changes.

Lists are matched by what identifies their items: milestones by number, progress updates
by date, links and evidence by address, supporting stakeholders by their id (written alone
or as {stakeholder, role}), values by themselves.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from ogpctl.edit.yamltext import CURRENT, Change
from ogpctl.record.text import translations

#: Keys whose values are texts ({lang: text}, or a plain string in the default language).
TEXT_KEYS = frozenset({"name", "title", "brief-description", "theme", "what", "causes",
                       "done-so-far", "solution", "results", "relevance", "output", "note",
                       "role", "priority", "co-creation", "reasoned-response", "jurisdiction",
                       "national-policy", "resources", "responsibilities", "risks"})
#: Lists of texts matched by position (a list in one language, then in another).
TEXT_LISTS = frozenset({"activities"})
#: Lists of mappings, and the key that identifies their items.
ITEM_KEYS = {"stakeholders": "id", "milestones": "number", "progress": "date", "links": "url",
             "evidence": "url", "government": "stakeholder", "civil-society": "stakeholder",
             "other": "stakeholder"}


class Edit(NamedTuple):
    change: Change
    said: str          # what changes, in words, for the user


def edits(old: Any, new: dict[str, Any], default: str) -> list[Edit]:
    """The edits that make `old` (a file's data) hold everything in `new`."""
    return _mapping(old if isinstance(old, dict) else {}, new, (), default)


def _mapping(old: dict, new: dict, path: tuple, default: str) -> list[Edit]:
    found: list[Edit] = []
    for name, value in new.items():
        here = path + (name,)
        current = old.get(name)
        if name in TEXT_KEYS:
            found += _text(current, value, here, default)
        elif current is None:
            found.append(Edit(Change(here, value), f"{_where(here)}: {_shown(value)}"))
        elif isinstance(value, dict) and isinstance(current, dict):
            found += _mapping(current, value, here, default)
        elif isinstance(value, list) and isinstance(current, list):
            found += _list(current, value, here, default)
        elif value != current:
            found.append(Edit(Change(here, value), f"{_where(here)}: {_shown(current)} -> "
                              f"{_shown(value)}"))
    return found


def _text(current: Any, value: dict[str, str] | str, path: tuple, default: str
          ) -> list[Edit]:
    if isinstance(value, str):
        value = {default: value}
    have = translations(current, default)
    wanted = {lang: text for lang, text in value.items()
              if " ".join(have.get(lang, "").split()) != " ".join(text.split())}
    if not wanted:
        return []
    said = [f"{_where(path)} ({lang}): "
            + (f"{_shown(have[lang])} -> " if lang in have else "") + _shown(text)
            for lang, text in wanted.items()]
    if isinstance(current, dict):
        return [Edit(Change(path + (lang,), text), line)
                for (lang, text), line in zip(wanted.items(), said, strict=True)]
    if isinstance(current, str) and current.strip() and default not in wanted:
        return [Edit(Change(path, {default: CURRENT, **wanted}), "; ".join(said))]
    return [Edit(Change(path, dict(wanted) if not (isinstance(current, str) and
                                                   list(wanted) == [default])
                        else wanted[default]), "; ".join(said))]


def _list(current: list, value: list, path: tuple, default: str) -> list[Edit]:
    ident = ITEM_KEYS.get(path[-1])
    found: list[Edit] = []
    added = 0
    if path[-1] in TEXT_LISTS:
        for at, text in enumerate(value[:len(current)]):
            found += _text(current[at], text, path + (at,), default)
        value = value[len(current):]
    for item in value:
        if ident and isinstance(item, dict):
            index = next((i for i, old in enumerate(current) if isinstance(old, dict)
                          and old.get(ident) == item.get(ident)), None)
            if index is not None:
                found += _mapping(current[index], item, path + (index,), default)
                continue
            if item.get(ident) in current:      # an id alone, now given with its role
                index = current.index(item.get(ident))
                found.append(Edit(Change(path + (index,), item),
                                  f"{_where(path + (index,))}: {_shown(item)}"))
                continue
        elif item in current or (ident and any(isinstance(old, dict) and old.get(ident) == item
                                               for old in current)):
            continue
        found.append(Edit(Change(path + (len(current) + added,), item),
                          f"{_where(path)}: added {_shown(item)}"))
        added += 1
    return found


def _where(path: tuple) -> str:
    """A path in words: milestones.0.status -> "milestone 1 status"."""
    words: list[str] = []
    for step in path:
        if isinstance(step, int):
            words[-1] = f"{words[-1].rstrip('s')} #{step + 1}" if words else f"#{step + 1}"
        else:
            words.append(str(step))
    return " ".join(words)


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        value = value.get("title") or value.get("url") or value.get("date") or \
            value.get("number") or value.get("stakeholder") or value
    text = " ".join(str(value).split())
    return repr(text if len(text) <= 60 else text[:57] + "...")
