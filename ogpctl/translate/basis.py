"""The source text a translation was made from, however it arrived: imported from a PO or
XLIFF file, typed into the YAML, or brought in by `import plan --update`.

A translation is current when the text it was made from is the source as it is now. The
text it was made from is, first, the source a translator confirmed on import (the digest in
`.ogpctl/translations/<lang>.json`, `ogpctl.translate.state`); else what git remembers: the
source as it stood in the oldest version of the file that already held the translation as
it is now (the version in which the translation was last written). A source that changed
since is reported changed whichever way the translation came. Texts compare by their words,
so that a line wrapped anew is no change. Outside git, or for a file git does not know, only
the digests speak, and a translation with none counts as current.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ogpctl.base import vcs
from ogpctl.base.errors import RecordWriteError
from ogpctl.record.text import translations
from ogpctl.source import frontmatter
from ogpctl.source.text import decode
from ogpctl.source.yaml import parse_yaml
from ogpctl.translate.sections import without_guide
from ogpctl.translate.state import digest

#: The most versions of one file read back for its translations' history.
MAX_VERSIONS = 200

Path_ = tuple[Any, ...]
Pair = tuple[str, str]      # (translation, source) as one version of a file held them


def same(first: str, second: str) -> bool:
    """Two texts alike word for word (line breaks and spacing aside)."""
    return first.split() == second.split()


class History:
    """What a record's git history says each translation was made from; read once per
    file, and only for files with a translation no digest confirms."""

    def __init__(self, root: Path, default: str, hashes: dict[str, str]) -> None:
        self.root = root
        self.default = default
        self.hashes = hashes
        self._commits: dict[str, list[str]] = {}
        self._versions: dict[str, list[Any]] = {}
        self._git: bool | None = None

    def changed(self, context: str, source: str, basis: Callable[[], str | None]) -> bool:
        """Whether the translation `current` of `source` was made from another source text:
        a digest that matches says no; else git's `basis()` decides; else the digest."""
        known = self.hashes.get(context)
        if known == digest(source):
            return False
        made_from = basis() if self.usable() else None
        if made_from is not None:
            return not same(made_from, source)
        return known is not None

    def usable(self) -> bool:
        if self._git is None:
            try:
                self._git = vcs.repository_root(self.root) is not None
            except RecordWriteError:    # git itself is missing
                self._git = False
        return self._git

    def field_basis(self, file: str, path: Path_, lang: str, source_lang: str,
                    now: Pair) -> str | None:
        """The source of the field at `path` of `file` in the oldest version, going back
        from `now`, whose `lang` text is still the current one; None when git has no
        version of the file."""
        versions = self._file_versions(file)
        if not versions:
            return None
        made_from = now[1]
        for data in versions:
            pair = self._pair(_at(data, path), lang, source_lang)
            if pair is None or not same(pair[0], now[0]):
                break
            made_from = pair[1]
        return made_from

    def section_basis(self, target: str, source_file: str) -> str | None:
        """The source section (without the scaffold's guide) as it stood in the commit that
        last changed the translated section file `target`; None when git has none, or the
        translation has changes not committed yet (made from the source as it is now)."""
        commits = self._file_commits(target)
        if not commits or vcs.uncommitted(self.root, target):
            return None
        data = vcs.file_at(self.root, commits[0], source_file)
        text = decode(data).text if data is not None else None
        return without_guide(frontmatter.split(text).body) if text is not None else None

    def _pair(self, value: Any, lang: str, source_lang: str) -> Pair | None:
        texts = translations(value, self.default)
        if lang not in texts or source_lang not in texts:
            return None
        return texts[lang], texts[source_lang]

    def _file_commits(self, file: str) -> list[str]:
        if file not in self._commits:
            try:
                self._commits[file] = vcs.file_commits(self.root, file)[:MAX_VERSIONS]
            except RecordWriteError:
                self._commits[file] = []
        return self._commits[file]

    def _file_versions(self, file: str) -> list[Any]:
        """The parsed data of each committed version of `file`, newest first."""
        if file not in self._versions:
            self._versions[file] = [data for commit in self._file_commits(file)
                                    if (data := _parsed(self.root, commit, file)) is not None]
        return self._versions[file]


def _parsed(root: Path, commit: str, file: str) -> Any:
    try:
        raw = vcs.file_at(root, commit, file)
    except (ValueError, OSError, AttributeError):   # a folder there, or an unreadable blob
        return None
    text = decode(raw).text if raw is not None else None
    if text is None:
        return None
    if file.endswith(".md"):
        text = frontmatter.split(text).yaml
        if text is None:
            return None
    parsed = parse_yaml(text)
    return parsed.data if parsed.ok else None


def _at(data: Any, path: Path_) -> Any:
    for step in path:
        if isinstance(step, int) and isinstance(data, list) and 0 <= step < len(data):
            data = data[step]
        elif isinstance(step, str) and isinstance(data, dict):
            data = data.get(step)
        else:
            return None
    return data
