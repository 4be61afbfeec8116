"""What `ogpctl check` does once its arguments are read (`report`), and the shortcut that
reads them without Typer (`shortcut`).

`ogpctl check` is the command CI, editors and hooks run most, on small records and warm
caches, where Typer and click are a third of the time. The shortcut reads a command line
only when every argument is one it reads exactly as click would; help, a usage error, the
old positional spelling or anything unusual is left to the Typer command (`ogpctl.cli.check`),
so the help, the errors and their exit codes are click's. A test holds the two
declarations of the options to each other."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from ogpctl.cli.plain import (
    Echo,
    default_today,
    echo,
    guarded,
    streams_as_typer_finds_them,
    warnings_said,
)

if TYPE_CHECKING:
    from ogpctl.check.run import CheckOptions, CheckResult

FORMATS = ("text", "json", "github", "sarif", "gitlab")
#: The stages `--for` judges a plan at.
STAGES = ("co-creation", "submission", "implementation", "end-of-term")

#: Every spelling of the options of `ogpctl check` (`ogpctl.cli.check`), by parameter.
OPTIONS = {"--record": "records", "-C": "records", "--format": "format", "-f": "format",
           "--strict": "strict", "--plan": "plan", "--for": "for_", "--today": "today",
           "--no-cache": "no_cache", "--jobs": "jobs", "-j": "jobs", "--lang": "lang",
           "-l": "lang"}
#: The options that take no value.
FLAGS = frozenset({"strict", "no_cache"})
#: The one option that may be given more than once.
REPEATED = "records"


def check_options(today: date, plan: str | None, no_cache: bool, jobs: int,
                  stage: str | None, strict: bool) -> CheckOptions:
    """The options of the check the command line asks for."""
    from ogpctl.check.run import CheckOptions

    judged = None
    if stage:   # the record model is imported only when asked: a warm check needs none
        from ogpctl.record.model import Stage

        judged = Stage.parse(stage)
    return CheckOptions(today=today, plan=plan, use_cache=not no_cache, jobs=jobs,
                        stage=judged, strict=strict)


def report(paths: list[Path], options: CheckOptions, format: str | None,
           write: Echo, lang: str | None = None) -> int:
    """Check the records at `paths`, print the findings in `format` (text by default,
    GitHub annotations inside GitHub Actions), their messages in `lang` where ogpctl has
    their words (`ogpctl.rules.wording`), and return the exit code. Without `lang` the
    text is in the reader's language (`findings_language`); machine formats stay English."""
    from ogpctl.check.run import check

    result = check(paths, options)
    chosen = format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    if not result.diagnostics:
        lang = "en"       # nothing to say in a language: no record read again for it
    lang = lang or findings_language(result.records, chosen)
    if lang != "en":
        from ogpctl.rules.wording import findings_in

        result.diagnostics = findings_in(lang, result.diagnostics)
    if chosen == "text" and _plain_stdout():
        from ogpctl.check.report import to_text

        write(to_text(result), nl=False)    # a pipe or a file: no need to load rich
    elif chosen == "text":
        from ogpctl.cli.present import print_check

        print_check(result)
    else:
        write(_writer(chosen)(result), nl=False)
    return result.exit_code(options.strict)


def _plain_stdout() -> bool:
    """Whether standard output takes no colours: not a terminal, and rich not told to
    colour anyway (its FORCE_COLOR and TTY_COMPATIBLE)."""
    import sys

    isatty = getattr(sys.stdout, "isatty", None)
    return not (isatty and isatty()) and not os.environ.get("FORCE_COLOR") \
        and not os.environ.get("TTY_COMPATIBLE")


def _writer(name: str) -> Callable[[CheckResult], str]:
    """The machine format's writer, by name (imported when chosen)."""
    if name in ("json", "github"):
        from ogpctl.check import report as formats

        return formats.to_json if name == "json" else formats.to_github
    from ogpctl.check import forges

    return forges.to_sarif if name == "sarif" else forges.to_codequality


# -- the shortcut ----------------------------------------------------------------------------

class _Arguments:
    """`ogpctl check`'s arguments as the shortcut read them. (Not a dataclass: making one
    costs every check's start a third of a millisecond.)"""

    def __init__(self) -> None:
        self.records: list[Path] = []
        self.format: str | None = None
        self.strict = False
        self.plan: str | None = None
        self.for_: str | None = None
        self.today: date | None = None
        self.no_cache = False
        self.jobs = 0
        self.lang: str | None = None


def shortcut(args: Sequence[str]) -> Callable[[], int] | None:
    """`ogpctl check ...` as a call that runs it without Typer, or None when the command
    line is anything the shortcut does not read exactly as click would."""
    words = _words(args)
    if words is None or not streams_as_typer_finds_them() or _typer_first():
        return None
    arguments = _Arguments()
    for name, value in words:
        if not _take(arguments, name, value):
            return None
    return lambda: _answer(arguments)


def _typer_first() -> bool:
    """Whether Typer does something before any command: answer a shell's completion
    request, or expand wildcards in the arguments (on Windows)."""
    return bool(os.environ.get("_OGPCTL_COMPLETE")) or os.name == "nt"


def _answer(arguments: _Arguments) -> int:
    with warnings_said(echo):
        return guarded(lambda: _run(arguments))


def _run(arguments: _Arguments) -> int:
    options = check_options(arguments.today or default_today(), arguments.plan,
                            arguments.no_cache, arguments.jobs, arguments.for_,
                            arguments.strict)
    return report(arguments.records or [Path.cwd()], options, arguments.format, echo,
                  arguments.lang)


def _words(args: Sequence[str]) -> list[tuple[str, str]] | None:
    """(parameter, value) for each option of `check ...`; None for anything else: another
    command, help, a positional argument, `--`, a value that looks like an option, a
    single option given twice."""
    if not args or args[0] != "check":
        return None
    words: list[tuple[str, str]] = []
    rest = list(args[1:])
    while rest:
        spelling, equals, attached = rest.pop(0).partition("=")
        name = OPTIONS.get(spelling)
        if name is None or (equals and not spelling.startswith("--")):
            return None
        if name in FLAGS:
            if equals:
                return None
            value = ""
        else:
            value = attached if equals else rest.pop(0) if rest else ""
            if not _plain_value(value):
                return None
        if name != REPEATED and any(name == seen for seen, _ in words):
            return None
        words.append((name, value))
    return words


def _plain_value(value: str) -> bool:
    return bool(value) and not value.startswith("-") and "\0" not in value


def _take(arguments: _Arguments, name: str, value: str) -> bool:
    """Put one option's value in `arguments` as click converts it; False when click would
    refuse it (the Typer path then says why)."""
    if name in FLAGS:
        setattr(arguments, name, True)
    elif name == "records":
        if not _readable(value):
            return False
        arguments.records.append(Path(value))
    elif name == "format":
        arguments.format = value
        return value in FORMATS
    elif name == "for_":
        arguments.for_ = value
        return value in STAGES
    elif name == "today":
        try:
            arguments.today = date.fromisoformat(value)
        except ValueError:
            return False
    elif name == "jobs":
        if not (value.isascii() and value.isdigit()):
            return False
        arguments.jobs = int(value)
    elif name == "lang":
        arguments.lang = value
        return finding_language(value) is not None
    else:
        arguments.plan = value
    return True


def findings_language(records: list[Path], chosen: str) -> str:
    """The language of the findings when `--lang` is not given, by the reader-language
    convention of `status`, `deadlines` and `review`: in the text format for one record,
    its default language when ogpctl has words in it. English otherwise: the machine
    formats (json, sarif, github, gitlab) are read by programs and stay English whatever the
    record, and records of several languages checked at once have no one reader's
    language."""
    if chosen != "text" or len(records) != 1:
        return "en"
    from ogpctl.base.i18n import has_catalogue
    from ogpctl.record.discover import RECORD_FILE
    from ogpctl.record.kinds import Kind
    from ogpctl.record.model import Document, Record
    from ogpctl.record.read import read_bytes

    try:
        raw = (records[0] / RECORD_FILE).read_bytes()
    except OSError:       # check has reported it: English, as for no record
        return "en"
    read = read_bytes(raw, Kind.OGP)
    ogp = Document(RECORD_FILE, Kind.OGP, read[2], read[1])
    default = Record(records[0], {}, ogp=ogp).languages.default
    return default if has_catalogue(default) else "en"


def finding_language(value: str) -> str | None:
    """`--lang` of `check`: a language ogpctl has words in (fr-CA has French ones); None
    for any other (the Typer path then holds it to the record's languages)."""
    from ogpctl.base.i18n import has_catalogue

    return value if has_catalogue(value) else None


def _readable(value: str) -> bool:
    """Typer refuses a path that exists but cannot be read."""
    try:
        os.stat(value)
    except OSError:
        return True
    return os.access(value, os.R_OK)
