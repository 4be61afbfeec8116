"""`ogpctl init`: a new country record."""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ogpctl import __version__
from ogpctl.base.errors import RecordWriteError, UsageError
from ogpctl.base.i18n import Language, has_catalogue
from ogpctl.base.resources import data_dir
from ogpctl.record.discover import RECORD_FILE, find_root
from ogpctl.record.kinds import LANGUAGE
from ogpctl.scaffold.files import FileSet, Outcome, make_folder
from ogpctl.scaffold.slugs import slugify
from ogpctl.scaffold.templating import render, schema_line
from ogpctl.source.text import describe_char

ISO_CODE = re.compile(r"[A-Z]{2,3}")
#: Where `ogpctl init` copies the JSON Schemas, relative to the record.
SCHEMAS = "schemas"


@dataclass
class RecordAnswers:
    """Everything `ogpctl init` needs; None leaves the field empty for later."""

    country: dict[str, str] = field(default_factory=dict)   # the name in each language
    iso_code: str | None = None
    languages: list[str] = field(default_factory=lambda: ["en"])
    lead_agency: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None


@dataclass
class InitResult:
    root: Path
    outcome: Outcome
    repository: Path | None      # the git working tree holding the record
    created_repository: bool


def parse_languages(text: str) -> list[str]:
    codes = [part.strip() for part in text.split(",") if part.strip()]
    bad = [code for code in codes if not LANGUAGE.fullmatch(code)]
    if not codes or bad:
        raise UsageError(f"--languages {text!r}: give language codes separated by commas, "
                         "such as en,es or fr,ar")
    return list(dict.fromkeys(codes))


def record_languages(languages: list[str]) -> tuple[str, ...]:
    """The languages of a record whose --languages are `languages`: English, then the
    administrative languages (handbook 2.2)."""
    return tuple(dict.fromkeys(["en", *languages]))


def without_labels(languages: list[str]) -> tuple[str, ...]:
    """The record's languages ogpctl has no labels in (no catalogue in templates/locales/):
    its documents and pages in them carry English headings, labels and fixed sentences
    around the record's own texts."""
    return tuple(code for code in record_languages(languages) if not has_catalogue(code))


def labels_note(code: str) -> str:
    """Said plainly at `init` about a record language ogpctl has no labels in."""
    language = Language(code)
    known = language.locale.language == code.split("-")[0]   # else Babel gave English
    name = language.name_in("en") if known else code
    said = f"{name} ({code})" if known else code
    return (f"ogpctl has no labels in {said}: documents and website pages in {name} "
            f"will show the record's {name} texts with ogpctl's headings, labels and fixed "
            "sentences in English; to add them, translate a catalogue into templates/locales/ "
            "(docs/documents.md, \"Languages\")")


def parse_country(values: list[str], languages: list[str]) -> dict[str, str]:
    """The country's name by language from --country values: `es=República de X` (or
    several, `es=...,en=...`) names it in one language, a bare name in the default one."""
    named: dict[str, str] = {}
    allowed = record_languages(languages)
    for value in values:
        for lang, name in _named_parts(value, languages[0]):
            if lang not in allowed:
                raise UsageError(f"--country {value!r}: {lang} is not a language of the "
                                 f"record ({', '.join(allowed)}); add it to --languages")
            if lang in named:
                raise UsageError(f"--country names the country in {lang} twice")
            named[lang] = check_text(name, "--country") or ""
    return named


_NAMED = re.compile(r"\s*([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\s*=(.*)", re.S)


def _named_parts(value: str, default: str) -> list[tuple[str, str]]:
    """[(language, name)] of one --country value. Commas split it only when every part
    starts with a language code and "=", so "Bolivia, Plurinational State of" stays whole."""
    parts = [_NAMED.fullmatch(part) for part in value.split(",")]
    if len(parts) > 1 and all(parts):
        return [(m.group(1), m.group(2)) for m in parts if m]
    whole = _NAMED.fullmatch(value)
    return [(whole.group(1), whole.group(2))] if whole else [(default, value)]


def check_text(value: str | None, option: str) -> str | None:
    if value is None:
        return None
    value = value.strip()
    if not value:
        raise UsageError(f"{option} needs a non-empty text on one line")
    odd = next((char for char in value if not char.isprintable()), None)
    if odd is not None:
        what = "a line break" if char_is_break(odd) else describe_char(odd)
        raise UsageError(f"{option} holds {what}; give a text on one line without control "
                         "characters")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(f"{option} is not valid text in the terminal's encoding") from None
    return unicodedata.normalize("NFC", value)


def char_is_break(char: str) -> bool:
    return char in "\n\r\x0b\x0c\x85\u2028\u2029"


def record_files(root: Path, answers: RecordAnswers) -> FileSet:
    iso = answers.iso_code
    if iso is not None and not ISO_CODE.fullmatch(iso):
        raise UsageError(f"--iso-code {iso!r}: give the ISO 3166-1 code in capital letters, "
                         "such as CL or CHL")
    default = answers.languages[0]
    administrative = [lang for lang in answers.languages if lang != "en"]
    languages = record_languages(administrative)
    lead = None
    if answers.lead_agency:
        lead = {"id": slugify(answers.lead_agency, "lead-agency"),
                "name": {default: answers.lead_agency}}
    values = dict(languages=languages, default_language=default, administrative=administrative,
                  country=answers.country,
                  iso_code=iso, lead=lead, lead_agency=lead["id"] if lead else None,
                  contact_name=answers.contact_name, contact_email=answers.contact_email)
    files = FileSet(root)
    for name, template in (("ogp.yaml", "ogp"), ("stakeholders.yaml", "stakeholders"),
                           ("forum/forum.yaml", "forum")):
        files.add(name, render(f"record/{template}.yaml.j2",
                               schema_line=schema_line(SCHEMAS, template, name), **values))
    files.folder("forum/meetings")
    files.folder("plans")
    files.add(".gitignore", render("record/gitignore.j2"))
    country = answers.country.get(default) or next(iter(answers.country.values()), None)
    title = f"{country} OGP record" if country else "OGP record"
    files.add("README.md", render("record/README.md.j2", title=title))
    for schema in sorted(data_dir("schemas").glob("*.schema.json")):
        files.add(f"{SCHEMAS}/{schema.name}", schema.read_text(encoding="utf-8"))
    return files


def repository_files(root: Path, repository: Path) -> FileSet:
    """The CI of both forges (a GitHub workflow and a .gitlab-ci.yml) and the pre-commit
    config, at the top of the git working tree."""
    relative = root.absolute().relative_to(repository.absolute()).as_posix()
    record_path = "." if relative == "." else relative
    pattern = "" if relative == "." else f"^{re.escape(relative)}/"
    files = FileSet(repository)
    files.add(".github/workflows/ogpctl.yml",
              render("record/workflow.yml.j2", version=__version__, record_path=record_path))
    files.add(".gitlab-ci.yml",
              render("record/gitlab-ci.yml.j2", version=__version__, record_path=record_path))
    files.add(".pre-commit-config.yaml",
              render("record/pre-commit-config.yaml.j2", record_path=record_path,
                     files_pattern=pattern or None, version=__version__))
    return files


def init_record(root: Path, answers: RecordAnswers) -> InitResult:
    """Create a country record at `root` (made if missing), and a git repository for it
    when it is not inside one. Refuses a folder that is already a record."""
    from ogpctl.base import vcs
    if root.exists() and not root.is_dir():
        raise UsageError(f"{root} is a file, not a folder")
    existing = find_root(root.absolute()) if root.exists() else None
    if existing is not None:
        raise RecordWriteError(f"{existing} holds a country record already ({RECORD_FILE}); "
                               "nothing was written")
    repository = vcs.repository_root(root)
    created = repository is None
    files = record_files(root, answers)
    make_folder(root)
    if repository is None:
        vcs.init_repository(root)
        repository = root
    outcome = files.write()
    extra = repository_files(root, repository).write()
    prefix = os.path.relpath(repository, root)
    outcome.created += [f"{prefix}/{p}" if prefix != "." else p for p in extra.created]
    outcome.kept += [f"{prefix}/{p}" if prefix != "." else p for p in extra.kept]
    return InitResult(root, outcome, repository, created)


__all__ = ["RecordAnswers", "InitResult", "init_record", "labels_note", "parse_country",
           "parse_languages", "record_languages", "slugify", "without_labels"]
